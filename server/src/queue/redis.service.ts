import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';

/**
 * A Redis connection as configured: REDIS_URL (one server), or, with REDIS_SENTINELS, the master
 * that Sentinel names REDIS_SENTINEL_NAME (password and database still from REDIS_URL). ioredis
 * follows a fail-over by itself.
 */
export function connectRedis(env: Pick<Env, 'REDIS_URL' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME'>, opts: RedisOptions = {}): Redis {
  if (!env.REDIS_SENTINELS) return new Redis(env.REDIS_URL, opts);
  const u = new URL(env.REDIS_URL);
  const sentinels = env.REDIS_SENTINELS.split(',').map((hp) => {
    const [host, port] = hp.trim().split(':');
    return { host, port: Number(port || 26379) };
  });
  return new Redis({
    sentinels,
    name: env.REDIS_SENTINEL_NAME,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    db: Number(u.pathname.slice(1) || 0),
    ...opts,
  });
}

/** Redis connections: one shared client for commands, one that never queues (health), and BullMQ's. */
@Injectable()
export class RedisService implements OnModuleDestroy {
  readonly client: Redis;
  /** fails at once when Redis is away instead of queueing: for health checks */
  readonly probe: Redis;
  private readonly extra: Redis[] = [];

  constructor(@Inject(ENV) private readonly env: Env) {
    this.client = connectRedis(env, { maxRetriesPerRequest: 3, lazyConnect: false });
    this.probe = connectRedis(env, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: (n) => Math.min(n * 200, 1000),
    });
    // Errors surface through the commands that fail; an idle reconnect loop must not crash the process.
    this.client.on('error', () => {});
    this.probe.on('error', () => {});
  }

  get prefix(): string {
    return this.env.REDIS_PREFIX;
  }

  key(...parts: string[]): string {
    return [this.env.REDIS_PREFIX, ...parts].join(':');
  }

  /** A dedicated connection, as BullMQ workers need (blocking commands). */
  connection(opts: RedisOptions = {}): Redis {
    const c = connectRedis(this.env, { maxRetriesPerRequest: null, ...opts });
    c.on('error', () => {});
    this.extra.push(c);
    return c;
  }

  async onModuleDestroy() {
    // quit() waits for a reply: only ask a connection that can give one
    await Promise.allSettled(
      [this.client, this.probe, ...this.extra].map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c.disconnect())),
    );
  }
}
