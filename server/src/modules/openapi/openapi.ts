import { ErrorBody, RouteDef, routes } from '@xueshi/shared';
import { z } from 'zod';

type Json = Record<string, unknown>;

function schema(s: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Json;
  delete out.$schema;
  return out;
}

function parameters(s: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!s) return [];
  const js = schema(s, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, sch]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: sch,
  }));
}

function operation(def: RouteDef): Json {
  const responses: Json = {};
  const ok = String(def.status ?? 200);
  responses[ok] = def.download
    ? { description: def.download, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
    : { description: 'OK', content: def.response ? { 'application/json': { schema: schema(def.response, 'output') } } : undefined };
  const err = { $ref: '#/components/schemas/ErrorBody' };
  const errors: Record<string, string> = { '400': 'Invalid input: the field at fault is named' };
  if (def.auth !== 'public') Object.assign(errors, { '401': 'Not signed in', '403': 'Not allowed' });
  if (def.params) errors['404'] = 'Not found within the caller\'s scope';
  for (const [code, description] of Object.entries(errors)) responses[code] = { description, content: { 'application/json': { schema: err } } };
  const op: Json = {
    operationId: def.id,
    summary: def.summary,
    tags: [def.tag],
    parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
    responses,
    'x-roles': def.auth,
  };
  if (def.auth !== 'public') op.security = [{ bearer: [] }];
  if (def.upload) {
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: `${def.upload.accept.join(', ')}; at most ${def.upload.maxBytes} bytes` } } },
        },
      },
    };
  } else if (def.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: schema(def.body, 'input') } } };
  }
  return op;
}

/** The OpenAPI 3 document, built from the same contract the server validates with. */
export function buildOpenApi(version: string): Json {
  const paths: Record<string, Json> = {};
  for (const def of Object.values(routes) as RouteDef[]) {
    const p = def.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[p] ??= {};
    paths[p][def.method.toLowerCase()] = operation(def);
  }
  return {
    openapi: '3.0.3',
    info: { title: '学时 Xueshi API', version, description: 'In-service training platform for civil servants' },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ErrorBody: schema(ErrorBody, 'output') },
    },
  };
}
