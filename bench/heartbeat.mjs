// npm run bench:heartbeat — not a test: prints figures and ratios measured in this one run.
//
// 1. The heartbeat endpoint of the real api process (logging off), pinned to core 0, under load from
//    autocannon pinned to core 1; then, in the same run and on the same core, a bare Fastify server
//    doing the same Redis Lua call: the ceiling. Sustained rate, p50 and p99 for both, and the ratio.
// 2. The crediting worker draining what the load left: heartbeats/s and sessions/s flushed into
//    PostgreSQL, against a province's peak (50 000 viewers, one beat each per 15 s).
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DATA, ROOT, ensureDebianTool, freePort, run, say, startPostgres, startRedis } from '../scripts/lib/services.mjs';

const require = createRequire(import.meta.url);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const PROVINCE_VIEWERS = 50_000;
const INTERVAL_S = 15;

const { buildIfStale } = await import('../scripts/lib/build.mjs');
buildIfStale({ only: ['@xueshi/shared', '@xueshi/server'] });
ensureDebianTool('redis-server', 'redis-server', 'the benchmark');
const dir = path.join(DATA, 'bench', String(process.pid));
mkdirSync(dir, { recursive: true });
const pg = await startPostgres({ dir: path.join(dir, 'pg'), database: 'bench' });
const redis = await startRedis({ dir: path.join(dir, 'redis') });
const procs = [];
const pin = (core, cmd, args, opts) => {
  const p = spawn('taskset', ['-c', String(core), cmd, ...args], opts);
  procs.push(p);
  return p;
};
const stop = (p) => new Promise((r) => (p.exitCode !== null ? r() : (p.once('exit', r), p.kill('SIGTERM'))));

