import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../../common/request';
import { RedisService } from '../../queue/redis.service';
import { QueueBoardRepository } from './queue-board.repository';

export const BOARD_PATH = '/api/admin/queues';
export const BOARD_COOKIE = 'xs_board';
const TICKET_TTL_S = 60;
export const BOARD_SESSION_TTL_S = 15 * 60;

interface Holder {
  uid: string;
  sid: string | null;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Access to the job-queue dashboard (bull-board), a browser page that cannot send our bearer token:
 * a system admin asks (with the bearer token) for a one-time ticket valid 60 s; opening its link
 * trades it for a board session of 15 min in an HttpOnly, SameSite=Strict cookie limited to the
 * board's path. Tickets and board sessions are kept in Redis (any api replica can serve the board)
 * under their SHA-256 only; every board request re-checks the admin and their sign-in.
 */
@Injectable()
export class QueueBoardService {
  constructor(
    private readonly redis: RedisService,
    private readonly repo: QueueBoardRepository,
  ) {}

  async ticket(p: Principal): Promise<{ url: string; expiresAt: string }> {
    const ticket = randomBytes(32).toString('base64url');
    const holder: Holder = { uid: p.userId, sid: p.sessionId ?? null };
    await this.redis.client.set(this.redis.key('qb-ticket', hash(ticket)), JSON.stringify(holder), 'EX', TICKET_TTL_S);
    return { url: `${BOARD_PATH}/enter?ticket=${ticket}`, expiresAt: new Date(Date.now() + TICKET_TTL_S * 1000).toISOString() };
  }

  /** Trade a ticket for a board session, once: the session's cookie value, or null. */
  async redeem(ticket: string): Promise<string | null> {
    const raw = await this.redis.client.getdel(this.redis.key('qb-ticket', hash(ticket)));
    if (!raw) return null;
    const holder = JSON.parse(raw) as Holder;
    if (!(await this.repo.stillSysAdmin(holder.uid, holder.sid))) return null;
    const id = randomBytes(32).toString('base64url');
    await this.redis.client.set(this.redis.key('qb-session', hash(id)), raw, 'EX', BOARD_SESSION_TTL_S);
    return id;
  }

  /** The board session behind a cookie: 'none' (unknown or expired), 'denied' (no longer a signed-in sys admin), or its holder. */
  async check(cookie: string | undefined): Promise<'none' | 'denied' | Holder> {
    if (!cookie) return 'none';
    const raw = await this.redis.client.get(this.redis.key('qb-session', hash(cookie)));
    if (!raw) return 'none';
    const holder = JSON.parse(raw) as Holder;
    return (await this.repo.stillSysAdmin(holder.uid, holder.sid)) ? holder : 'denied';
  }

  audit(holder: Holder, ip: string | null, status: number, method: string, url: string): Promise<void> {
    return this.repo.audit(holder.uid, ip, status, { method, url: url.slice(0, 300) });
  }
}
