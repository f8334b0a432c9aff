import { Injectable } from '@nestjs/common';
import { RedisService } from '../../queue/redis.service';

/** Cluster-wide counters in one Redis hash: any process adds, any api reports. Never fails the caller. */
@Injectable()
export class SharedCounters {
  constructor(private readonly redis: RedisService) {}

  async add(counts: Record<string, number>): Promise<void> {
    const entries = Object.entries(counts).filter(([, n]) => n > 0);
    if (!entries.length) return;
    const pipe = this.redis.client.pipeline();
    for (const [k, n] of entries) pipe.hincrby(this.redis.key('metrics'), k, n);
    await pipe.exec().catch(() => undefined);
  }

  async all(): Promise<Record<string, number>> {
    const h = await this.redis.client.hgetall(this.redis.key('metrics'));
    return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Number(v)]));
  }
}
