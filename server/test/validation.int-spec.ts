import { startTestApp, TestApp } from './harness';

describe('bad input answers 400 naming the field, never 500', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('sysadmin');
  });
  afterAll(async () => t.close());

  const cases: [string, string, string, { body?: unknown; raw?: string; headers?: Record<string, string> }, string][] = [
    ['malformed JSON', 'POST', '/api/auth/login', { raw: '{"username":', headers: { 'content-type': 'application/json' } }, 'body'],
    ['wrong type', 'POST', '/api/auth/login', { body: { username: 'a', password: 123 } }, 'password'],
    ['missing field', 'POST', '/api/auth/login', { body: { username: 'a' } }, 'password'],
    ['body that is an array', 'POST', '/api/auth/login', { body: [1, 2] }, 'body'],
    ['bad uuid in the path', 'GET', '/api/users/not-a-uuid', {}, 'id'],
    ['page size out of range', 'GET', '/api/users?pageSize=100000', {}, 'pageSize'],
    ['unknown role filter', 'GET', '/api/users?role=king', {}, 'role'],
    ['unknown field on update', 'PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { body: { isAdmin: true } }, 'isAdmin'],
    ['bad date', 'POST', '/api/users', { body: { username: 'abc', name: 'x', role: 'official', orgUnitId: '00000000-0000-4000-8000-000000000000', civilServiceEntryDate: '2021-13-01' } }, 'civilServiceEntryDate'],
    ['bad username', 'POST', '/api/users', { body: { username: '张三', name: 'x', role: 'sys_admin' } }, 'username'],
    ['bad org unit code', 'POST', '/api/org-units', { body: { parentId: '00000000-0000-4000-8000-000000000000', code: '单位', name: '某单位', type: 'unit' } }, 'code'],
    ['plain text instead of JSON', 'POST', '/api/auth/login', { raw: 'username=a', headers: { 'content-type': 'text/plain' } }, 'body'],
    ['an unsupported content type', 'POST', '/api/auth/login', { raw: '<a/>', headers: { 'content-type': 'application/xml' } }, 'content-type'],
    ['no body at all', 'POST', '/api/auth/login', {}, 'body'],
  ];

  for (const [label, method, path, o, field] of cases) {
    it(`${label} → 4xx naming ${field}`, async () => {
      const r = await t.call(method, path, { token: admin, ...o, raw: o.raw as never });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.field).toBe(field);
      expect(typeof r.body.message).toBe('string');
      expect(r.body.requestId).toBeTruthy();
    });
  }

  it('an oversized JSON body gets 413', async () => {
    const r = await t.call('POST', '/api/auth/login', { body: { username: 'a', password: 'x'.repeat(300 * 1024) } });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an unknown API path gets a JSON 404, and echoes a given request id', async () => {
    const r = await t.call('GET', '/api/nothing-here', { headers: { 'x-request-id': 'abc12345-trace' } });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ code: 'NOT_FOUND', requestId: 'abc12345-trace' });
    expect(r.headers.get('x-request-id')).toBe('abc12345-trace');
  });
});
