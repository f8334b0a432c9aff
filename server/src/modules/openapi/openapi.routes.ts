import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApi } from './openapi';

const DOCS_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>学时 Xueshi API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script></body></html>`;

const INIT_JS = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', deepLinking: true });`;

const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js']);

/** /api/openapi.json and the Swagger UI at /api/docs, straight on Fastify: they are not contract routes. */
export function registerOpenApiRoutes(app: FastifyInstance, version: string) {
  const doc = JSON.stringify(buildOpenApi(version));
  const uiDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  app.get('/api/openapi.json', (_req, reply) => {
    void reply.type('application/json').send(doc);
  });
  app.get('/api/docs', (_req, reply) => {
    void reply.type('text/html; charset=utf-8').send(DOCS_HTML);
  });
  app.get<{ Params: { file: string } }>('/api/docs/assets/:file', (req, reply) => {
    const file = req.params.file;
    if (file === 'init.js') return void reply.type('application/javascript').send(INIT_JS);
    if (!ASSETS.has(file)) return void reply.status(404).send({ code: 'NOT_FOUND', message: 'Not found' });
    void reply
      .type(file.endsWith('.css') ? 'text/css' : 'application/javascript')
      .header('cache-control', 'public, max-age=86400')
      .send(readFileSync(path.join(uiDir, file)));
  });
}
