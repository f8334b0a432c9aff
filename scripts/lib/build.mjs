// Build the workspace parts whose sources are newer than their last build.
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { ROOT, run, say } from './services.mjs';

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of readdirSync(p, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    t = Math.max(t, newest(path.join(p, e.name)));
  }
  return t;
}

const PARTS = [
  { ws: '@xueshi/shared', inputs: ['shared/src', 'shared/tsconfig.json'], out: 'shared/dist/index.js' },
  { ws: '@xueshi/server', inputs: ['shared/src', 'server/src', 'server/tsconfig.json', 'migrations'], out: 'server/dist/server/src/main.js' },
  { ws: '@xueshi/client', inputs: ['shared/src', 'client/src', 'client/index.html', 'client/public', 'client/vite.config.ts'], out: 'client/dist/index.html' },
];

export function buildIfStale({ force = false, only } = {}) {
  for (const part of PARTS) {
    if (only && !only.includes(part.ws)) continue;
    const out = path.join(ROOT, part.out);
    const src = Math.max(...part.inputs.map((d) => newest(path.join(ROOT, d))));
    if (!force && existsSync(out) && statSync(out).mtimeMs >= src) continue;
    say(`building ${part.ws} …`);
    run('npm', ['run', 'build', '--silent', '-w', part.ws]);
    // tsc keeps an unchanged output's old mtime: stamp the build
    const now = new Date();
    if (existsSync(out)) utimesSync(out, now, now);
  }
}
