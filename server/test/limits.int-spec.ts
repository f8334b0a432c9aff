import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from './harness';
import { sleep, Viewer } from './viewer';

/**
 * ASVS V11/V13: heartbeat rate limits (token buckets in Redis, per official and per play session)
 * and request size limits per route. The app runs with the default limits; the year's heartbeat
 * interval is 1 s, so a session's bucket refills at 4 requests per second and the official's at
 * 1 per second (HEARTBEAT_LIMIT_PER_MINUTE = 60).
 */
describe('heartbeat rate limits and request size limits', () => {
  let t: TestApp;
  let lessonId: string;

  /** A published course with one ready one-hour lesson (no transcoding: the media are never fetched here). */
  async function readyLesson(): Promise<string> {
    const [{ id: inst }] = await t.ds.query(`SELECT id FROM institutions WHERE code = 'CQ-XZXY'`);
    const [{ id: cat }] = await t.ds.query('SELECT id FROM categories ORDER BY sort LIMIT 1');
    const [{ id: teacher }] = await t.ds.query(`SELECT id FROM users WHERE username = 'teacher'`);
    const [{ id: course }] = await t.ds.query(
      `INSERT INTO courses (title, category_id, institution_id, status, published_at) VALUES ('限流测试', $1, $2, 'published', now()) RETURNING id`, [cat, inst]);
    const [{ id: chapter }] = await t.ds.query(`INSERT INTO chapters (course_id, title, position) VALUES ($1, '第一章', 0) RETURNING id`, [course]);
    const [{ id: asset }] = await t.ds.query(
      `INSERT INTO media_assets (owner_id, kind, status, original_name, size_bytes, source_key, duration_seconds, output_key)
       VALUES ($1, 'video', 'ready', 'limits.mp4', 0, 'none', 3600, 'none') RETURNING id`, [teacher]);
    const [{ id: lesson }] = await t.ds.query(
      `INSERT INTO lessons (course_id, chapter_id, title, kind, position, asset_id) VALUES ($1, $2, '第一讲', 'video', 0, $3) RETURNING id`, [course, chapter, asset]);
    await t.ds.query(`INSERT INTO enrolments (user_id, course_id, source) SELECT id, $1, 'assigned' FROM users WHERE role = 'official'`, [course]);
    return lesson;
  }

  beforeAll(async () => {
    t = await startTestApp();
    await t.ds.query(`INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1)`, [
      JSON.stringify({ heartbeatIntervalSeconds: 1, attentionMeanMinutes: 0 }),
    ]);
    lessonId = await readyLesson();
  }, 60_000);
  afterAll(async () => t.close());

  it('an honest cadence is never refused: a beat a second, immediate beats on pause, seek and visibility, a batch after a reconnect', async () => {
    const v = new Viewer(t, await t.login('official2'), lessonId);
    await v.start();
    const statuses: number[] = [];
    let pos = 0;
    for (let i = 0; i < 12; i++) {
      await sleep(1000);
      statuses.push((await v.beat({ position: pos + 1, ranges: [[pos, pos + 1]] })).status);
      pos += 1;
      // every few seconds the user pauses, seeks or switches tabs: those beats go at once
      if (i % 3 === 0) {
        statuses.push((await v.beat({ position: pos, paused: true })).status);
        statuses.push((await v.beat({ position: pos + 30, seeked: true })).status);
        statuses.push((await v.beat({ position: pos + 30, visible: false })).status);
        pos += 30;
      }
    }
    // offline for a while: the kept beats go as one batch (up to 500 per request)
    const kept = Array.from({ length: 300 }, (_, i) => v.beatBody({ position: pos + i, ranges: [[pos + i, pos + i + 1]], clientTime: Date.now() - 300_000 + i * 1000 }));
    const batch = await v.batch(kept);
    statuses.push(batch.status);
    expect(batch.body.accepted).toBe(300);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 60_000);

  it('a flood of one session gets 429 with Retry-After and a bilingual message; the refused beats are accepted when sent again later', async () => {
    const token = await t.login('official');
    const v = new Viewer(t, token, lessonId);
    await v.start();
    const answers = [];
    for (let i = 0; i < 60; i++) answers.push(await v.beat({ position: 0 }));
    const ok = answers.filter((a) => a.status === 200).length;
    const refused = answers.filter((a) => a.status === 429);
    // the session's burst (30) and what refilled meanwhile; never all of them
    expect(ok).toBeGreaterThanOrEqual(30);
    expect(ok).toBeLessThan(45);
    expect(ok + refused.length).toBe(60);
    const r = refused[0];
    expect(r.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: 1 } });
    expect(r.body.message).toContain('学习记录发送过于频繁');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const en = await t.call('POST', '/api/play/heartbeat', { token, headers: { 'accept-language': 'en' }, body: { sessionId: v.sessionId, beats: [v.beatBody({ position: 0 })] } });
    if (en.status === 429) expect(en.body.message).toMatch(/^Too many heartbeats; send again in \d+ s/);
    // a refused beat was not judged: sent again after Retry-After, it counts (as the player does)
    const last = v.seq;
    await sleep(Number(r.headers.get('retry-after')) * 1000 + 100);
    const again = await v.batch([v.beatBody({ position: 1, ranges: [[0, 1]], seq: last })]);
    expect(again.status).toBe(200);
    expect(again.body.rejected).toEqual([]);
  }, 30_000);

  it('the official\'s bucket holds across sessions: a flood over made-up session ids is refused too', async () => {
    const token = await t.login('official3');
    const statuses: number[] = [];
    for (let i = 0; i < 90; i++) {
      const r = await t.call('POST', '/api/play/heartbeat', {
        token,
        body: { sessionId: randomUUID(), beats: [{ seq: 1, clientTime: Date.now(), position: 0, rate: 1, paused: false, visible: true, ranges: [] }] },
      });
      statuses.push(r.status);
    }
    const ok = statuses.filter((s) => s === 200).length;
    expect(ok).toBeGreaterThanOrEqual(60);
    expect(ok).toBeLessThan(75);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    // the buckets live in Redis, not in the process: another official is not affected
    const other = new Viewer(t, await t.login('official2'), lessonId);
    await other.start();
    expect((await other.beat({ position: 0 })).status).toBe(200);
  }, 30_000);

  it('a JSON body over the route\'s limit gets 413 naming `body`, with the limit, in both languages', async () => {
    const big = { username: 'x'.repeat(70 * 1024), password: 'y' };
    const zh = await t.call('POST', '/api/auth/login', { body: big });
    expect(zh.status).toBe(413);
    expect(zh.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'body', message: '请求体过大：本接口最多接受 64 KB' });
    const en = await t.call('POST', '/api/auth/login', { body: big, headers: { 'accept-language': 'en' } });
    expect(en.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'body', message: 'The request body is too large: this route accepts at most 64 KB' });
    // the same without a Content-Length (chunked): refused once the limit is passed
    const chunks = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(JSON.stringify(big)));
        c.close();
      },
    });
    const chunked = await fetch(t.url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { field: string }).field).toBe('body');

    // an authenticated route: the limit is checked before the body is read or the caller judged
    const admin = await t.login('yz_admin');
    const note = await t.call('PATCH', `/api/users/${randomUUID()}`, { token: admin, body: { position: 'z'.repeat(100 * 1024) } });
    expect([note.status, note.body.field]).toEqual([413, 'body']);

    // the heartbeat (on Fastify directly) has its own, larger limit: 256 KB
    const official = await t.login('official');
    const hb = await t.call('POST', '/api/play/heartbeat', { token: official, body: { sessionId: randomUUID(), beats: [], pad: 'p'.repeat(300 * 1024) } });
    expect(hb.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'body', message: '请求体过大：本接口最多接受 256 KB' });
    // …so 100 KB passes the size check there (and is judged by the schema instead)
    const hbOk = await t.call('POST', '/api/play/heartbeat', { token: official, body: { sessionId: randomUUID(), beats: [], pad: 'p'.repeat(100 * 1024) } });
    expect(hbOk.status).toBe(400);

    // a route declaring a bigger limit takes a bigger body: 20,000 attendance records (~1.9 MB)
    const inst = await t.login('inst_admin');
    const records = Array.from({ length: 20_000 }, () => ({ sessionId: randomUUID(), userId: randomUUID(), present: true }));
    const att = await t.call('PUT', `/api/classes/${randomUUID()}/attendance`, { token: inst, body: { records } });
    expect(att.status).toBe(404);
  });

  it('uploads keep their own limits: a multipart file beyond the JSON limit is read, and judged by its content', async () => {
    const admin = await t.login('yz_admin');
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(200 * 1024, 'a')], { type: 'text/csv' }), 'people.csv');
    const r = await fetch(t.url + '/api/users/import', { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
    expect(r.status).not.toBe(413);
    expect(r.status).toBeLessThan(500);
  });
});
