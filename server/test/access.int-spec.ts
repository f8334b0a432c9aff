import { startTestApp, TestApp } from './harness';

const LOGINS = ['sysadmin', 'yz_admin', 'jb_admin', 'inst_admin', 'teacher', 'official'] as const;
type Who = (typeof LOGINS)[number] | 'anonymous';

describe('access: each role reaches what it may, 403 elsewhere; admins only see their subtree', () => {
  let t: TestApp;
  const tokens = {} as Record<Who, string | undefined>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of LOGINS) tokens[u] = await t.login(u);
    tokens.anonymous = undefined;
    const all = await t.call('GET', '/api/users?pageSize=200', { token: tokens.sysadmin });
    for (const u of all.body.items) ids[u.username] = u.id;
    const tree = await t.call('GET', '/api/org-units', { token: tokens.sysadmin });
    for (const n of tree.body.items) ids[n.code] = n.id;
  });
  afterAll(async () => t.close());

  // [method, path builder, body, expected status per caller]
  const cases: [string, string, () => string, (() => unknown) | undefined, Record<Who, number>][] = [
    ['list users', 'GET', () => '/api/users', undefined,
      { sysadmin: 200, yz_admin: 200, jb_admin: 200, inst_admin: 200, teacher: 403, official: 403, anonymous: 401 }],
    ['read a 渝中区 official', 'GET', () => `/api/users/${ids.official}`, undefined,
      { sysadmin: 200, yz_admin: 200, jb_admin: 404, inst_admin: 404, teacher: 403, official: 403, anonymous: 401 }],
    ['edit a 渝中区 official', 'PATCH', () => `/api/users/${ids.official}`, () => ({ position: '科长' }),
      { sysadmin: 200, yz_admin: 200, jb_admin: 404, inst_admin: 404, teacher: 403, official: 403, anonymous: 401 }],
    ['reset a 江北区 official\'s password', 'POST', () => `/api/users/${ids.official3}/reset-password`, undefined,
      { sysadmin: 200, yz_admin: 404, jb_admin: 200, inst_admin: 404, teacher: 403, official: 403, anonymous: 401 }],
    ['read the instructor', 'GET', () => `/api/users/${ids.teacher}`, undefined,
      { sysadmin: 200, yz_admin: 404, jb_admin: 404, inst_admin: 200, teacher: 403, official: 403, anonymous: 401 }],
    ['organisation tree', 'GET', () => '/api/org-units', undefined,
      { sysadmin: 200, yz_admin: 200, jb_admin: 200, inst_admin: 200, teacher: 403, official: 403, anonymous: 401 }],
    ['add a unit under 渝中区', 'POST', () => '/api/org-units', () => ({ parentId: ids['CQ-YZ'], code: `U${Math.random().toString(36).slice(2, 8)}`, name: '渝中区测试单位', type: 'unit' }),
      { sysadmin: 201, yz_admin: 201, jb_admin: 404, inst_admin: 403, teacher: 403, official: 403, anonymous: 401 }],
    ['rename 江北区司法局', 'PATCH', () => `/api/org-units/${ids['CQ-JB-SFJ']}`, () => ({ name: '江北区司法局' }),
      { sysadmin: 200, yz_admin: 404, jb_admin: 200, inst_admin: 403, teacher: 403, official: 403, anonymous: 401 }],
    ['list institutions', 'GET', () => '/api/institutions', undefined,
      { sysadmin: 200, yz_admin: 200, jb_admin: 200, inst_admin: 200, teacher: 403, official: 403, anonymous: 401 }],
    ['register an institution', 'POST', () => '/api/institutions', () => ({ code: `I${Math.random().toString(36).slice(2, 8)}`, name: '区委党校' }),
      { sysadmin: 201, yz_admin: 403, jb_admin: 403, inst_admin: 403, teacher: 403, official: 403, anonymous: 401 }],
    ['import template', 'GET', () => '/api/users/import-template', undefined,
      { sysadmin: 200, yz_admin: 200, jb_admin: 200, inst_admin: 403, teacher: 403, official: 403, anonymous: 401 }],
    ['own profile', 'GET', () => '/api/me', undefined,
      { sysadmin: 200, yz_admin: 200, jb_admin: 200, inst_admin: 200, teacher: 200, official: 200, anonymous: 401 }],
  ];

  for (const [label, method, path, body, expected] of cases) {
    for (const who of [...LOGINS, 'anonymous'] as Who[]) {
      it(`${label}: ${who} → ${expected[who]}`, async () => {
        const r = await t.call(method, path(), { token: tokens[who], body: body?.() });
        expect({ status: r.status, code: r.body?.code }).toMatchObject({ status: expected[who] });
      });
    }
  }

  it('an org admin lists only the people of their own district', async () => {
    const r = await t.call('GET', '/api/users?pageSize=200', { token: tokens.yz_admin });
    const names = r.body.items.map((u: { username: string }) => u.username).sort();
    expect(names).toEqual(['official', 'official2', 'yz_admin']);
    const jb = await t.call('GET', '/api/users?pageSize=200', { token: tokens.jb_admin });
    expect(jb.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['jb_admin', 'official3']);
  });

  it('filtering by another district\'s node gives an org admin nothing', async () => {
    const r = await t.call('GET', `/api/users?orgUnitId=${ids['CQ-JB']}`, { token: tokens.yz_admin });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(0);
  });

  it('an institution admin lists only their institution\'s staff', async () => {
    const r = await t.call('GET', '/api/users', { token: tokens.inst_admin });
    expect(r.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['inst_admin', 'teacher']);
  });

  it('an org admin sees only their subtree of the organisation tree', async () => {
    const r = await t.call('GET', '/api/org-units', { token: tokens.yz_admin });
    const codes: string[] = r.body.items.map((n: { code: string }) => n.code);
    expect(codes).toContain('CQ-YZ');
    expect(codes).toContain('CQ-YZ-SCJ');
    expect(codes.some((c) => c.startsWith('CQ-JB'))).toBe(false);
    expect(codes).not.toContain('CQ');
  });

  it('an org admin may not create a sys admin, nor put an official in another district', async () => {
    const sys = await t.call('POST', '/api/users', { token: tokens.yz_admin, body: { username: 'sneaky', name: '越权', role: 'sys_admin' } });
    expect(sys.status).toBe(403);
    const other = await t.call('POST', '/api/users', {
      token: tokens.yz_admin,
      body: { username: 'misplaced', name: '错放', role: 'official', orgUnitId: ids['CQ-JB-SFJ'] },
    });
    expect(other.status).toBe(404);
    expect(other.body.field).toBe('orgUnitId');
    expect((await t.call('GET', '/api/users?q=misplaced', { token: tokens.sysadmin })).body.total).toBe(0);
  });
});
