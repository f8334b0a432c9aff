import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { seedDemo } from '../src/database/seed';
import { makePdf } from '../src/modules/media/pdf';
import { publishedCourse, uploadVideo } from './course-fixtures';
import { officials } from './factories';
import { createTestDatabase, dropTestDatabase } from './harness';
import { freePort, NodeProcess, processApp } from './processes';
import { sleep } from './viewer';

const SECONDS = 8;

/**
 * Stateless api and worker: two api processes and two workers on one Redis and one PostgreSQL.
 * Officials whose heartbeats alternate between the two apis (session opened on one, document
 * fetched through the other) are credited exactly as officials who use one api only.
 */
describe('two apis and two workers credit exactly as one', () => {
  let dir: string;
  let prefix: string;
  const procs: NodeProcess[] = [];
  let app: ReturnType<typeof processApp>;
  let urls: string[];
  let lessonId: string;
  let courseId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-scale-'));
    prefix = `scale${randomBytes(3).toString('hex')}`;
    const databaseUrl = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
    await ds.initialize();
    await seedDemo(ds);
    await ds.query(`INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1)`, [
      JSON.stringify({ heartbeatIntervalSeconds: 1, attentionMeanMinutes: 0, documentMinSecondsPerPage: SECONDS }),
    ]);
    const base = {
      NODE_ENV: 'test', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, REDIS_URL: process.env.TEST_REDIS_URL!, REDIS_PREFIX: prefix,
      JWT_SECRET: 'scale-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'error', CLIENT_DIST: '',
      MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'), HEARTBEAT_FLUSH_MS: '150', HEARTBEAT_FLUSH_DELAY_MS: '0',
    };
    const ports = [await freePort(), await freePort()];
    for (const port of ports) procs.push(new NodeProcess('main', { ...base, PORT: String(port) }));
    procs.push(new NodeProcess('worker', { ...base, PORT: '0' }), new NodeProcess('worker', { ...base, PORT: '0' }));
    await Promise.all(procs.map((p) => p.start()));
    urls = ports.map((p) => `http://127.0.0.1:${p}`);
    app = processApp(urls[0], databaseUrl, prefix, ds);
    const teacher = await app.login('teacher');
    const assetId = await uploadVideo(app, teacher, makePdf(['Scale out']), 'scale.pdf', 'document');
    ({ courseId, lessonId } = await publishedCourse(app, assetId, '横向扩展测试', 'document'));
  }, 120_000);

  afterAll(async () => {
    for (const p of procs) await p.kill();
    await app?.ds.destroy();
    if (app) await dropTestDatabase(app.databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Read the one page for its minimum, beat by beat, each beat to the api `at(i)` picks. */
  async function read(token: string, at: (i: number) => string, used: Set<string>) {
    const s = await app.callAt(at(0), 'POST', `/api/lessons/${lessonId}/sessions`, { token });
    expect(s.status).toBe(201);
    // the signed document URL works on any api
    expect((await fetch(at(1) + s.body.url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const t0 = Date.now();
    for (let i = 0; i <= SECONDS; i++) {
      const beat = { seq: i + 1, clientTime: t0 + i * 1000, position: i, rate: 1, paused: false, visible: true, ranges: i ? [[i - 1, i]] : [], ended: i === SECONDS };
      const r = await app.callAt(at(i), 'POST', '/api/play/heartbeat', { token, body: { sessionId: s.body.sessionId, beats: [beat] } });
      expect(r.body.accepted).toBe(1);
      used.add(at(i));
      await sleep(1100);
    }
    return s.body.sessionId as string;
  }

  it('spreads beats over both apis and both workers: the same credit, once', async () => {
    const people = await officials(app, 6, courseId);
    const single = people.slice(0, 3);
    const spread = people.slice(3);
    const usedSingle = new Set<string>();
    const usedSpread = new Set<string>();
    const [singleSessions, spreadSessions] = await Promise.all([
      Promise.all(single.map((p) => read(p.token, () => urls[0], usedSingle))),
      Promise.all(spread.map((p, n) => read(p.token, (i) => urls[(i + n) % 2], usedSpread))),
    ]);
    expect(usedSingle.size).toBe(1);
    expect(usedSpread.size).toBe(2);
    const r = new Redis(process.env.TEST_REDIS_URL!);
    try {
      for (let i = 0; i < 300 && (await r.zcard(`${prefix}:ps-dirty`)) > 0; i++) await sleep(100);
      expect(await r.zcard(`${prefix}:ps-dirty`)).toBe(0);
    } finally {
      r.disconnect();
    }
    const outcome = async (users: { id: string }[], sessions: string[]) => {
      const rows = await app.ds.query(
        `SELECT s.user_id, s.verified_seconds::float AS verified, (SELECT coalesce(sum(upper(x) - lower(x)), 0)::float FROM unnest(s.covered) x) AS covered,
                (SELECT count(*)::int FROM credit_ledger l WHERE l.user_id = s.user_id AND l.course_id = $2) AS ledger
           FROM play_sessions s WHERE s.id = ANY($1)`,
        [sessions, courseId],
      );
      return users.map((u) => {
        const x = rows.find((y: { user_id: string }) => y.user_id === u.id);
        return { verified: x.verified, covered: x.covered, ledger: x.ledger };
      });
    };
    const expected = single.map(() => ({ verified: SECONDS, covered: SECONDS, ledger: 1 }));
    expect(await outcome(single, singleSessions)).toEqual(expected);
    expect(await outcome(spread, spreadSessions)).toEqual(expected);
    // both workers took jobs: each reported liveness to Redis
    const beats = new Redis(process.env.TEST_REDIS_URL!);
    try {
      expect(await beats.zcard(`${prefix}:workers`)).toBe(2);
    } finally {
      beats.disconnect();
    }
  }, 90_000);
});
