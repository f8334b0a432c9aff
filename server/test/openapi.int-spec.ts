import { routes } from '@xueshi/shared';
import { startTestApp, TestApp } from './harness';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(async () => t.close());

  it('lists every contract route with its method, roles and schemas', async () => {
    const r = await t.call('GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    const ops: string[] = [];
    for (const [p, methods] of Object.entries(r.body.paths as Record<string, Record<string, { operationId: string }>>)) {
      for (const [m, op] of Object.entries(methods)) ops.push(`${m.toUpperCase()} ${p} ${op.operationId}`);
    }
    const expected = Object.values(routes).map((d) => `${d.method} ${d.path.replace(/:(\w+)/g, '{$1}')} ${d.id}`);
    expect(ops.sort()).toEqual(expected.sort());
    const login = r.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect(r.body.paths['/api/users'].get['x-roles']).toEqual(['institution_admin', 'org_admin', 'sys_admin']);
    expect(r.body.paths['/api/users'].get.parameters.map((x: { name: string }) => x.name)).toContain('pageSize');
  });

  it('is browsable at /api/docs', async () => {
    const page = await t.call('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger-ui-bundle.js');
    const asset = await fetch(`${t.url}/api/docs/assets/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(10_000);
  });
});
