import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { RedisService } from '../src/queue/redis.service';
import { startTestApp, TestApp } from './harness';
import { waitFor } from './media-fixtures';
import { freePort, RedisProcess } from './processes';

/**
 * Redis through Sentinel by configuration only (REDIS_SENTINELS): a real redis-server and a real
 * sentinel (redis-server --sentinel); the api and the worker find the master through it.
 */
describe('Redis Sentinel by configuration', () => {
  let dir: string;
  let master: RedisProcess;
  let sentinel: ChildProcess;
  let t: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-sentinel-'));
    master = new RedisProcess(await freePort(), path.join(dir, 'master'));
    await master.start();
    const sport = await freePort();
    const conf = path.join(dir, 'sentinel.conf');
    writeFileSync(conf, `port ${sport}\nbind 127.0.0.1\nsentinel monitor xsmaster 127.0.0.1 ${master.port} 1\nsentinel down-after-milliseconds xsmaster 2000\n`);
    sentinel = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' });
    await waitFor('sentinel', async () => {
      const r = new Redis({ port: sport, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await r.connect();
        return (await r.call('SENTINEL', 'get-master-addr-by-name', 'xsmaster')) !== null;
      } catch {
        return false;
      } finally {
        r.disconnect();
      }
    }, 20_000);
    // REDIS_URL points nowhere useful: the master must come from the sentinel
    t = await startTestApp({ worker: true, env: { REDIS_URL: 'redis://127.0.0.1:1', REDIS_SENTINELS: `127.0.0.1:${sport}`, REDIS_SENTINEL_NAME: 'xsmaster' } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    sentinel?.kill('SIGKILL');
    await master?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the api and the worker use the master the sentinel names', async () => {
    const redis = t.app.get(RedisService);
    await redis.client.set(redis.key('sentinel-probe'), 'ok');
    const direct = new Redis(master.url);
    try {
      expect(await direct.get(`${redis.prefix}:sentinel-probe`)).toBe('ok');
    } finally {
      direct.disconnect();
    }
    // the worker checks in through the same configuration: health sees it
    const health = await waitFor('worker up', async () => {
      const h = await t.call('GET', '/api/health');
      return h.body.worker === 'up' && h.body;
    }, 20_000);
    expect(health).toMatchObject({ status: 'ok', db: 'up', redis: 'up' });
    // and sign-in (which keeps its attempt counters in Redis) works
    expect(await t.login('official')).toBeTruthy();
  });
});
