import jwt from 'jsonwebtoken';
import { startTestApp, TestApp } from './harness';

describe('accounts: log in, refresh, log out, change password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('logs in with username and password, case-insensitively, and returns the user', async () => {
    const r = await t.call('POST', '/api/auth/login', { body: { username: 'YZ_Admin', password: 'Xueshi2026' } });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: 'yz_admin', role: 'org_admin' });
    expect(r.body.expiresIn).toBe(900);
    const me = await t.call('GET', '/api/me', { token: r.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.name).toBe('渝中区组织人事科');
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const a = await t.call('POST', '/api/auth/login', { body: { username: 'official3', password: 'wrong-pass-1' } });
    const b = await t.call('POST', '/api/auth/login', { body: { username: 'nobody', password: 'wrong-pass-1' } });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.code).toBe('INVALID_CREDENTIALS');
    expect(b.body.message).toBe(a.body.message);
    expect(a.body.message).toBe('用户名或密码错误');
    // the good password still works after one failure and clears the count
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'official3', password: 'Xueshi2026' } })).status).toBe(200);
  });

  it('answers in English when the request asks for it', async () => {
    const r = await t.call('POST', '/api/auth/login', { body: { username: 'nobody', password: 'x' }, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(r.body.message).toBe('Wrong username or password');
  });

  it('rotates refresh tokens: the new one works, the old one is refused and ends the session family', async () => {
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'official', password: 'Xueshi2026' } });
    const first = login.body.refreshToken;
    const r1 = await t.call('POST', '/api/auth/refresh', { body: { refreshToken: first } });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(first);
    expect((await t.call('GET', '/api/me', { token: r1.body.accessToken })).status).toBe(200);
    // replaying the rotated token: refused, and the token issued from it dies too
    const replay = await t.call('POST', '/api/auth/refresh', { body: { refreshToken: first } });
    expect(replay.status).toBe(401);
    expect(replay.body.field).toBe('refreshToken');
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: r1.body.refreshToken } })).status).toBe(401);
  });

  it('log out stops the refresh token from working', async () => {
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'official2', password: 'Xueshi2026' } });
    expect((await t.call('POST', '/api/auth/logout', { body: { refreshToken: login.body.refreshToken } })).body).toEqual({ ok: true });
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } })).status).toBe(401);
  });

  it('changes the password: wrong current refused, weak new refused by field, old sessions end', async () => {
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'teacher', password: 'Xueshi2026' } });
    const token = login.body.accessToken;
    const wrong = await t.call('POST', '/api/auth/change-password', { token, body: { currentPassword: 'nope-1234', newPassword: 'NewPass2027' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.field).toBe('currentPassword');
    const weak = await t.call('POST', '/api/auth/change-password', { token, body: { currentPassword: 'Xueshi2026', newPassword: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.field).toBe('newPassword');
    const noDigit = await t.call('POST', '/api/auth/change-password', { token, body: { currentPassword: 'Xueshi2026', newPassword: 'onlyletters' } });
    expect(noDigit.body).toMatchObject({ field: 'newPassword', message: '新密码：密码须同时包含字母和数字' });
    const ok = await t.call('POST', '/api/auth/change-password', { token, body: { currentPassword: 'Xueshi2026', newPassword: 'NewPass2027' } });
    expect(ok.status).toBe(200);
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } })).status).toBe(401);
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'teacher', password: 'Xueshi2026' } })).status).toBe(401);
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'teacher', password: 'NewPass2027' } })).status).toBe(200);
  });

  it('refuses missing, tampered, expired, wrong-audience and unsigned tokens', async () => {
    const good = await t.login('official');
    expect((await t.call('GET', '/api/me')).status).toBe(401);
    expect((await t.call('GET', '/api/me', { token: good.slice(0, -2) + 'xx' })).status).toBe(401);
    const secret = process.env.JWT_SECRET!;
    const claims = jwt.decode(good) as Record<string, unknown>;
    const { exp: _e, iat: _i, ...rest } = claims;
    const expired = jwt.sign({ ...rest, exp: Math.floor(Date.now() / 1000) - 10 }, secret, { algorithm: 'HS256' });
    const r = await t.call('GET', '/api/me', { token: expired });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('TOKEN_EXPIRED');
    const { aud: _a, ...noAud } = rest;
    const otherAudience = jwt.sign({ ...noAud }, secret, { algorithm: 'HS256', expiresIn: 60, audience: 'other-app' });
    expect((await t.call('GET', '/api/me', { token: otherAudience })).status).toBe(401);
    const unsigned = jwt.sign({ ...rest }, '', { algorithm: 'none' as never });
    expect((await t.call('GET', '/api/me', { token: unsigned })).status).toBe(401);
    const hs512 = jwt.sign({ ...rest }, secret, { algorithm: 'HS512', expiresIn: 60 });
    expect((await t.call('GET', '/api/me', { token: hs512 })).status).toBe(401);
  });
});

describe('accounts: repeated failed logins slow down, then lock', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('makes the next try wait after the slow-down threshold, without checking the password', async () => {
    t = await startTestApp({ env: { LOGIN_SLOWDOWN_AFTER: '2', LOGIN_LOCK_AFTER: '10' } });
    const bad = { username: 'official', password: 'wrong-pass-1' };
    expect((await t.call('POST', '/api/auth/login', { body: bad })).status).toBe(401);
    expect((await t.call('POST', '/api/auth/login', { body: bad })).status).toBe(401);
    // third try right away, even with the right password, must wait
    const r = await t.call('POST', '/api/auth/login', { body: { username: 'official', password: 'Xueshi2026' } });
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('locks the account after the lock threshold; an admin can unlock it', async () => {
    t = await startTestApp({ env: { LOGIN_SLOWDOWN_AFTER: '10', LOGIN_LOCK_AFTER: '3' } });
    const bad = { username: 'official2', password: 'wrong-pass-1' };
    expect((await t.call('POST', '/api/auth/login', { body: bad })).status).toBe(401);
    expect((await t.call('POST', '/api/auth/login', { body: bad })).status).toBe(401);
    const third = await t.call('POST', '/api/auth/login', { body: bad });
    expect(third.status).toBe(423);
    expect(third.body.code).toBe('ACCOUNT_LOCKED');
    const good = await t.call('POST', '/api/auth/login', { body: { username: 'official2', password: 'Xueshi2026' } });
    expect(good.status).toBe(423);
    const admin = await t.login('yz_admin');
    const list = await t.call('GET', '/api/users?q=official2', { token: admin });
    const user = list.body.items[0];
    expect(user.lockedUntil).not.toBeNull();
    const un = await t.call('PATCH', `/api/users/${user.id}`, { token: admin, body: { unlock: true } });
    expect(un.status).toBe(200);
    expect(un.body.lockedUntil).toBeNull();
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'official2', password: 'Xueshi2026' } })).status).toBe(200);
  });
});
