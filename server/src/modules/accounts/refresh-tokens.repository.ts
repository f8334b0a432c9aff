import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(t: Omit<RefreshTokenEntity, 'id' | 'createdAt' | 'user' | 'revokedAt'>): Promise<void> {
    await this.ds.getRepository(RefreshTokenEntity).insert({ ...t, revokedAt: null });
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.ds.getRepository(RefreshTokenEntity).findOne({ where: { tokenHash } });
  }

  /** Revoke one token if it is still live; true when this call revoked it (so two racing refreshes cannot both win). */
  async claim(id: string): Promise<boolean> {
    const [, affected] = await this.ds.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()',
      [id],
    );
    return affected === 1;
  }

  /** The user's live sessions: each family's one live token (rotation leaves one), newest first. */
  liveSessions(userId: string): Promise<{ id: string; signedInAt: Date; lastActiveAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null }[]> {
    return this.ds.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (t.family_id) t.family_id AS id, t.created_at AS "lastActiveAt", t.expires_at AS "expiresAt", t.created_ip AS ip,
                t.user_agent AS "userAgent", (SELECT min(f.created_at) FROM refresh_tokens f WHERE f.family_id = t.family_id) AS "signedInAt"
           FROM refresh_tokens t
          WHERE t.user_id = $1 AND t.revoked_at IS NULL AND t.expires_at > now()
          ORDER BY t.family_id, t.created_at DESC) s
        ORDER BY "lastActiveAt" DESC LIMIT 200`,
      [userId],
    );
  }

  /**
   * Revoke sessions of a user (all, one, or all but one) and name every family that may still hold
   * an unexpired access token: the live ones, and those with a token issued within `recentSeconds`
   * (an access token outlives the refresh token revoked by a logout or a rotation).
   */
  async revokeSessions(
    userId: string,
    recentSeconds: number,
    opts: { only?: string; except?: string | null } = {},
  ): Promise<{ families: string[]; live: number }> {
    const rows: { family_id: string; live: boolean }[] = await this.ds.query(
      `SELECT family_id, bool_or(revoked_at IS NULL AND expires_at > now()) AS live
         FROM refresh_tokens
        WHERE user_id = $1 AND ($2::uuid IS NULL OR family_id = $2::uuid) AND ($3::uuid IS NULL OR family_id <> $3::uuid)
          AND ((revoked_at IS NULL AND expires_at > now()) OR created_at > now() - make_interval(secs => $4))
        GROUP BY family_id`,
      [userId, opts.only ?? null, opts.except ?? null, recentSeconds],
    );
    const families = rows.map((r) => r.family_id);
    if (families.length) {
      await this.ds.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND family_id = ANY($2::uuid[])', [userId, families]);
    }
    return { families, live: rows.filter((r) => r.live).length };
  }

  /** Delete tokens that expired or were revoked more than `days` ago. */
  async purge(days: number): Promise<number> {
    const [, affected] = await this.ds.query(
      `DELETE FROM refresh_tokens WHERE expires_at < now() - make_interval(days => $1)
         OR revoked_at < now() - make_interval(days => $1)`,
      [days],
    );
    return affected as number;
  }
}
