import 'reflect-metadata';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from './app.module';
import { langOf } from './common/errors';
import { createLogger, PinoNestLogger } from './common/logger';
import { env } from './config/env';
import { registerOpenApiRoutes } from './modules/openapi/openapi.routes';
import { CLIENT_CSP, registerSecurityHeaders } from './common/security-headers';
import { registerBodyLimits } from './common/body-limits';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Build the api process's app: Nest on Fastify, JSON logs with request ids, the client at /. */
export async function createApp(): Promise<NestFastifyApplication> {
  const cfg = env();
  const log = createLogger(cfg.LOG_LEVEL, 'api');
  const adapter = new FastifyAdapter({
    loggerInstance: log,
    bodyLimit: cfg.JSON_BODY_LIMIT_BYTES,
    // signed media tokens travel in the path
    routerOptions: { maxParamLength: 400 },
    trustProxy: true,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: new PinoNestLogger(log),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  registerSecurityHeaders(fastify, cfg.CORS_ORIGIN);
  registerBodyLimits(fastify, cfg.JSON_BODY_LIMIT_BYTES);
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    done();
  });
  await fastify.register(fastifyMultipart as never, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  registerOpenApiRoutes(fastify, process.env.npm_package_version ?? '0.1.0');
  registerClient(fastify, cfg.CLIENT_DIST);
  await app.init();
  return app;
}

/** Serve the built client at / with the SPA's index for its routes; unknown /api paths stay JSON 404s. */
function registerClient(fastify: FastifyInstance, dir: string) {
  const root = dir ? path.resolve(dir) : '';
  const index = root ? path.join(root, 'index.html') : '';
  const hasClient = !!index && existsSync(index);
  if (hasClient) {
    void fastify.register(fastifyStatic as never, { root, wildcard: false, index: false });
  }
  // Exact routes (the API, the assets) win over this wildcard in Fastify's router.
  fastify.get('/*', (req, reply) => {
    if (!req.url.startsWith('/api') && hasClient) {
      return void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', CLIENT_CSP).send(readFileSync(index));
    }
    const zh = langOf(req.headers['accept-language']) === 'zh';
    void reply.status(404).send({ code: 'NOT_FOUND', message: zh ? '接口不存在' : 'No such route', requestId: String(req.id) });
  });
}