try {
  const secret = createHash('sha256').update(String(Math.random())).digest('hex');
  const apiPort = await freePort();
  const env = {
    ...process.env, NODE_ENV: 'production', PORT: String(apiPort), HOST: '127.0.0.1', DATABASE_URL: pg.url, REDIS_URL: redis.url,
    REDIS_PREFIX: 'bench', JWT_SECRET: secret, LOG_LEVEL: 'silent', CLIENT_DIST: '', MEDIA_DIR: path.join(dir, 'media'),
    UPLOAD_DIR: path.join(dir, 'uploads'), DB_POOL_SIZE: '20',
    // the worker's raw rate: every session due at once (the default delay spreads them, see below)
    HEARTBEAT_FLUSH_DELAY_MS: '0',
    // the load sends each session far more than a player would: the rate limits are checked on
    // every request (same work) but set high enough never to refuse
    HEARTBEAT_LIMIT_PER_MINUTE: '1000000000', HEARTBEAT_LIMIT_BURST: '1000000', HEARTBEAT_SESSION_PER_INTERVAL: '1000000000', HEARTBEAT_SESSION_BURST: '1000000',
  };
  run('node', ['server/dist/server/src/database/migrate.js'], { env });
  run('node', ['server/dist/server/src/database/seed.js', '--demo-people'], { env });

  // a course with one ready 1-hour lesson, and SESSIONS officials enrolled in it
  const { default: pgLib } = await import('pg');
  const db = new pgLib.Client({ connectionString: pg.url });
  await db.connect();
  const [{ id: inst }] = (await db.query("SELECT id FROM institutions WHERE code = 'CQ-XZXY'")).rows;
  const [{ id: cat }] = (await db.query('SELECT id FROM categories ORDER BY sort LIMIT 1')).rows;
  const [{ id: teacher, hash, unit }] = (await db.query("SELECT id, password_hash AS hash, (SELECT org_unit_id FROM users WHERE username = 'official') AS unit FROM users WHERE username = 'teacher'")).rows;
  const [{ id: course }] = (await db.query(
    `INSERT INTO courses (title, category_id, institution_id, status, published_at) VALUES ('压测课程', $1, $2, 'published', now()) RETURNING id`, [cat, inst])).rows;
  const [{ id: chapter }] = (await db.query(`INSERT INTO chapters (course_id, title, position) VALUES ($1, '第一章', 0) RETURNING id`, [course])).rows;
  const [{ id: asset }] = (await db.query(
    `INSERT INTO media_assets (owner_id, kind, status, original_name, size_bytes, source_key, duration_seconds, output_key)
     VALUES ($1, 'video', 'ready', 'bench.mp4', 0, 'none', 3600, 'none') RETURNING id`, [teacher])).rows;
  const [{ id: lesson }] = (await db.query(
    `INSERT INTO lessons (course_id, chapter_id, title, kind, position, asset_id) VALUES ($1, $2, '第一讲', 'video', 0, $3) RETURNING id`, [course, chapter, asset])).rows;
  const users = (await db.query(
    `INSERT INTO users (username, password_hash, name, role, org_unit_id)
     SELECT 'bench' || g, $1, '压测' || g, 'official', $2 FROM generate_series(1, $3) g RETURNING id`, [hash, unit, SESSIONS])).rows;
  await db.query(`INSERT INTO enrolments (user_id, course_id, source) SELECT unnest($1::uuid[]), $2, 'assigned'`, [users.map((u) => u.id), course]);

  const jwt = require(path.join(ROOT, 'node_modules/jsonwebtoken'));
  const token = (u) => jwt.sign({ sub: u.id, role: 'official', org: unit, path: null, inst: null, sid: randomUUID() }, secret, { algorithm: 'HS256', expiresIn: 3600, issuer: 'xueshi', audience: 'xueshi-api' });

  say(`api on core 0, load on core 1; ${SESSIONS} sessions, ${CONNECTIONS} connections, ${SECONDS} s per run`);
  pin(0, process.execPath, ['server/dist/server/src/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 300; i++) {
    if (await fetch(`http://127.0.0.1:${apiPort}/api/health`).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const sessions = [];
  for (const u of users) {
    const t = token(u);
    const r = await fetch(`http://127.0.0.1:${apiPort}/api/lessons/${lesson}/sessions`, { method: 'POST', headers: { authorization: `Bearer ${t}` } });
    if (r.status !== 201) throw new Error(`session: ${r.status} ${await r.text()}`);
    sessions.push({ sessionId: (await r.json()).sessionId, token: t, userId: u.id });
  }
  // every session "fetched" the whole video, as a real player does: the worker credits the full path
  {
    const Redis = require(path.join(ROOT, 'node_modules/ioredis'));
    const rc = new Redis(redis.url);
    const pipe = rc.pipeline();
    for (const s of sessions) pipe.set(`bench:seg:${s.sessionId}`, Buffer.alloc(75, 0xff));
    await pipe.exec();
    rc.disconnect();
  }
  const sessionsFile = path.join(dir, 'sessions.json');
  writeFileSync(sessionsFile, JSON.stringify(sessions));

  const load = (port, startSeq) => {
    const out = execFileSync('taskset', ['-c', '1', process.execPath, path.join(ROOT, 'bench/load.mjs'), `http://127.0.0.1:${port}`, sessionsFile, String(SECONDS), String(CONNECTIONS), String(startSeq)], { cwd: ROOT });
    return JSON.parse(out.toString().trim().split('\n').pop());
  };
  load(apiPort, 0); // warm-up
  const api = load(apiPort, 1_000_000);

  const barePort = await freePort();
  const bare = pin(0, process.execPath, [path.join(ROOT, 'bench/bare-fastify.mjs'), String(barePort), redis.url, 'bench', sessionsFile], { cwd: ROOT, stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    if (await fetch(`http://127.0.0.1:${barePort}/`).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  load(barePort, 2_000_000); // warm-up
  const ceiling = load(barePort, 3_000_000);
  await stop(bare);

  // two api processes, one per core, the load split over both (each generator its half of the
  // sessions and of the connections); on a 2-core machine the generators share the cores
  const api2Port = await freePort();
  const api2 = pin(1, process.execPath, ['server/dist/server/src/main.js'], { cwd: ROOT, env: { ...env, PORT: String(api2Port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 300; i++) {
    if (await fetch(`http://127.0.0.1:${api2Port}/api/health`).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const halves = [sessions.filter((_, i) => i % 2 === 0), sessions.filter((_, i) => i % 2 === 1)].map((part, n) => {
    const file = path.join(dir, `sessions-${n}.json`);
    writeFileSync(file, JSON.stringify(part));
    return file;
  });
  const loadAsync = (port, file, startSeq) =>
    new Promise((resolve, reject) => {
      const p = spawn(process.execPath, [path.join(ROOT, 'bench/load.mjs'), `http://127.0.0.1:${port}`, file, String(SECONDS), String(Math.max(1, CONNECTIONS / 2)), String(startSeq)], { cwd: ROOT });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`load exited ${code}`))));
    });
  const both = (startSeq) => Promise.all([loadAsync(apiPort, halves[0], startSeq), loadAsync(api2Port, halves[1], startSeq)]);
  await both(4_000_000); // warm-up
  const [twoA, twoB] = await both(5_000_000);
  const two = { rps: twoA.rps + twoB.rps, p50: Math.max(twoA.p50, twoB.p50), p99: Math.max(twoA.p99, twoB.p99), non2xx: twoA.non2xx + twoB.non2xx };
  await stop(api2);

  // the worker drains what the runs left in Redis
  const Redis = require(path.join(ROOT, 'node_modules/ioredis'));
  const rc = new Redis(redis.url);
  let beats = 0;
  for (const s of sessions) beats += Number((await rc.hget(`bench:ps:${s.sessionId}:t`, 'acc_n')) ?? 0);
  const dirty = await rc.zcard('bench:ps-dirty');
  const worker = pin(1, process.execPath, ['server/dist/server/src/worker.js'], { cwd: ROOT, env: { ...env, HEARTBEAT_FLUSH_MS: '100' }, stdio: ['ignore', 'ignore', 'inherit'] });
  // time the drain from its first flushed session, not the worker's boot
  while ((await rc.zcard('bench:ps-dirty')) === dirty) await new Promise((r) => setTimeout(r, 5));
  const t0 = Date.now();
  while ((await rc.zcard('bench:ps-dirty')) > 0) await new Promise((r) => setTimeout(r, 5));
  const drainS = (Date.now() - t0) / 1000;

  // a province's pattern: every session has exactly one new beat since the last flush
  const seqs = new Map();
  for (const s of sessions) seqs.set(s.sessionId, Number(await rc.hget(`bench:ps:${s.sessionId}`, 'last_seq')));
  let next = 0;
    const one = async () => {
    while (next < sessions.length) {
      const s = sessions[next++];
      const seq = seqs.get(s.sessionId) + 1;
      await fetch(`http://127.0.0.1:${apiPort}/api/play/heartbeat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
        body: JSON.stringify({ sessionId: s.sessionId, beats: [{ seq, clientTime: Date.now(), position: 3000, rate: 1, paused: false, visible: true, ranges: [[2999, 3000]] }] }),
      });
    }
  };
  await stop(worker);
  await Promise.all(Array.from({ length: 32 }, one));
  const dirty1 = await rc.zcard('bench:ps-dirty');
  const worker2 = pin(1, process.execPath, ['server/dist/server/src/worker.js'], { cwd: ROOT, env: { ...env, HEARTBEAT_FLUSH_MS: '100' }, stdio: ['ignore', 'ignore', 'inherit'] });
  while ((await rc.zcard('bench:ps-dirty')) === dirty1) await new Promise((r) => setTimeout(r, 5));
  const t1 = Date.now();
  while ((await rc.zcard('bench:ps-dirty')) > 0) await new Promise((r) => setTimeout(r, 5));
  const drain1S = (Date.now() - t1) / 1000;
  await stop(worker2);
  const [{ v }] = (await db.query('SELECT sum(verified_seconds)::float AS v FROM play_sessions')).rows;
  rc.disconnect();
  await db.end();

  const arrival = PROVINCE_VIEWERS / INTERVAL_S;
  const f = (n) => Math.round(n).toLocaleString('en-US');
  const lines = [
    '',
    'heartbeat endpoint (one Redis Lua call per request, no DB write)',
    `  xueshi api (NestJS on Fastify, auth + zod validation): ${f(api.rps)} req/s   p50 ${api.p50} ms   p99 ${api.p99} ms   non-2xx ${api.non2xx}`,
    `  bare Fastify + the same Lua call (ceiling):             ${f(ceiling.rps)} req/s   p50 ${ceiling.p50} ms   p99 ${ceiling.p99} ms`,
    `  ratio api / ceiling: ${(api.rps / ceiling.rps).toFixed(2)}   (aim ≥ 0.70)`,
    `  two api processes (one per core; the two load generators share the cores): ${f(two.rps)} req/s   p50 ${two.p50} ms   p99 ${two.p99} ms   non-2xx ${two.non2xx}`,
    `    = ${(two.rps / api.rps).toFixed(2)}× one api — on this 2-core machine the load generators take the second core's share`,
    '',
    'crediting worker (batched flush to PostgreSQL, exactly once)',
    `  drained ${f(beats)} heartbeats of ${f(dirty)} sessions in ${drainS.toFixed(2)} s: ${f(beats / drainS)} heartbeats/s, ${f(dirty / drainS)} sessions/s`,
    `  province peak: ${f(PROVINCE_VIEWERS)} viewers × 1 beat / ${INTERVAL_S} s = ${f(arrival)} heartbeats/s arriving`,
    `  one new beat in each of ${f(dirty1)} sessions (a province's pattern): drained in ${drain1S.toFixed(2)} s = ${f(dirty1 / drain1S)} sessions/s`,
    `    = ${(dirty1 / drain1S / arrival).toFixed(1)}× the province's arrival rate if every beat were flushed on its own`,
    `  the cost is per session flushed, not per heartbeat: a live session is flushed once per F s (HEARTBEAT_FLUSH_DELAY_MS,`,
    `  default 30 s; ended sessions at once), carrying max(1, F/${INTERVAL_S}) beats; all ${f(PROVINCE_VIEWERS)} are due once F ≥ ${INTERVAL_S} s:`,
    ...[2, 15, 30, 60, 120].map((F) => {
      const sessionsPerS = dirty1 / drain1S;
      const dirtyPerPass = PROVINCE_VIEWERS * Math.min(1, F / INTERVAL_S);
      const pass = dirtyPerPass / sessionsPerS;
      const drained = sessionsPerS * Math.max(1, F / INTERVAL_S);
      return `    flushed every ${String(F).padStart(3)} s: ${pass.toFixed(1)} s of work per ${F} s; drains ${f(drained)} beats/s = ${(drained / arrival).toFixed(1)}× arrival${F === 30 ? '  (default)' : ''}${pass > F ? ' — falls behind' : ''}`;
    }),
    `  verified seconds credited in total: ${Math.round(v)}`,
    '',
  ];
  console.log(lines.join('\n'));
} finally {
  await Promise.all(procs.map(stop));
  await redis.stop();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
