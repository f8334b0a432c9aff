// npm test: every test the project has, on services it provisions itself: its own PostgreSQL
// and Redis on free ports (or DATABASE_URL / REDIS_URL), ffmpeg, and Debian's chromium.
// Arguments go to jest, e.g. `npm test -- --selectProjects unit` or `npm test -- auth`.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DATA, ROOT, ensureCjkFont, ensureDebianTool, ensureNodeModules, ensurePostgres15Tools, run, say, startPostgres, startRedis } from './lib/services.mjs';

ensureNodeModules();
const { buildIfStale } = await import('./lib/build.mjs');
ensureDebianTool('redis-server', 'redis-server', 'queues and play-session state');
ensureDebianTool('ffmpeg', 'ffmpeg', 'transcoding courseware');
ensureDebianTool('pdfinfo', 'poppler-utils', 'reading PDF courseware');
ensureDebianTool('chromium', 'chromium', 'browser tests and the PDF archives');
ensureCjkFont();
// pg_dump / pg_restore for the backup-and-restore test (server/test/backup-restore.int-spec.ts)
const pg15 = ensurePostgres15Tools();
buildIfStale();

const runDir = path.join(DATA, 'test', String(process.pid));
mkdirSync(runDir, { recursive: true });
let pg;
let redis;
let code = 1;
let jest;
// Ctrl-C or a CI timeout: stop jest, then the services, then go.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    jest?.kill(sig);
    setTimeout(async () => {
      await redis?.stop();
      await pg?.stop();
      rmSync(runDir, { recursive: true, force: true });
      process.exit(130);
    }, 500);
  });
}
try {
  // A cluster of this run's own (initdb costs about two seconds), so runs never share state.
  pg = await startPostgres({ dir: path.join(runDir, 'pg'), database: 'postgres' });
  redis = await startRedis({ dir: path.join(runDir, 'redis') });
  const template = 'xueshi_template';
  const admin = new URL(pg.url);
  const { default: pgLib } = await import('pg');
  const client = new pgLib.Client({ connectionString: admin.toString() });
  await client.connect();
  // old per-file databases of an interrupted run
  const stale = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'xueshi_t_%' OR datname = $1", [template]);
  for (const r of stale.rows) await client.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${template}"`);
  await client.end();
  const templateUrl = new URL(pg.url);
  templateUrl.pathname = `/${template}`;
  run('node', ['server/dist/server/src/database/migrate.js'], { env: { ...process.env, DATABASE_URL: templateUrl.toString() } });
  say('running jest …');
  jest = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${path.join(runDir, 'results.json')}`, ...(process.argv.includes('--runInBand') || process.argv.includes('-i') ? [] : ['--maxWorkers=2']), ...process.argv.slice(2)],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        TEST_PG_URL: pg.url,
        TEST_TEMPLATE_DB: template,
        TEST_REDIS_URL: redis.url,
        TEST_RUN_DIR: runDir,
        TEST_PG15_BIN: pg15.bin,
        TEST_PG15_LIB: pg15.lib,
      },
    },
  );
  code = await new Promise((resolve) => jest.on('exit', (c) => resolve(c ?? 1)));
  // one plain closing line that any CI can read
  try {
    const r = JSON.parse(readFileSync(path.join(runDir, 'results.json'), 'utf8'));
    console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
  } catch {
    // jest wrote no results: its exit code speaks
  }
} catch (e) {
  console.error(`[xueshi] ${e.stack ?? e}`);
} finally {
  await redis?.stop();
  await pg?.stop();
  rmSync(runDir, { recursive: true, force: true });
}
process.exit(code);
