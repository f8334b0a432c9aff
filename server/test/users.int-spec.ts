import { startTestApp, TestApp } from './harness';

describe('user administration', () => {
  let t: TestApp;
  let admin: string;
  let units: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('yz_admin');
    const tree = await t.call('GET', '/api/org-units', { token: admin });
    units = Object.fromEntries(tree.body.items.map((n: { code: string; id: string }) => [n.code, n.id]));
  });
  afterAll(async () => t.close());

  it('creates an official with a one-time password that must be changed at first login', async () => {
    const r = await t.call('POST', '/api/users', {
      token: admin,
      body: {
        username: 'Wang.Fang', name: '王芳', role: 'official', staffNo: 'YZ2026100', orgUnitId: units['CQ-YZ-ZFB'],
        rankLevel: 'clerk', lawEnforcement: false, grassroots: true, civilServiceEntryDate: '2026-07-01',
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({ username: 'wang.fang', orgUnitName: '渝中区人民政府办公室', grassroots: true, mustChangePassword: true, civilServiceEntryDate: '2026-07-01' });
    expect(r.body.initialPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10}$/);
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'wang.fang', password: r.body.initialPassword } });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
  });

  it('refuses a duplicate username or staff number with 409 naming the field, and writes nothing', async () => {
    const before = (await t.call('GET', '/api/users', { token: admin })).body.total;
    const dupName = await t.call('POST', '/api/users', { token: admin, body: { username: 'official', name: '重名', role: 'official', orgUnitId: units['CQ-YZ-ZFB'] } });
    expect(dupName.status).toBe(409);
    expect(dupName.body.field).toBe('username');
    const dupStaff = await t.call('POST', '/api/users', {
      token: admin, body: { username: 'another1', name: '重号', role: 'official', staffNo: 'YZ2019001', orgUnitId: units['CQ-YZ-ZFB'] },
    });
    expect(dupStaff.status).toBe(409);
    expect(dupStaff.body.field).toBe('staffNo');
    expect((await t.call('GET', '/api/users', { token: admin })).body.total).toBe(before);
  });

  it('requires a unit for an official, naming the field', async () => {
    const r = await t.call('POST', '/api/users', { token: admin, body: { username: 'nounit', name: '无单位', role: 'official' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ field: 'orgUnitId', message: '所属单位：该角色必须指定所属单位' });
  });

  it('disabling a user ends their sessions and refuses their login; enabling restores it', async () => {
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'official2', password: 'Xueshi2026' } });
    const id = login.body.user.id;
    const off = await t.call('PATCH', `/api/users/${id}`, { token: admin, body: { disabled: true } });
    expect(off.body.disabled).toBe(true);
    const refused = await t.call('POST', '/api/auth/login', { body: { username: 'official2', password: 'Xueshi2026' } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ACCOUNT_DISABLED');
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } })).status).toBe(401);
    await t.call('PATCH', `/api/users/${id}`, { token: admin, body: { disabled: false } });
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'official2', password: 'Xueshi2026' } })).status).toBe(200);
  });

  it('an admin cannot disable themselves, told so in the request\'s language', async () => {
    const me = await t.call('GET', '/api/me', { token: admin });
    const r = await t.call('PATCH', `/api/users/${me.body.id}`, { token: admin, body: { disabled: true }, headers: { 'accept-language': 'en' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      field: 'disabled',
      message: 'You cannot disable yourself or change your own role',
      issues: [{ field: 'disabled', message: 'You cannot disable yourself or change your own role' }],
    });
  });

  it('a user with a one-time password may only change it until they do', async () => {
    const created = await t.call('POST', '/api/users', { token: admin, body: { username: 'newbie01', name: '新人', role: 'official', orgUnitId: units['CQ-YZ-ZFB'] } });
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'newbie01', password: created.body.initialPassword } });
    const token = login.body.accessToken;
    expect((await t.call('GET', '/api/me', { token })).status).toBe(200);
    const blocked = await t.call('GET', '/api/catalog', { token });
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' });
    const changed = await t.call('POST', '/api/auth/change-password', { token, body: { currentPassword: created.body.initialPassword, newPassword: 'MyOwnPass2026' } });
    expect(changed.status).toBe(200);
    expect((await t.call('GET', '/api/catalog', { token: changed.body.accessToken })).status).toBe(200);
    expect((await t.call('GET', '/api/me', { token: changed.body.accessToken })).body.mustChangePassword).toBe(false);
  });

  it('deletes only an empty node inside the admin\'s subtree', async () => {
    const made = await t.call('POST', '/api/org-units', { token: admin, body: { parentId: units['CQ-YZ'], code: 'CQ-YZ-TMP', name: '临时科室', type: 'unit' } });
    const full = await t.call('DELETE', `/api/org-units/${units['CQ-YZ-SCJ']}`, { token: admin });
    expect(full.status).toBe(409);
    expect(full.body.message).toContain('名人员');
    expect((await t.call('DELETE', `/api/org-units/${units['CQ-YZ']}`, { token: admin })).status).toBe(400);
    const jb = await t.login('jb_admin');
    expect((await t.call('DELETE', `/api/org-units/${made.body.id}`, { token: jb })).status).toBe(404);
    expect((await t.call('DELETE', `/api/org-units/${made.body.id}`, { token: admin })).body).toEqual({ ok: true });
    expect((await t.call('GET', '/api/org-units', { token: admin })).body.items.map((n: { code: string }) => n.code)).not.toContain('CQ-YZ-TMP');
  });

  it('resetting a password gives a new one-time password and ends old sessions', async () => {
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'official', password: 'Xueshi2026' } });
    const r = await t.call('POST', `/api/users/${login.body.user.id}/reset-password`, { token: admin });
    expect(r.status).toBe(200);
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } })).status).toBe(401);
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'official', password: 'Xueshi2026' } })).status).toBe(401);
    const fresh = await t.call('POST', '/api/auth/login', { body: { username: 'official', password: r.body.initialPassword } });
    expect(fresh.status).toBe(200);
    expect(fresh.body.user.mustChangePassword).toBe(true);
  });

  it('searches by name, username or staff number and pages', async () => {
    const byName = await t.call('GET', `/api/users?q=${encodeURIComponent('李明')}`, { token: admin });
    expect(byName.body.items.map((u: { username: string }) => u.username)).toEqual(['official']);
    const byStaff = await t.call('GET', '/api/users?q=YZ2025', { token: admin });
    expect(byStaff.body.items.map((u: { username: string }) => u.username)).toEqual(['official2']);
    const page = await t.call('GET', '/api/users?pageSize=1&page=2', { token: admin });
    expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
  });

  it('adds a node only of a type the parent allows, with a unique code', async () => {
    const bad = await t.call('POST', '/api/org-units', { token: admin, body: { parentId: units['CQ-YZ'], code: 'X-1', name: '错类型', type: 'district' } });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('type');
    const dup = await t.call('POST', '/api/org-units', { token: admin, body: { parentId: units['CQ-YZ'], code: 'CQ-YZ-ZFB', name: '重复编码', type: 'unit' } });
    expect(dup.status).toBe(409);
    expect(dup.body.field).toBe('code');
    const ok = await t.call('POST', '/api/org-units', { token: admin, body: { parentId: units['CQ-YZ'], code: 'CQ-YZ-WJW', name: '渝中区卫生健康委员会', type: 'unit' } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ parentId: units['CQ-YZ'], depth: 2, userCount: 0 });
    // the new node is inside the admin's subtree: people can be placed there at once
    const u = await t.call('POST', '/api/users', { token: admin, body: { username: 'wjw01', name: '赵敏', role: 'official', orgUnitId: ok.body.id } });
    expect(u.status).toBe(201);
    const under = await t.call('GET', `/api/users?orgUnitId=${units['CQ-YZ']}&pageSize=200`, { token: admin });
    expect(under.body.items.map((x: { username: string }) => x.username)).toContain('wjw01');
  });
});
