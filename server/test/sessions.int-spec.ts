import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { DEMO_PASSWORD, seedDemo } from '../src/database/seed';
import { createTestDatabase, dropTestDatabase, startTestApp, TestApp } from './harness';
import { freePort, NodeProcess, processApp } from './processes';

interface Pair {
  accessToken: string;
  refreshToken: string;
}

async function signIn(t: Pick<TestApp, 'call'>, username: string, userAgent = 'jest'): Promise<Pair> {
  const r = await t.call('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD }, headers: { 'user-agent': userAgent } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  return r.body;
}

/** 登录设备 and 强制下线: sessions that can be revoked, their access tokens failing at once. */
describe('revocable sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t.close());

  const me = (token: string) => t.call('GET', '/api/me', { token }).then((r) => r.status);
  const refresh = (p: Pair) => t.call('POST', '/api/auth/refresh', { body: { refreshToken: p.refreshToken } });

  it('lists one\'s own sessions, the current one marked; revoking one kills its access and refresh tokens at once', async () => {
    const laptop = await signIn(t, 'official', 'Laptop Chrome');
    const phone = await signIn(t, 'official', 'Phone Safari');
    const list = await t.call('GET', '/api/auth/sessions', { token: laptop.accessToken });
    expect(list.status).toBe(200);
    const mine = list.body.items.find((s: { current: boolean }) => s.current);
    expect(mine).toMatchObject({ userAgent: 'Laptop Chrome', ip: '127.0.0.1' });
    const other = list.body.items.find((s: { userAgent: string }) => s.userAgent === 'Phone Safari');
    expect(other.current).toBe(false);

    expect(await me(phone.accessToken)).toBe(200);
    expect((await t.call('DELETE', `/api/auth/sessions/${other.id}`, { token: laptop.accessToken })).status).toBe(200);
    const gone = await t.call('GET', '/api/me', { token: phone.accessToken });
    expect(gone.status).toBe(401);
    expect(gone.body.code).toBe('UNAUTHENTICATED');
    expect((await refresh(phone)).status).toBe(401);
    // the heartbeat (its own route on Fastify, its own Lua check) refuses it too
    const hb = await t.call('POST', '/api/play/heartbeat', {
      token: phone.accessToken,
      body: { sessionId: '00000000-0000-4000-8000-000000000000', beats: [{ seq: 1, clientTime: Date.now(), position: 0, rate: 1, paused: false, visible: true, ranges: [] }] },
    });
    expect(hb.status).toBe(401);
    // the caller's own session goes on
    expect(await me(laptop.accessToken)).toBe(200);
    const after = await t.call('GET', '/api/auth/sessions', { token: laptop.accessToken });
    expect(after.body.items.map((s: { id: string }) => s.id)).not.toContain(other.id);
    // someone else's session (or one that does not exist) is not found
    const stranger = await signIn(t, 'official2');
    expect((await t.call('DELETE', `/api/auth/sessions/${mine.id}`, { token: stranger.accessToken })).status).toBe(404);
    expect(await me(laptop.accessToken)).toBe(200);
  });

  it('revokes every other session, keeps the caller\'s; a renewed token of a revoked session fails too', async () => {
    const a = await signIn(t, 'teacher');
    const b = await signIn(t, 'teacher');
    const c = await signIn(t, 'teacher');
    // b renews its pair: the new access token belongs to the same session
    const b2 = (await refresh(b)).body as Pair;
    const r = await t.call('POST', '/api/auth/sessions/revoke-others', { token: a.accessToken });
    expect(r.status).toBe(200);
    expect(r.body.revoked).toBeGreaterThanOrEqual(2);
    for (const x of [b.accessToken, b2.accessToken, c.accessToken]) expect(await me(x)).toBe(401);
    expect((await refresh(b2)).status).toBe(401);
    expect((await refresh(c)).status).toBe(401);
    expect(await me(a.accessToken)).toBe(200);
    expect((await t.call('GET', '/api/auth/sessions', { token: a.accessToken })).body.items).toHaveLength(1);
  });

  it('logout ends the access token as well as the refresh token', async () => {
    const p = await signIn(t, 'official3');
    expect((await t.call('POST', '/api/auth/logout', { body: { refreshToken: p.refreshToken } })).status).toBe(200);
    expect(await me(p.accessToken)).toBe(401);
  });

  it('强制下线: an admin ends every session of a user in scope (audited); an org admin outside the subtree gets 404', async () => {
    const [u] = await t.ds.query(`SELECT id FROM users WHERE username = 'official'`);
    const victim = await signIn(t, 'official');
    const jb = (await signIn(t, 'jb_admin')).accessToken;
    const outside = await t.call('POST', `/api/users/${u.id}/revoke-sessions`, { token: jb });
    expect(outside.status).toBe(404);
    expect(await me(victim.accessToken)).toBe(200);

    const yz = (await signIn(t, 'yz_admin')).accessToken;
    const done = await t.call('POST', `/api/users/${u.id}/revoke-sessions`, { token: yz });
    expect(done.status).toBe(200);
    expect(done.body.revoked).toBeGreaterThanOrEqual(1);
    expect(await me(victim.accessToken)).toBe(401);
    expect((await refresh(victim)).status).toBe(401);
    // the user signs in again as usual
    expect(await me((await signIn(t, 'official')).accessToken)).toBe(200);

    const sys = (await signIn(t, 'sysadmin')).accessToken;
    const log = await t.call('GET', `/api/audit-log?action=revokeUserSessions&targetId=${u.id}`, { token: sys });
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ actorRole: 'org_admin', status: 200, targetId: u.id });
    // an institution admin cannot reach an official at all
    const inst = (await signIn(t, 'inst_admin')).accessToken;
    expect((await t.call('POST', `/api/users/${u.id}/revoke-sessions`, { token: inst })).status).toBe(404);
  });

  it('disabling a user and resetting a password end their sessions at once', async () => {
    const [u] = await t.ds.query(`SELECT id FROM users WHERE username = 'official2'`);
    const victim = await signIn(t, 'official2');
    const yz = (await signIn(t, 'yz_admin')).accessToken;
    expect((await t.call('POST', `/api/users/${u.id}/reset-password`, { token: yz })).status).toBe(200);
    expect(await me(victim.accessToken)).toBe(401);
  });
});

