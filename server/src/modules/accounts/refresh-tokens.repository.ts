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

  async revokeFamily(familyId: string): Promise<void> {
    await this.ds.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
  }

  async revokeAllOfUser(userId: string): Promise<void> {
    await this.ds.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
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
