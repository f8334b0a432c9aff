// npm run ledger:verify — on DATABASE_URL, or on the local platform's database (running or not).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA, ROOT, run, startPostgres } from './lib/services.mjs';

const { buildIfStale } = await import('./lib/build.mjs');
buildIfStale({ only: ['@xueshi/shared', '@xueshi/server'] });
let url = process.env.DATABASE_URL;
let pg;
if (!url) {
  const pidFile = path.join(DATA, 'pg', 'postmaster.pid');
  const lines = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').split('\n') : [];
  const alive = lines[0] && (() => { try { process.kill(Number(lines[0]), 0); return true; } catch { return false; } })();
  if (alive) url = `postgres://postgres:postgres@127.0.0.1:${lines[3].trim()}/xueshi`;
  else {
    pg = await startPostgres({ dir: path.join(DATA, 'pg'), database: 'xueshi' });
    url = pg.url;
  }
}
let code = 0;
try {
  run('node', [path.join(ROOT, 'server/dist/server/src/modules/credits/verify-cli.js')], { env: { ...process.env, DATABASE_URL: url } });
} catch {
  code = 1;
} finally {
  await pg?.stop();
}
process.exit(code);
