// npm start: install what is missing, provision PostgreSQL and Redis, migrate, seed demo data,
// build, and run the api and the worker at http://localhost:$PORT. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DATA, ROOT, ensureCjkFont, ensureDebianTool, ensureNodeModules, localSecrets, run, say, startPostgres, startRedis } from './lib/services.mjs';

ensureNodeModules();
const { buildIfStale } = await import('./lib/build.mjs');
ensureDebianTool('ffmpeg', 'ffmpeg', 'transcoding courseware');
ensureDebianTool('pdfinfo', 'poppler-utils', 'reading PDF courseware');
ensureDebianTool('chromium', 'chromium', 'printing training archives as PDF');
ensureCjkFont();
buildIfStale();

const children = [];
let stopping = false;
let pg;
let redis;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping …');
  await Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once('exit', resolve);
          c.kill('SIGTERM');
          setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  await redis?.stop();
  await pg?.stop();
  say('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** Wait for the api to answer and for the demo videos to finish transcoding, saying what is left. */
async function waitUntilReady(base, databaseUrl) {
  const { default: pgLib } = await import('pg');
  const db = new pgLib.Client({ connectionString: databaseUrl });
  await db.connect();
  let said = -1;
  try {
    for (;;) {
      if (stopping) return;
      const up = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      const [{ n }] = (await db.query("SELECT count(*)::int AS n FROM media_assets WHERE status IN ('queued', 'processing')")).rows;
      if (up && n === 0) return;
      if (n !== said && n > 0) say(`transcoding demo videos: ${n} left …`);
      said = n;
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await db.end();
  }
}

try {
  pg = await startPostgres({ dir: path.join(DATA, 'pg'), database: 'xueshi', preferredPort: 54329 });
  redis = await startRedis({ dir: path.join(DATA, 'redis'), preferredPort: 63790 });
  const port = process.env.PORT ?? '3000';
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    PORT: port,
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    JWT_SECRET: process.env.JWT_SECRET ?? localSecrets().JWT_SECRET,
    CLIENT_DIST: path.join(ROOT, 'client/dist'),
  };
  run('node', ['server/dist/server/src/database/migrate.js'], { env });
  run('node', ['server/dist/server/src/database/seed.js', '--demo'], { env });
  for (const [name, file] of [
    ['api', 'server/dist/server/src/main.js'],
    ['worker', 'server/dist/server/src/worker.js'],
  ]) {
    const child = spawn(process.execPath, ['--enable-source-maps', file], { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        say(`${name} exited (${signal ?? code}); stopping the platform`);
        void shutdown(1);
      }
    });
    children.push(child);
  }
  await waitUntilReady(`http://127.0.0.1:${port}`, pg.url);
  say(`Xueshi is ready at http://localhost:${port}  (Ctrl-C stops it)`);
} catch (e) {
  console.error(`[xueshi] ${e.message ?? e}`);
  await shutdown(1);
}
