import { createHash } from 'node:crypto';
import { RedisService } from '../src/queue/redis.service';
import { DEMO_PASSWORD } from '../src/database/seed';
import { startTestApp, TestApp } from './harness';

/**
 * The BullMQ dashboard (bull-board) at /api/admin/queues: only through a system admin's one-time
 * ticket, whose link sets the board cookie; everything else under the path gets 401 or 403.
 */
describe('job-queue dashboard for system admins', () => {
  let t: TestApp;
  let redis: RedisService;
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');

  beforeAll(async () => {
    t = await startTestApp();
    redis = t.app.get(RedisService);
  }, 60_000);
  afterAll(async () => t.close());

  const board = (path: string, cookie?: string, init: RequestInit = {}) =>
    fetch(`${t.url}/api/admin/queues${path}`, { redirect: 'manual', ...init, headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) } });

  async function ticket(token: string) {
    const r = await t.call('POST', '/api/admin/queue-board/tickets', { token });
    expect(r.status).toBe(201);
    return r.body.url as string;
  }

  async function enter(url: string) {
    const r = await fetch(t.url + url, { redirect: 'manual' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/api/admin/queues/');
    const set = r.headers.get('set-cookie')!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\/api\/admin\/queues;/);
    expect(set).toMatch(/Max-Age=900/);
    return set.split(';')[0];
  }

  it('a system admin opens the board with a ticket; the ticket works once', async () => {
    const admin = await t.login('sysadmin');
    const url = await ticket(admin);
    expect(url).toMatch(/^\/api\/admin\/queues\/enter\?ticket=[\w-]{40,}$/);
    const cookie = await enter(url);
    const queues = await board('/api/queues', cookie);
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: { name: string; readOnlyMode: boolean }[] }).queues.map((q) => [q.name, q.readOnlyMode]);
    expect(names.sort()).toEqual([['credit', true], ['maintenance', false], ['media', false]]);
    const page = await board('/', cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<base href="/api/admin/queues/"');
    // the same ticket again: refused
    expect((await fetch(t.url + url, { redirect: 'manual' })).status).toBe(401);
  });

  it('no cookie, a made-up cookie, an expired ticket or board session: 401', async () => {
    for (const path of ['/', '/api/queues', '/static/js/missing.js', '/api/queues/media/pause']) {
      expect([path, (await board(path)).status]).toEqual([path, 401]);
      expect([path, (await board(path, 'xs_board=made-up-value-0123456789abcdef')).status]).toEqual([path, 401]);
    }
    expect((await fetch(`${t.url}/api/admin/queues/enter?ticket=made-up-ticket-0123456789abcdef`, { redirect: 'manual' })).status).toBe(401);
    const admin = await t.login('sysadmin');
    // a ticket past its 60 s (Redis expires it)
    const url = await ticket(admin);
    await redis.client.pexpire(`${t.redisPrefix}:qb-ticket:${sha(url.split('ticket=')[1])}`, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect((await fetch(t.url + url, { redirect: 'manual' })).status).toBe(401);
    // a board session past its 15 min
    const cookie = await enter(await ticket(admin));
    expect((await board('/api/queues', cookie)).status).toBe(200);
    await redis.client.pexpire(`${t.redisPrefix}:qb-session:${sha(cookie.split('=')[1])}`, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect((await board('/api/queues', cookie)).status).toBe(401);
  });

  it('other roles get no ticket (403), anonymous callers 401', async () => {
    for (const who of ['yz_admin', 'inst_admin', 'official']) {
      const r = await t.call('POST', '/api/admin/queue-board/tickets', { token: await t.login(who) });
      expect([who, r.status]).toEqual([who, 403]);
    }
    expect((await t.call('POST', '/api/admin/queue-board/tickets')).status).toBe(401);
  });

  it('changes come from the board itself and are audited; signing out ends the board session (403)', async () => {
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'sysadmin', password: DEMO_PASSWORD } });
    const cookie = await enter(await ticket(login.body.accessToken));
    const put = (path: string, origin: string) => board(path, cookie, { method: 'PUT', headers: { origin } });
    expect((await put('/api/queues/maintenance/pause', 'https://evil.example')).status).toBe(403);
    expect((await put('/api/queues/maintenance/pause', t.url)).status).toBe(200);
    expect((await put('/api/queues/maintenance/resume', t.url)).status).toBe(200);
    // the credit queue is read-only
    expect((await put('/api/queues/credit/pause', t.url)).status).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 100));
    const audit = await t.ds.query(`SELECT details->>'url' AS url, status FROM audit_log WHERE action = 'queueBoard' ORDER BY id`);
    expect(audit.slice(0, 2)).toEqual([
      { url: '/api/admin/queues/api/queues/maintenance/pause', status: 200 },
      { url: '/api/admin/queues/api/queues/maintenance/resume', status: 200 },
    ]);
    const out = await t.call('POST', '/api/auth/logout', { token: login.body.accessToken, body: { refreshToken: login.body.refreshToken } });
    expect(out.status).toBeLessThan(300);
    expect((await board('/api/queues', cookie)).status).toBe(403);
  });
});
