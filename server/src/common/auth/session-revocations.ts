import { Inject, Injectable } from '@nestjs/common';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { officialKeys } from '../../modules/playback/keys';
import { RedisService } from '../../queue/redis.service';

/**
 * Revoked sign-in sessions (refresh-token families) whose access tokens may still be unexpired: one
 * Redis key per session, kept as long as such a token can live, in its user's shard (the heartbeat
 * script checks it in the same call). Every api replica reads the same keys, so a revocation holds
 * everywhere at once. The refresh tokens themselves are revoked in PostgreSQL.
 */
@Injectable()
export class SessionRevocations {
  constructor(
    private readonly redis: RedisService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  key(userId: string, sessionId: string): string {
    return officialKeys(this.redis, userId).revoked(sessionId);
  }

  /** seconds an access token issued just now may live, with a margin for clock skew */
  get ttlSeconds(): number {
    return this.env.ACCESS_TOKEN_TTL_SECONDS + 60;
  }

  async revoke(userId: string, sessionIds: readonly string[]): Promise<void> {
    if (!sessionIds.length) return;
    const p = this.redis.client.pipeline();
    for (const id of sessionIds) p.set(this.key(userId, id), '1', 'EX', this.ttlSeconds);
    const failed = (await p.exec())?.find(([e]) => e);
    if (failed) throw failed[0];
  }

  async isRevoked(userId: string, sessionId: string): Promise<boolean> {
    return (await this.redis.client.exists(this.key(userId, sessionId))) === 1;
  }
}
