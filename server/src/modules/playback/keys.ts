import type { RedisService } from '../../queue/redis.service';

/** Redis keys of the play-session hot state, all in one place. */
export function sessionKeys(r: RedisService, sid: string, uid?: string) {
  return {
    session: r.key('ps', sid),
    ranges: r.key('ps', sid, 'r'),
    pendingRanges: r.key('ps', sid, 'rp'),
    rejected: r.key('ps', sid, 'j'),
    pendingRejected: r.key('ps', sid, 'jp'),
    totals: r.key('ps', sid, 't'),
    pendingTotals: r.key('ps', sid, 'tp'),
    segments: r.key('seg', sid),
    active: uid ? r.key('active', uid) : '',
    clock: uid ? r.key('uclock', uid) : '',
    dirty: r.key('ps-dirty'),
  };
}
