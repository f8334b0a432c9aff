// npm run bench:compliance — not a test: prints the times measured in this one run.
//
// Generates BENCH_OFFICIALS (200 000) officials across a realistic tree (a city of 40 districts and
// departments, 25 units each) with a year of credit (about 17 ledger entries each, by month, some
// legal, some 双基 offline days), then times through the real api: the city-wide and one district's
// dashboard, the subtree compliance list, one official's compliance, and the export of the whole
// city's behind-list as XLSX. Baseline in the same run: the city dashboard's headline figure summed
// straight from the ledger (what the pre-aggregated totals spare every request).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DATA, ROOT, ensureDebianTool, freePort, run, say, startPostgres, startRedis } from '../scripts/lib/services.mjs';

const require = createRequire(import.meta.url);
const OFFICIALS = Number(process.env.BENCH_OFFICIALS ?? 200_000);
const BRANCHES = 40;
const UNITS_PER_BRANCH = 25;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const { buildIfStale } = await import('../scripts/lib/build.mjs');
buildIfStale({ only: ['@xueshi/shared', '@xueshi/server'] });
ensureDebianTool('redis-server', 'redis-server', 'the benchmark');
const dir = path.join(DATA, 'bench', `compliance-${process.pid}`);
mkdirSync(dir, { recursive: true });
const pg = await startPostgres({ dir: path.join(dir, 'pg'), database: 'bench' });
const redis = await startRedis({ dir: path.join(dir, 'redis') });
let api = null;
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

