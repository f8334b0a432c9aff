import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { makePdf } from '../src/modules/media/pdf';
import { dirtyKeys } from '../src/modules/playback/keys';
import { RedisService, slotOfTag } from '../src/queue/redis.service';
import { publishedCourse, uploadVideo } from './course-fixtures';
import { officials } from './factories';
import { startTestApp, TestApp } from './harness';
import { waitFor } from './media-fixtures';
import { sleep } from './viewer';

const SECONDS = 6;
const MASTERS = 3;

const listens = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

/** a free port whose cluster-bus port (+10000) is free too */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const p = 20000 + Math.floor(Math.random() * 20000);
    if (!taken.has(p) && (await listens(p)) && (await listens(p + 10000))) {
      taken.add(p);
      return p;
    }
  }
}

/**
 * Redis Cluster by configuration only (REDIS_CLUSTER_NODES): three real redis-server masters with
 * --cluster-enabled, joined by redis-cli --cluster create. The api and the worker run heartbeats,
 * BullMQ jobs and crediting against it; the credit is what one server gives (scale-out.int-spec.ts).
 */
describe('Redis Cluster by configuration', () => {
  let dir: string;
  const nodes: { port: number; proc: ChildProcess }[] = [];
  let t: TestApp;
  let courseId: string;
  let lessonId: string;

  const direct = async <T>(port: number, f: (r: Redis) => Promise<T>): Promise<T> => {
    const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await r.connect();
      return await f(r);
    } finally {
      r.disconnect();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-cluster-'));
    const taken = new Set<number>();
    for (let i = 0; i < MASTERS; i++) {
      const port = await clusterPort(taken);
      const d = path.join(dir, String(port));
      mkdirSync(d);
      const proc = spawn('redis-server', [
        '--port', String(port), '--bind', '127.0.0.1', '--dir', d, '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf',
        '--cluster-node-timeout', '5000', '--appendonly', 'yes', '--appendfsync', 'always', '--save', '',
      ], { stdio: 'ignore' });
      nodes.push({ port, proc });
    }
    for (const n of nodes) await waitFor('redis node', () => direct(n.port, async (r) => (await r.ping()) === 'PONG').catch(() => false), 20_000);
    await promisify(execFile)('redis-cli', ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '0', '--cluster-yes']);
    for (const n of nodes) {
      await waitFor('cluster ok', () => direct(n.port, async (r) => String(await r.cluster('INFO')).includes('cluster_state:ok')).catch(() => false), 30_000);
    }
    // REDIS_URL points nowhere: every connection must come from the cluster's nodes
    t = await startTestApp({
      worker: true,
      env: { REDIS_URL: 'redis://127.0.0.1:1', REDIS_CLUSTER_NODES: nodes.map((n) => `127.0.0.1:${n.port}`).join(','), HEARTBEAT_FLUSH_MS: '200' },
    });
    await t.ds.query(`INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1)`, [
      JSON.stringify({ heartbeatIntervalSeconds: 1, attentionMeanMinutes: 0, documentMinSecondsPerPage: SECONDS }),
    ]);
    const teacher = await t.login('teacher');
    // the upload's processing goes through a BullMQ queue on the cluster
    const assetId = await uploadVideo(t, teacher, makePdf(['Cluster']), 'cluster.pdf', 'document');
    ({ courseId, lessonId } = await publishedCourse(t, assetId, '集群测试', 'document'));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    for (const n of nodes) {
      if (n.proc.exitCode !== null || n.proc.signalCode !== null) continue;
      await new Promise((r) => {
        n.proc.once('exit', r);
        process.kill(n.proc.pid!, 'SIGKILL');
      });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('spreads the shards over the masters, each tag in the slot Redis computes', async () => {
    const redis = t.app.get(RedisService);
    expect(redis.cluster).toBe(true);
    expect(redis.shardTags).toHaveLength(60);
    const owner = new Map<number, number>();
    for (const [from, to, master] of await direct(nodes[0].port, (r) => r.cluster('SLOTS'))) for (let s = from; s <= to; s++) owner.set(s, master[1]);
    const perNode = new Map<number, number>();
    for (const tag of redis.shardTags as string[]) {
      const slot = Number(await direct(nodes[0].port, (r) => r.cluster('KEYSLOT', `{${tag}}:x`)));
      expect(slot).toBe(slotOfTag(tag));
      perNode.set(owner.get(slot)!, (perNode.get(owner.get(slot)!) ?? 0) + 1);
    }
    expect([...perNode.values()].sort()).toEqual([20, 20, 20]);
  });

  it('heartbeats, worker and credit on the cluster: the same credit as on one server, once', async () => {
    const people = await officials(t, 9, courseId);
    const sessions = await Promise.all(
      people.map(async (p) => {
        const s = await t.call('POST', `/api/lessons/${lessonId}/sessions`, { token: p.token });
        expect(s.status).toBe(201);
        // the media route records the fetch in the session's shard
        expect((await fetch(t.url + s.body.url, { headers: { authorization: `Bearer ${p.token}` } })).status).toBe(200);
        const t0 = Date.now();
        for (let i = 0; i <= SECONDS; i++) {
          const beat = { seq: i + 1, clientTime: t0 + i * 1000, position: i, rate: 1, paused: false, visible: true, ranges: i ? [[i - 1, i]] : [], seeked: false, ended: i === SECONDS };
          const r = await t.call('POST', '/api/play/heartbeat', { token: p.token, body: { sessionId: s.body.sessionId, beats: [beat] } });
          expect(r.body.accepted).toBe(1);
          if (i === 3) {
            // an old beat again: refused, and stored as evidence through the worker
            const stale = await t.call('POST', '/api/play/heartbeat', { token: p.token, body: { sessionId: s.body.sessionId, beats: [{ ...beat, seq: 1 }] } });
            expect(stale.body.rejected).toEqual([{ seq: 1, reason: 'stale_seq' }]);
          }
          await sleep(1100);
        }
        return s.body.sessionId as string;
      }),
    );
    const redis = t.app.get(RedisService);
    await waitFor('flushed', async () => (await Promise.all(dirtyKeys(redis).map((k) => redis.client.zcard(k)))).every((n) => n === 0), 30_000);
    const rows = await t.ds.query(
      `SELECT s.user_id, s.verified_seconds::float AS verified, (SELECT coalesce(sum(upper(x) - lower(x)), 0)::float FROM unnest(s.covered) x) AS covered,
              (SELECT count(*)::int FROM credit_ledger l WHERE l.user_id = s.user_id AND l.course_id = $2) AS ledger,
              (SELECT count(*)::int FROM heartbeat_rejections h WHERE h.session_id = s.id AND h.reason = 'stale_seq') AS stale
         FROM play_sessions s WHERE s.id = ANY($1)`,
      [sessions, courseId],
    );
    expect(rows.map((r: { verified: number; covered: number; ledger: number; stale: number }) => ({ verified: r.verified, covered: r.covered, ledger: r.ledger, stale: r.stale })))
      .toEqual(people.map(() => ({ verified: SECONDS, covered: SECONDS, ledger: 1, stale: 1 })));

    // the sessions' state lies on more than one master, the queues under their hash tag
    const found = await Promise.all(nodes.map((n) => direct(n.port, (r) => r.keys(`${t.redisPrefix}:{*}:ps:*`))));
    const sessionHashes = found.map((keys) => keys.filter((k) => /:ps:[0-9a-f-]{36}$/.test(k)).length);
    expect(sessionHashes.reduce((a, b) => a + b, 0)).toBe(people.length);
    expect(sessionHashes.filter((n) => n > 0).length).toBeGreaterThan(1);
    const queueKeys = (await Promise.all(nodes.map((n) => direct(n.port, (r) => r.keys(`{${t.redisPrefix}}:credit:*`))))).flat();
    expect(queueKeys.length).toBeGreaterThan(0);
    // nothing of the play state outside the tags (an untagged key would sit in some random slot)
    const untagged = (await Promise.all(nodes.map((n) => direct(n.port, (r) => r.keys(`${t.redisPrefix}:ps*`))))).flat();
    expect(untagged).toEqual([]);
  }, 90_000);

  it('health sees Redis and the worker through the cluster', async () => {
    const h = await waitFor('worker up', async () => {
      const r = await t.call('GET', '/api/health');
      return r.body.worker === 'up' && r.body;
    }, 20_000);
    expect(h).toMatchObject({ status: 'ok', db: 'up', redis: 'up' });
  });
});
