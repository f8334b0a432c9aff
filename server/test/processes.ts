import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../src/database/seed';
import type { Answer, CallOptions, TestApp } from './harness';

const DIST = path.resolve(__dirname, '../dist/server/src');

/** A process killed by a signal keeps exitCode null: look at both. */
const exited = (p: ChildProcess) => p.exitCode !== null || p.signalCode !== null;

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function until(what: string, ok: () => Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => {
      s.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    s.on('error', () => resolve(false));
  });
}

/** A redis-server of the test's own, with AOF fsync on every write, that can be killed and restarted on its data. */
export class RedisProcess {
  proc?: ChildProcess;
  constructor(
    readonly port: number,
    readonly dir: string,
  ) {
    mkdirSync(dir, { recursive: true });
  }
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start() {
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], {
      stdio: 'ignore',
    });
    await until('redis', () => ping(this.port));
  }
  async kill() {
    const p = this.proc;
    if (!p || exited(p)) return;
    await new Promise((r) => {
      p.once('exit', r);
      p.kill('SIGKILL');
    });
  }
}

/** The compiled api or worker as its own process, as production runs them. */
export class NodeProcess {
  proc?: ChildProcess;
  constructor(
    readonly file: 'main' | 'worker',
    readonly env: Record<string, string>,
  ) {}
  async start() {
    this.proc = spawn(process.execPath, [path.join(DIST, `${this.file}.js`)], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (this.file === 'main') {
      await until('api', async () => (await fetch(`http://127.0.0.1:${this.env.PORT}/api/health`)).status > 0);
    }
  }
  /** Stop it with `signal` and wait; answers how it ended (a graceful stop exits with code 0). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<{ code: number | null; signal: NodeJS.Signals | null } | null> {
    const p = this.proc;
    if (!p || exited(p)) return null;
    return new Promise((r) => {
      p.once('exit', (code, sig) => r({ code, signal: sig }));
      p.kill(signal);
    });
  }
}

/**
 * A TestApp over api processes started here (not in the jest process): calls go to `url`, or to
 * another api's URL with `callAt`.
 */
export function processApp(url: string, databaseUrl: string, redisPrefix: string, ds: DataSource): TestApp & { callAt: (base: string, method: string, p: string, o?: CallOptions) => Promise<Answer> } {
  const callAt = async (base: string, method: string, p: string, o: CallOptions = {}) => {
    const headers: Record<string, string> = {};
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + p, { method, headers, body: o.body !== undefined ? JSON.stringify(o.body) : (o.raw as never) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  const app = {
    url, databaseUrl, redisPrefix, ds, callAt,
    call: (method: string, p: string, o: CallOptions = {}) => callAt(url, method, p, o),
    async login(username: string, password = DEMO_PASSWORD) {
      const r = await callAt(url, 'POST', '/api/auth/login', { body: { username, password } });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.accessToken;
    },
  };
  return app as unknown as TestApp & { callAt: typeof callAt };
}
