import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class QueueBoardRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Is this still an enabled system admin, signed in through a live session (a refresh-token family
   * with a token neither revoked nor expired)? A sign-out or a forced sign-out ends the board too.
   */
  async stillSysAdmin(userId: string, sessionId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `SELECT 1 FROM users u
        WHERE u.id = $1 AND u.role = 'sys_admin' AND NOT u.disabled
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.user_id = u.id AND r.revoked_at IS NULL AND r.expires_at > now()))`,
      [userId, sessionId],
    );
    return rows.length > 0;
  }

  /** The board's changes (retry, clean, pause …) go into the audit log like every other admin action. */
  async audit(userId: string, ip: string | null, status: number, details: { method: string; url: string }): Promise<void> {
    await this.ds.query('INSERT INTO audit_log (actor_id, actor_role, action, target_id, ip, status, details) VALUES ($1, $2, $3, NULL, $4, $5, $6)', [
      userId, 'sys_admin', 'queueBoard', ip, status, JSON.stringify(details),
    ]);
  }
}
