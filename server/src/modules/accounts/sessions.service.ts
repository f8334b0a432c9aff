import { Injectable } from '@nestjs/common';
import type { SessionList } from '@xueshi/shared';
import { SessionRevocations } from '../../common/auth/session-revocations';
import type { Principal } from '../../common/request';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/**
 * 登录设备: a user's signed-in sessions (refresh-token families). Ending one revokes its refresh
 * token in PostgreSQL and marks it in Redis, so that its access token fails at once on every api
 * replica instead of living until it expires.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly revocations: SessionRevocations,
  ) {}

  async list(p: Principal): Promise<SessionList> {
    const rows = await this.refreshTokens.liveSessions(p.userId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        current: r.id === p.sessionId,
        signedInAt: new Date(r.signedInAt).toISOString(),
        lastActiveAt: new Date(r.lastActiveAt).toISOString(),
        expiresAt: new Date(r.expiresAt).toISOString(),
        ip: r.ip,
        userAgent: r.userAgent,
      })),
    };
  }

  /**
   * End sessions of a user: all of them, `only` one, or all `except` one. `keepAccess` names a
   * session whose refresh token is revoked but whose access token may finish its short life (a
   * password change hands that session a new pair at once). Answers how many were live and whether
   * any session matched at all.
   */
  async end(userId: string, opts: { only?: string; except?: string | null; keepAccess?: string | null } = {}): Promise<{ revoked: number; found: boolean }> {
    const r = await this.refreshTokens.revokeSessions(userId, this.revocations.ttlSeconds, opts);
    await this.revocations.revoke(userId, r.families.filter((f) => f !== opts.keepAccess));
    return { revoked: r.live, found: r.families.length > 0 };
  }
}
