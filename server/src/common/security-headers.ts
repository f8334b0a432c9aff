import type { FastifyInstance } from 'fastify';

/**
 * The client's Content-Security-Policy: everything from this origin; inline styles because antd
 * writes its CSS at run time; blob: for the media and pdf.js workers and the video's MediaSource.
 */
export const CLIENT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * OWASP ASVS V14: security headers on every answer; HSTS behind HTTPS. CORS stays closed (the
 * client is served from the api's own origin) unless CORS_ORIGIN names the one origin allowed.
 * Auth travels in the Authorization header, never in a cookie a browser would send by itself
 * (the media cookie only reads signed media), so there is no CSRF surface to guard.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, corsOrigin: string | undefined) {
  const always = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'cross-origin-opener-policy': 'same-origin',
  };
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.headers(always);
    if (req.protocol === 'https') void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const origin = req.headers.origin;
    if (corsOrigin && origin === corsOrigin) {
      void reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      if (req.method === 'OPTIONS') {
        void reply
          .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE')
          .header('access-control-allow-headers', 'authorization, content-type, accept-language, x-request-id, tus-resumable, upload-length, upload-offset, upload-metadata')
          .header('access-control-max-age', '600')
          .status(204)
          .send();
        return;
      }
    }
    done();
  });
}
