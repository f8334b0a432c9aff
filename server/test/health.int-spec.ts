import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, TestApp } from './harness';
import { freePort, RedisProcess } from './processes';

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
    const redis = new RedisProcess(await freePort(), dir);
    await redis.start();
    try {
      t = await startTestApp({ seed: false, env: { REDIS_URL: redis.url } });
      expect((await t.call('GET', '/api/health')).body.redis).toBe('up');
      await redis.kill();
      // Each probe has a 1.5 s budget; a hanging probe would run into this test's 15 s timeout.
      const r = await t.call('GET', '/api/health');
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ status: 'degraded', db: 'up', redis: 'down' });
    } finally {
      await redis.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 15_000);
});
