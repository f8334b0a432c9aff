import { startTestApp, TestApp } from './harness';

/** ASVS V14 headers on every answer, and CORS open to the one configured origin only. */
describe('security headers and CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { CORS_ORIGIN: 'https://train.example.gov.cn' } });
  });
  afterAll(async () => t.close());

  it('sends the security headers on API answers, errors included', async () => {
    for (const p of ['/api/health', '/api/no-such-route', '/api/me']) {
      const r = await fetch(t.url + p);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('same-origin');
      expect(r.headers.get('strict-transport-security')).toBeNull();
    }
    // behind a TLS-terminating proxy the api asks browsers to stay on HTTPS
    const tls = await fetch(t.url + '/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toContain('max-age=31536000');
  });

  it('answers CORS for the configured origin only', async () => {
    const pre = await fetch(t.url + '/api/auth/login', { method: 'OPTIONS', headers: { origin: 'https://train.example.gov.cn', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://train.example.gov.cn');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await fetch(t.url + '/api/health', { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const otherPre = await fetch(t.url + '/api/auth/login', { method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' } });
    expect(otherPre.headers.get('access-control-allow-origin')).toBeNull();
  });
});
