import { Injectable } from '@nestjs/common';
import type { HealthResponse } from '@xueshi/shared';
import { DataSource } from 'typeorm';
import { RedisService } from '../../queue/redis.service';
import { WORKER_BEATS_KEY, WORKER_STALE_MS } from '../../queue/queues';

const PROBE_TIMEOUT_MS = 1500;

/** Resolve to the value, or to the fallback after the timeout: a probe must never hang. */
function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(fallback), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      () => {
        clearTimeout(t);
        resolve(fallback);
      },
    );
  });
}

@Injectable()
export class HealthService {
  private readonly started = Date.now();
  constructor(
    private readonly ds: DataSource,
    private readonly redis: RedisService,
  ) {}

  async check(): Promise<HealthResponse> {
    const [db, redis, worker] = await Promise.all([
      within(this.ds.query('SELECT 1').then(() => 'up' as const), PROBE_TIMEOUT_MS, 'down' as const),
      within(this.redis.probe.ping().then((r) => (r === 'PONG' ? ('up' as const) : ('down' as const))), PROBE_TIMEOUT_MS, 'down' as const),
      within(
        this.redis.probe
          .zcount(this.redis.key(WORKER_BEATS_KEY), Date.now() - WORKER_STALE_MS, '+inf')
          .then((n) => (n > 0 ? ('up' as const) : ('down' as const))),
        PROBE_TIMEOUT_MS,
        'down' as const,
      ),
    ]);
    return {
      status: db === 'up' && redis === 'up' && worker === 'up' ? 'ok' : 'degraded',
      db,
      redis,
      worker,
      version: process.env.npm_package_version ?? '0.1.0',
      uptimeSeconds: Math.round((Date.now() - this.started) / 1000),
    };
  }
}