/** Two api processes on one Redis and one PostgreSQL: a revocation through one holds on both at once. */
describe('revocation across two api processes', () => {
  let dir: string;
  const procs: NodeProcess[] = [];
  let app: ReturnType<typeof processApp>;
  let urls: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-revoke-'));
    const databaseUrl = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
    await ds.initialize();
    await seedDemo(ds);
    const prefix = `rv${randomBytes(3).toString('hex')}`;
    const base = {
      NODE_ENV: 'test', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, REDIS_URL: process.env.TEST_REDIS_URL!, REDIS_PREFIX: prefix,
      JWT_SECRET: 'revoke-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'error', CLIENT_DIST: '',
      MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'),
    };
    const ports = [await freePort(), await freePort()];
    for (const port of ports) procs.push(new NodeProcess('main', { ...base, PORT: String(port) }));
    await Promise.all(procs.map((p) => p.start()));
    urls = ports.map((p) => `http://127.0.0.1:${p}`);
    app = processApp(urls[0], databaseUrl, prefix, ds);
  }, 120_000);

  afterAll(async () => {
    for (const p of procs) await p.kill();
    await app?.ds.destroy();
    if (app) await dropTestDatabase(app.databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a session revoked through one api gets 401 at once on both, and its refresh fails on both', async () => {
    const victim = await signIn(app, 'official');
    const admin = await signIn(app, 'sysadmin');
    const status = (base: string, token: string) => app.callAt(base, 'GET', '/api/me', { token }).then((r) => r.status);
    // both apis know the token (and have verified it once: their token caches are warm)
    for (const u of urls) expect(await status(u, victim.accessToken)).toBe(200);
    const [{ id }] = await app.ds.query(`SELECT id FROM users WHERE username = 'official'`);
    const r = await app.callAt(urls[0], 'POST', `/api/users/${id}/revoke-sessions`, { token: admin.accessToken });
    expect(r.status).toBe(200);
    for (const u of urls) expect(await status(u, victim.accessToken)).toBe(401);
    for (const u of urls) expect((await app.callAt(u, 'POST', '/api/auth/refresh', { body: { refreshToken: victim.refreshToken } })).status).toBe(401);

    // the caller revokes one of their own sessions through the second api: the first refuses it too
    const one = await signIn(app, 'teacher');
    const two = await signIn(app, 'teacher');
    const list = await app.callAt(urls[1], 'GET', '/api/auth/sessions', { token: one.accessToken });
    const twoId = list.body.items.find((s: { current: boolean }) => !s.current).id;
    expect(await status(urls[0], two.accessToken)).toBe(200);
    expect((await app.callAt(urls[1], 'DELETE', `/api/auth/sessions/${twoId}`, { token: one.accessToken })).status).toBe(200);
    for (const u of urls) expect(await status(u, two.accessToken)).toBe(401);
    for (const u of urls) expect(await status(u, one.accessToken)).toBe(200);
  }, 60_000);

  it('the heartbeat bucket is shared by both apis: a flood split over them is limited as one', async () => {
    const official = (await signIn(app, 'official2')).accessToken;
    let ok = 0;
    for (let i = 0; i < 100; i++) {
      const r = await app.callAt(urls[i % 2], 'POST', '/api/play/heartbeat', {
        token: official,
        body: { sessionId: '00000000-0000-4000-8000-00000000000' + (i % 10), beats: [{ seq: i + 1, clientTime: Date.now(), position: 0, rate: 1, paused: false, visible: true, ranges: [] }] },
      });
      expect([200, 429]).toContain(r.status);
      if (r.status === 200) ok++;
    }
    // the official's burst is 60 (plus about one a second of refill), not 60 per api
    expect(ok).toBeGreaterThanOrEqual(60);
    expect(ok).toBeLessThan(75);
  }, 60_000);
});
