import { routes, type RouteDef } from '@xueshi/shared';
import type { FastifyInstance } from 'fastify';

/**
 * ASVS V13: request size limits per route. Every contract route gets Fastify's bodyLimit from its
 * RouteDef (`maxBodyBytes`) or the default; a bigger body is refused with 413 before it is read
 * (Content-Length) or as soon as it passes the limit, naming the field `body` (exception.filter.ts).
 * Upload routes keep their own limits (multipart file size, tus upload length), which Fastify's
 * bodyLimit does not cover.
 */
export function registerBodyLimits(fastify: FastifyInstance, defaultBytes: number): void {
  const byRoute = new Map<string, RouteDef>();
  for (const def of Object.values(routes) as RouteDef[]) byRoute.set(`${def.method} ${def.path}`, def);
  fastify.addHook('onRoute', (opts) => {
    for (const method of [opts.method].flat()) {
      const def = byRoute.get(`${method} ${opts.url}`);
      if (def && !def.upload) opts.bodyLimit = def.maxBodyBytes ?? defaultBytes;
    }
  });
}

/** "64 KB", "3 MB": a limit as people read it */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`;
}
