import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { seedDemo } from '../src/database/seed';
import { publishedCourse, uploadVideo, waitForAsset } from './course-fixtures';
import { officials } from './factories';
import { createTestDatabase, dropTestDatabase, TestApp } from './harness';
import { makeVideo } from './media-fixtures';
import { freePort, NodeProcess, processApp, RedisProcess } from './processes';
import { sleep } from './viewer';

/**
 * I5 and I6 under faults: the same stream of heartbeats, once on a quiet system and once while the
 * worker is killed mid-batch, the api is killed right after acknowledging, and Redis is killed and
 * restarted on its append-only file. The final credit must be the same: nothing acknowledged lost,
 * nothing counted twice.
 */
describe('I5/I6: credit survives kill -9 of the worker, of the api after acknowledging, and of Redis', () => {
  let dir: string;
  let redis: RedisProcess;
  let api: NodeProcess;
  let worker: NodeProcess;
  let t: TestApp;
  let lessonId: string;
  let courseId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-faults-'));
    redis = new RedisProcess(await freePort(), path.join(dir, 'redis'));
    await redis.start();
    const databaseUrl = await createTestDatabase();
    const port = await freePort();
    const env = {
      NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, REDIS_URL: redis.url, REDIS_PREFIX: 'faults', HEARTBEAT_FLUSH_DELAY_MS: '0',
      JWT_SECRET: 'faults-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'error', CLIENT_DIST: '',
      MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'), HEARTBEAT_FLUSH_MS: '100', TRANSCODE_LOCK_MS: '3000',
    };
    const ds = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
    await ds.initialize();
    await seedDemo(ds);
    await ds.query(`INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1)`, [
      JSON.stringify({ heartbeatIntervalSeconds: 1, attentionMeanMinutes: 0 }),
    ]);
    api = new NodeProcess('main', env);
    worker = new NodeProcess('worker', env);
    await api.start();
    await worker.start();
    t = processApp(`http://127.0.0.1:${port}`, databaseUrl, 'faults', ds);
    const teacher = await t.login('teacher');
    const assetId = await uploadVideo(t, teacher, makeVideo('eight.mp4', 8));
    await waitForAsset(t, assetId, 'ready');
    ({ courseId, lessonId } = await publishedCourse(t, assetId, '故障测试'));
  }, 180_000);

  afterAll(async () => {
    await worker?.kill();
    await api?.kill();
    await redis?.kill();
    await t?.ds.destroy();
    if (t) await dropTestDatabase(t.databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  /** POST until the api answers: a client keeps a beat until it is acknowledged */
  async function send(token: string, body: unknown): Promise<{ status: number; body: any }> {
    for (;;) {
      try {
        const r = await t.call('POST', '/api/play/heartbeat', { token, body });
        if (r.status === 200) return r;
      } catch {
        // the api is down: keep the beat and try again
      }
      await sleep(150);
    }
  }

  /** one official: open, fetch, a start beat, then 8 beats of one second each, the last with `ended` */
  async function watch(token: string, onAck?: (i: number) => Promise<void>) {
    let s;
    for (;;) {
      s = await t.call('POST', `/api/lessons/${lessonId}/sessions`, { token }).catch(() => null);
      if (s?.status === 201) break;
      await sleep(150);
    }
    const sid = s.body.sessionId;
    for (let i = 0; i < 2; i++) {
      for (;;) {
        const seg = await fetch(t.url + s.body.url.replace('master.m3u8', `360p/seg_00${i}.ts`), { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
        if (seg?.status === 200) break;
        await sleep(150);
      }
    }
    const t0 = Date.now();
    for (let i = 0; i <= 8; i++) {
      const beat = { seq: i + 1, clientTime: t0 + i * 1000, position: i, rate: 1, paused: false, visible: true, ranges: i ? [[i - 1, i]] : [], ended: i === 8 };
      await send(token, { sessionId: sid, beats: [beat] });
      await onAck?.(i);
      // the next beat goes no sooner than 1.1 s after this one was acknowledged: its one-second window always fits the server's clock
      await sleep(1100);
    }
    return sid;
  }

  async function settle() {
    const r = new Redis(redis.url);
    try {
      for (let i = 0; i < 600; i++) {
        if ((await r.zcard('faults:ps-dirty')) === 0) return;
        await sleep(100);
      }
      throw new Error('not flushed');
    } finally {
      r.disconnect();
    }
  }

  async function outcome(users: { id: string }[], sessions: string[]) {
    const rows = await t.ds.query(
      `SELECT s.user_id, s.verified_seconds::float AS verified, (SELECT coalesce(sum(upper(r) - lower(r)), 0)::float FROM unnest(s.covered) r) AS covered,
              (SELECT count(*)::int FROM credit_ledger l WHERE l.user_id = s.user_id) AS ledger
         FROM play_sessions s WHERE s.id = ANY($1) ORDER BY s.user_id`,
      [sessions],
    );
    return users.map((u) => {
      const r = rows.find((x: { user_id: string }) => x.user_id === u.id);
      return { verified: r.verified, covered: r.covered, ledger: r.ledger };
    });
  }

  it('gives the same credit with faults as without', async () => {
    const people = await officials(t, 8, courseId);
    const clean = people.slice(0, 4);
    const faulty = people.slice(4);

    const cleanSessions = await Promise.all(clean.map((p) => watch(p.token)));
    await settle();
    const expected = await outcome(clean, cleanSessions);
    expect(expected).toEqual(clean.map(() => ({ verified: 8, covered: 8, ledger: 1 })));

    let apiKilled = false;
    const faults = (async () => {
      for (const at of [1500, 3500, 6000]) {
        await sleep(at === 1500 ? at : 2000);
        await worker.kill(); // mid-batch: it flushes every 100 ms
        await sleep(400);
        await worker.start();
      }
      await sleep(1500);
      await redis.kill();
      await sleep(300);
      await redis.start();
    })();
    const faultySessions = await Promise.all(
      faulty.map((p, n) =>
        watch(p.token, async (i) => {
          if (n === 0 && i === 4 && !apiKilled) {
            // right after a 2xx: the beat is acknowledged, the api dies
            apiKilled = true;
            await api.kill();
            await sleep(300);
            await api.start();
          }
        }),
      ),
    );
    await faults;
    await settle();
    expect(apiKilled).toBe(true);
    expect(await outcome(faulty, faultySessions)).toEqual(expected);
  }, 240_000);

  it('SIGTERM to the api and the worker during a stream: they stop gracefully and no acknowledged beat is lost', async () => {
    const people = await officials(t, 3, courseId);
    const stops: ({ code: number | null; signal: NodeJS.Signals | null } | null)[] = [];
    const faults = (async () => {
      await sleep(2500);
      stops.push(await worker.kill('SIGTERM'));
      await worker.start();
      await sleep(2000);
      stops.push(await api.kill('SIGTERM'));
      await api.start();
    })();
    const sessions = await Promise.all(people.map((p) => watch(p.token)));
    await faults;
    await settle();
    // both finished their work and exited on their own, not killed by the signal
    expect(stops).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);
    expect(await outcome(people, sessions)).toEqual(people.map(() => ({ verified: 8, covered: 8, ledger: 1 })));
  }, 120_000);
});
