import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, TestApp } from './harness';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe('GET /api/health', () => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('reports db, redis and worker up when all run', async () => {
    t = await startTestApp({ worker: true, seed: false });
    const r = await t.call('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', db: 'up', redis: 'up', worker: 'up' });
  });

  it('reports the worker down when no worker process runs', async () => {
    t = await startTestApp({ worker: false, seed: false });
    const r = await t.call('GET', '/api/health');
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ status: 'degraded', db: 'up', redis: 'up', worker: 'down' });
  });

  it('says redis is down within seconds after Redis stops, instead of hanging', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-redis-'));
    const port = await freePort();
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50; i++) {
        const ok = await new Promise<boolean>((res) => {
          const s = net.connect(port, '127.0.0.1', () => (s.end(), res(true)));
          s.on('error', () => res(false));
        });
        if (ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      t = await startTestApp({ seed: false, env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
      expect((await t.call('GET', '/api/health')).body.redis).toBe('up');
      await new Promise<void>((res) => {
        redis.once('exit', () => res());
        redis.kill('SIGKILL');
      });
      // Each probe has a 1.5 s budget; a hanging probe would run into this test's 15 s timeout.
      const r = await t.call('GET', '/api/health');
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ status: 'degraded', db: 'up', redis: 'down' });
    } finally {
      redis.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 15_000);
});