try {
  const secret = createHash('sha256').update(String(Math.random())).digest('hex');
  const port = await freePort();
  const env = {
    ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: pg.url, REDIS_URL: redis.url,
    REDIS_PREFIX: 'bench', JWT_SECRET: secret, LOG_LEVEL: 'silent', CLIENT_DIST: '', MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'),
  };
  run('node', ['server/dist/server/src/database/migrate.js'], { env });
  run('node', ['server/dist/server/src/database/seed.js', '--demo-people'], { env });
  const { default: pgLib } = await import('pg');
  const db = new pgLib.Client({ connectionString: pg.url });
  await db.connect();
  db.on('error', () => {}); // the server stops under it at the end
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

  // the tree: 市 → 40 区县/市级部门 → 25 单位 each
  say(`generating ${OFFICIALS.toLocaleString()} officials in ${BRANCHES * UNITS_PER_BRANCH} units with a year of credit …`);
  const [{ id: city, path: cityPath }] = (await db.query(`SELECT id, path FROM org_units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`)).rows;
  await db.query(
    `WITH ids AS (SELECT g, gen_random_uuid() AS id FROM generate_series(1, $3) g),
     b AS (
       INSERT INTO org_units (id, parent_id, code, name, type, path, depth)
       SELECT id, $1, 'B' || g, CASE WHEN g % 4 = 0 THEN '市级部门' || g ELSE '区县' || g END, CASE WHEN g % 4 = 0 THEN 'department' ELSE 'district' END,
              $2 || id || '/', 1
         FROM ids RETURNING id, path, code),
     u AS (SELECT b.id AS parent, b.path, b.code, n, gen_random_uuid() AS id FROM b, generate_series(1, $4) n)
     INSERT INTO org_units (id, parent_id, code, name, type, path, depth)
     SELECT id, parent, code || '-U' || n, code || '单位' || n, 'unit', path || id || '/', 2 FROM u`,
    [city, cityPath, BRANCHES, UNITS_PER_BRANCH],
  );
  const [{ hash }] = (await db.query(`SELECT password_hash AS hash FROM users WHERE username = 'official'`)).rows;
  await db.query(
    `INSERT INTO users (username, password_hash, name, role, org_unit_id, law_enforcement, grassroots, staff_no)
     SELECT 'bo' || g, $1, '学员' || g, 'official', units.ids[1 + g % array_length(units.ids, 1)], g % 5 = 0, g % 7 = 0, 'B' || lpad(g::text, 8, '0')
       FROM generate_series(1, $2) g, (SELECT array_agg(id ORDER BY code) AS ids FROM org_units WHERE type = 'unit' AND code LIKE 'B%') units`,
    [hash, OFFICIALS],
  );
  const [{ id: legal }] = (await db.query(`SELECT id FROM categories WHERE legal LIMIT 1`)).rows;
  const [{ id: other }] = (await db.query(`SELECT id FROM categories WHERE NOT legal ORDER BY sort LIMIT 1`)).rows;
  // a year of credit: 8–25 entries per official spread over the months gone, 3 hours each (some legal), 双基 officials a class
  await db.query(
    `INSERT INTO credit_ledger (user_id, seq, kind, course_id, hours, category_id, year, evidence, reason, created_by, created_at, prev_hash, hash)
     SELECT u.id, s, 'correction', NULL, 3 + (s % 3) * 1.5, CASE WHEN s % 4 = 0 THEN $1::uuid ELSE $2::uuid END, $3, '{"bench":true}', 'bench', NULL,
            make_timestamptz($3, 1 + abs(s * 7 + hashtext(u.id::text)) % $4, 1 + s % 27, 9, 0, 0, 'Asia/Shanghai'), repeat('0', 64), repeat('f', 64)
       FROM users u, LATERAL generate_series(1, 8 + abs(hashtext(u.username)) % 18) s
      WHERE u.username LIKE 'bo%'`,
    [legal, other, year, new Date(Date.now() + 8 * 3600_000).getUTCMonth() + 1],
  );
  await db.query(
    `INSERT INTO credit_ledger (user_id, seq, kind, hours, year, evidence, created_at, prev_hash, hash)
     SELECT u.id, 100, 'class', 45, $1, '{"classKind":"grassroots","offlineDays":6,"days":6,"ruleOfLawHours":0,"assessmentPassed":true}', make_timestamptz($1, 6, 15, 9, 0, 0, 'Asia/Shanghai'),
            repeat('0', 64), repeat('f', 64)
       FROM users u WHERE u.username LIKE 'bo%' AND u.grassroots`,
    [year],
  );
  const tr = Date.now();
  const { rebuildYearTotals } = require(path.join(ROOT, 'server/dist/server/src/modules/credits/year-totals.js'));
  await rebuildYearTotals(db, year);
  await db.query('VACUUM ANALYZE');
  const [{ n: entries }] = (await db.query(`SELECT count(*)::int AS n FROM credit_ledger`)).rows;
  say(`generated in ${secs(Date.now() - t0)}: ${entries.toLocaleString()} ledger entries; totals built from them in ${secs(Date.now() - tr)}`);

  const [district] = (await db.query(`SELECT id, path FROM org_units WHERE code = 'B1'`)).rows;
  const [admin] = (await db.query(`SELECT id FROM users WHERE username = 'yz_admin'`)).rows;
  const [someone] = (await db.query(`SELECT id FROM users WHERE username = $1`, [`bo${Math.min(12345, OFFICIALS)}`])).rows;
  const jwt = require(path.join(ROOT, 'node_modules/jsonwebtoken'));
  const token = jwt.sign({ sub: admin.id, role: 'org_admin', org: city, path: cityPath, inst: null }, secret, { algorithm: 'HS256', expiresIn: 3600, issuer: 'xueshi', audience: 'xueshi-api' });

  api = spawn(process.execPath, ['server/dist/server/src/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 300; i++) {
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const time = async (label, p, check) => {
    const ms = [];
    let last;
    for (let i = 0; i < RUNS + 1; i++) {
      const s = performance.now();
      const r = await fetch(`http://127.0.0.1:${port}${p}`, { headers: { authorization: `Bearer ${token}` } });
      last = p.includes('.xlsx') ? Buffer.from(await r.arrayBuffer()) : await r.json();
      if (r.status !== 200) throw new Error(`${label}: ${r.status} ${JSON.stringify(last).slice(0, 200)}`);
      if (i > 0) ms.push(performance.now() - s); // the first call warms the caches
    }
    ms.sort((a, b) => a - b);
    return { label, median: ms[Math.floor(ms.length / 2)], max: ms.at(-1), note: check(last) };
  };
  const results = [];
  results.push(await time('city-wide dashboard', `/api/compliance/dashboard?year=${year}`, (b) => `${b.officials.toLocaleString()} officials, ${b.meeting.toLocaleString()} meeting, ${b.byUnit.length} units`));
  results.push(await time('one district\'s dashboard', `/api/compliance/dashboard?year=${year}&orgUnitId=${district.id}`, (b) => `${b.officials.toLocaleString()} officials`));
  results.push(await time('city behind-list, page 1 of 20', `/api/compliance/officials?year=${year}&status=behind&pageSize=20`, (b) => `${b.total.toLocaleString()} behind`));
  results.push(await time('city list by name search', `/api/compliance/officials?year=${year}&q=${encodeURIComponent('学员1234')}`, (b) => `${b.total} found`));
  results.push(await time('one official\'s compliance', `/api/compliance/officials/${someone.id}?year=${year}`, (b) => `${b.totals.hours} hours`));
  const exp = await time('city behind-list export (XLSX, every row)', `/api/compliance/officials.xlsx?year=${year}&status=behind`, (b) => `${(b.length / 1e6).toFixed(1)} MB`);
  results.push(exp);

  // baseline: the headline figure of the city dashboard summed from the ledger itself
  const base = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const s = performance.now();
    await db.query(
      `SELECT count(*) FILTER (WHERE coalesce(x.h, 0) >= 90) AS meeting, count(*) AS officials
         FROM users u JOIN org_units ou ON ou.id = u.org_unit_id
         LEFT JOIN (SELECT user_id, sum(hours) AS h FROM credit_ledger WHERE year = $1 GROUP BY user_id) x ON x.user_id = u.id
        WHERE u.role = 'official' AND ou.path LIKE $2 || '%'`,
      [year, cityPath],
    );
    if (i > 0) base.push(performance.now() - s);
  }
  base.sort((a, b) => a - b);
  const baseline = base[Math.floor(base.length / 2)];

  const f = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
  console.log(['', `bench:compliance — ${OFFICIALS.toLocaleString()} officials, ${entries.toLocaleString()} ledger entries, year ${year}; median of ${RUNS} calls through the api after one warm-up`,
    ...results.map((r) => `  ${r.label.padEnd(44)} ${f(r.median)} (max ${r.max.toFixed(0)} ms)  ${r.note}`),
    '',
    `  baseline, same run: the city's "meeting" count summed straight from the ledger (one SQL statement, no api): ${f(baseline)}`,
    `  city dashboard (all its aggregates, through the api) / baseline headline query: ${(results[0].median / baseline).toFixed(2)}`,
    `  aim: city-wide dashboard under 1 s on this machine — ${results[0].median < 1000 ? 'met' : 'NOT met'} in this run`,
    ''].join('\n'));
  await db.end();
} catch (e) {
  console.error(`bench:compliance failed: ${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  if (process.env.BENCH_KEEP) {
    say(`BENCH_KEEP: database left running at ${pg.url}; stop it by its pid (${dir})`);
    process.exit(process.exitCode ?? 0);
  }
  if (api && api.exitCode === null) await new Promise((r) => (api.once('exit', r), api.kill('SIGTERM')));
  await redis.stop();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
