import type { RedisService } from '../../queue/redis.service';

/**
 * Redis keys of the play-session hot state, all in one place.
 *
 * One server (or Sentinel): `<p>:ps:<session>`, `<p>:active:<user>`, `<p>:ps-dirty`, … as always.
 * Redis Cluster: a Lua script may only touch keys of one hash slot, and the heartbeat script touches
 * a session's keys, its official's keys and the due set together. So an official's keys and the keys
 * of all their sessions carry the hash tag of the official's shard (REDIS_CLUSTER_SHARDS of them),
 * and each shard has its own due set under the same tag: `<p>:{<tag>}:ps:<session>`,
 * `<p>:{<tag>}:active:<user>`, `<p>:{<tag>}:ps-dirty`. The worker claims from every shard's due set.
 * A key that a script or a MULTI touches together with these must be made here, with the same shard.
 */

/** The shard of an official's play state (always 0 on one server). */
export function shardOf(r: RedisService, uid: string | undefined | null): number {
  const n = r.shardTags.length;
  if (n === 1 || !uid) return 0;
  // FNV-1a: stable across processes and releases (the shard of a live session must never move)
  let h = 0x811c9dc5;
  for (let i = 0; i < uid.length; i++) h = Math.imul(h ^ uid.charCodeAt(i), 0x01000193) >>> 0;
  return h % n;
}

/** `<p>` on one server, `<p>:{<tag>}` for a shard under Cluster */
function base(r: RedisService, shard: number): string {
  const tag = r.shardTags[shard];
  return tag === null ? r.prefix : `${r.prefix}:{${tag}}`;
}

/** The due set of one shard: sessions with work for the worker, scored by when it falls due (ms). */
export function dirtyKey(r: RedisService, shard: number): string {
  return `${base(r, shard)}:ps-dirty`;
}

/** Every shard's due set (one on one server). */
export function dirtyKeys(r: RedisService): string[] {
  return r.shardTags.map((_, i) => dirtyKey(r, i));
}

export function sessionKeys(r: RedisService, shard: number, sid: string, uid?: string) {
  const b = base(r, shard);
  return {
    session: `${b}:ps:${sid}`,
    ranges: `${b}:ps:${sid}:r`,
    pendingRanges: `${b}:ps:${sid}:rp`,
    rejected: `${b}:ps:${sid}:j`,
    pendingRejected: `${b}:ps:${sid}:jp`,
    totals: `${b}:ps:${sid}:t`,
    pendingTotals: `${b}:ps:${sid}:tp`,
    segments: `${b}:seg:${sid}`,
    active: uid ? `${b}:active:${uid}` : '',
    clock: uid ? `${b}:uclock:${uid}` : '',
    dirty: dirtyKey(r, shard),
  };
}

/**
 * An official's keys outside any play session, in the official's shard (the heartbeat script reads
 * them): the heartbeat rate-limit bucket, and the marks of signed-out sign-in sessions whose access
 * tokens must fail at once (common/auth/session-revocations.ts).
 */
export function officialKeys(r: RedisService, uid: string, shard = shardOf(r, uid)) {
  const b = base(r, shard);
  return {
    rate: `${b}:hbrl:${uid}`,
    revoked: (signInSession: string) => `${b}:revoked:${signInSession}`,
  };
}
