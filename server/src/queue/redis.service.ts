import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';

/** Redis connections: one shared client for commands, one that never queues (health), and BullMQ's. */
@Injectable()
export class RedisService implements OnModuleDestroy {
  readonly client: Redis;
  /** fails at once when Redis is away instead of queueing: for health checks */
  readonly probe: Redis;
  private readonly extra: Redis[] = [];

  constructor(@Inject(ENV) private readonly env: Env) {
    this.client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3, lazyConnect: false });
    this.probe = new Redis(env.REDIS_URL, {
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
    const c = new Redis(this.env.REDIS_URL, { maxRetriesPerRequest: null, ...opts });
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
