import jwt from 'jsonwebtoken';
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

  it('accepts access tokens of the one algorithm, issuer and audience only (ASVS V3.5)', async () => {
    const secret = 'test-secret-that-is-long-enough-0123456789';
    const claims = { sub: '00000000-0000-4000-8000-000000000001', role: 'sys_admin', org: null, path: null, inst: null };
    const sign = (o: jwt.SignOptions) => jwt.sign(claims, secret, { expiresIn: 60, issuer: 'xueshi', audience: 'xueshi-api', algorithm: 'HS256', ...o });
    const status = async (token: string) => (await t.call('GET', '/api/audit-log', { token })).status;
    // the control: the same claims, signed as the api signs, are let in
    expect(await status(sign({}))).toBe(200);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: 'xueshi', aud: 'xueshi-api', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url')}.`;
    for (const token of [sign({ algorithm: 'HS384' }), sign({ algorithm: 'HS512' }), sign({ audience: 'another-api' }), sign({ issuer: 'someone-else' }), none]) {
      expect(await status(token)).toBe(401);
    }
  });
});
