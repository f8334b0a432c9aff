import { Inject, Injectable, Logger } from '@nestjs/common';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { DataSource, EntityManager } from 'typeorm';
import { RedisService } from '../../queue/redis.service';
import { CourseCompletion } from '../credits/course-completion';
import { SEGMENT_SECONDS } from '../media/ffmpeg';
import { PolicyService } from '../policy/policy.service';
import { ACK_LUA, CLAIM_FIELDS, CLAIM_LUA } from './heartbeat.lua';
import { Interval, measure, playedAndFetched, toMultirange, union } from './intervals';
import { dirtyKey, sessionKeys } from './keys';

interface Claimed {
  sid: string;
  shard: number;
  seq: number;
  uid: string;
  lessonId: string;
  courseId: string;
  verified: number;
  covered: Interval[];
  uncounted: Record<string, number>;
  accepted: number;
  rejected: { seq: number; reason: string; at: number }[];
  endedAt: Date | null;
  endReason: string | null;
}

const BATCH = 500;
const ENDED_TTL_S = 86400;
/** how long a claimed session is left to its worker before another may claim it again */
const CLAIM_LEASE_MS = 10_000;

/**
 * 学时结算: turns accepted beats into per-lesson coverage and verified seconds, and credits a
 * course once all its lessons meet the rule. Exactly once on at-least-once delivery (I5): each
 * session's batch carries a flush number; PostgreSQL applies it only if newer than the last one
 * applied; Redis forgets the batch only after the commit. A worker killed in between hands the
 * same batch, with the same number, to the next run, which PostgreSQL then ignores.
 */
@Injectable()
export class CreditFlushProcessor {
  private readonly log = new Logger('credit-flush');
  constructor(
    private readonly redis: RedisService,
    private readonly ds: DataSource,
    private readonly completion: CourseCompletion,
    private readonly policy: PolicyService,
    @Inject(ENV) private readonly env: Env,
  ) {
    this.redis.client.defineCommand('xsClaim', { numberOfKeys: 8, lua: CLAIM_LUA });
    this.redis.client.defineCommand('xsAck', { numberOfKeys: 8, lua: ACK_LUA });
  }

  /**
   * Drain the due sessions in batches, two stages deep: while one batch is written to PostgreSQL
   * the next is claimed from Redis (never the same sessions: a claim moves them a lease ahead).
   * Under Redis Cluster a batch takes its share from every shard's due set (see keys.ts).
   */
  async process(): Promise<{ sessions: number; beats: number }> {
    let sessions = 0;
    let beats = 0;
    const shards = this.redis.shardTags.map((_, i) => i);
    const share = Math.ceil(BATCH / shards.length);
    const take = async () => {
      // the sessions whose work is due: live ones a flush delay after their first unflushed beat, ended ones at once
      const now = Date.now();
      const due = await Promise.all(shards.map((s) => this.redis.client.zrangebyscore(dirtyKey(this.redis, s), '-inf', now, 'LIMIT', 0, share)));
      const batch = (await Promise.all(due.map((sids, s) => (sids.length ? this.claim(s, sids) : [])))).flat();
      // a shard that filled its share may have more
      return { found: due.some((d) => d.length > 0), more: due.some((d) => d.length === share), batch };
    };
    const none = Promise.resolve({ found: false, more: false, batch: [] as Claimed[] });
    let next = take();
    try {
      for (let round = 0; round < 80; round++) {
        const cur = await next;
        if (!cur.found) break;
        next = cur.more ? take() : none;
        if (cur.batch.length) await this.write(cur.batch);
        await this.ack(cur.batch);
        sessions += cur.batch.length;
        beats += cur.batch.reduce((n, b) => n + b.accepted + b.rejected.length, 0);
      }
    } finally {
      // a batch claimed but not written stays pending in Redis, with its number, for the next run
      await next.catch(() => undefined);
    }
    return { sessions, beats };
  }

  /** Claim due sessions of one shard: one pipeline (under Cluster all its keys share the shard's slot). */
  private async claim(shard: number, sids: string[]): Promise<Claimed[]> {
    const now = String(Date.now());
    const pipe = this.redis.client.pipeline();
    for (const sid of sids) {
      const k = sessionKeys(this.redis, shard, sid);
      (pipe as unknown as { xsClaim(...a: string[]): void }).xsClaim(k.session, k.ranges, k.pendingRanges, k.rejected, k.pendingRejected, k.dirty, k.totals, k.pendingTotals, sid, now, String(CLAIM_LEASE_MS));
      pipe.getBuffer(k.segments);
    }
    const res = (await pipe.exec()) ?? [];
    const out: Claimed[] = [];
    sids.forEach((sid, i) => {
      const [err, val] = res[2 * i];
      const bitmap = res[2 * i + 1][1] as Buffer | null;
      if (err || !val) return;
      const [fields, totals, ranges, rejected] = val as [(string | null)[], string[], string[], string[]];
      const h: Record<string, string | undefined> = {};
      CLAIM_FIELDS.forEach((f, j) => (h[f] = fields[j] ?? undefined));
      for (let j = 0; j < totals.length; j += 2) h[`p_${totals[j]}`] = totals[j + 1];
      const dur = Number(h.dur);
      const played: Interval[] = ranges.map((r) => r.split(':').map(Number) as Interval);
      // I2: only what the session really fetched counts
      // (a document: its file fetched at all, bit 0)
      const covered = h.doc === '1' ? (bitmap?.some((b) => b !== 0) ? union(played) : []) : playedAndFetched(played, bitmap, SEGMENT_SECONDS, dur);
      const mPlayed = measure(played);
      const acc = Number(h.p_acc_v ?? 0);
      const verified = mPlayed > 0 ? acc * (measure(covered) / mPlayed) : 0;
      const uncounted: Record<string, number> = {};
      for (const [k, v] of Object.entries(h)) if (k.startsWith('p_nc_')) uncounted[k.slice(5)] = Number(v);
      if (acc - verified > 0.05) uncounted.not_fetched = (uncounted.not_fetched ?? 0) + (acc - verified);
      out.push({
        sid,
        shard,
        seq: Number(h.pend_seq),
        uid: h.uid!,
        lessonId: h.lid!,
        courseId: h.cid!,
        verified: Math.round(verified * 10) / 10,
        covered,
        uncounted,
        accepted: Number(h.p_acc_n ?? 0),
        rejected: rejected.map((j) => JSON.parse(j)),
        endedAt: h.ended === '1' && h.ended_at ? new Date(Number(h.ended_at)) : null,
        endReason: h.ended === '1' ? (h.end_reason ?? 'ended') : null,
      });
    });
    return out;
  }

  private async write(batch: Claimed[]) {
    const pol = await this.policy.forYear();
    await this.ds.transaction(async (m) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, count]
      const [changed]: [{ user_id: string; lesson_id: string; course_id: string }[], number] = await m.query(
        `UPDATE play_sessions p SET
            verified_seconds = p.verified_seconds + v.va,
            covered = p.covered + v.cov,
            uncounted = coalesce((SELECT jsonb_object_agg(k, coalesce((p.uncounted->>k)::numeric, 0) + coalesce((v.nc->>k)::numeric, 0))
                                   FROM (SELECT jsonb_object_keys(p.uncounted) UNION SELECT jsonb_object_keys(v.nc)) AS keys(k)), '{}'::jsonb),
            flush_seq = v.seq,
            beats_accepted = p.beats_accepted + v.na,
            beats_rejected = p.beats_rejected + v.nr,
            ended_at = coalesce(p.ended_at, v.ended_at),
            end_reason = coalesce(p.end_reason, v.end_reason)
          FROM unnest($1::uuid[], $2::int[], $3::numeric[], $4::nummultirange[], $5::jsonb[], $6::int[], $7::int[], $8::timestamptz[], $9::text[])
               AS v(id, seq, va, cov, nc, na, nr, ended_at, end_reason)
         WHERE p.id = v.id AND p.flush_seq < v.seq
        RETURNING p.user_id, p.lesson_id, p.course_id`,
        [
          batch.map((b) => b.sid), batch.map((b) => b.seq), batch.map((b) => b.verified), batch.map((b) => toMultirange(b.covered)),
          batch.map((b) => JSON.stringify(b.uncounted)), batch.map((b) => b.accepted), batch.map((b) => b.rejected.length),
          batch.map((b) => b.endedAt), batch.map((b) => b.endReason),
        ],
      );
      const rej = batch.flatMap((b) => b.rejected.map((r) => ({ ...r, sid: b.sid, uid: b.uid })));
      if (rej.length) {
        await m.query(
          `INSERT INTO heartbeat_rejections (session_id, user_id, seq, reason, at)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::timestamptz[]) ON CONFLICT DO NOTHING`,
          [rej.map((r) => r.sid), rej.map((r) => r.uid), rej.map((r) => r.seq), rej.map((r) => r.reason), rej.map((r) => new Date(r.at))],
        );
      }
      if (changed.length) await this.progress(m, changed, pol.completionCoverage, pol.completionVerifiedRatio);
    });
  }

  /** Recompute the touched lessons' progress from all their sessions, mark completions, credit courses. */
  private async progress(m: EntityManager, changed: { user_id: string; lesson_id: string }[], coverageRatio: number, verifiedRatio: number) {
    const users = changed.map((c) => c.user_id);
    const lessons = changed.map((c) => c.lesson_id);
    // Another worker (or this one's next batch) may be flushing other sessions of the same official
    // and lesson: the recount below must see their committed rows, so it waits for them per
    // official, in one order (no deadlock), and then reads with a fresh snapshot.
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended(u::text, 11)) FROM (SELECT DISTINCT u FROM unnest($1::uuid[]) u ORDER BY u) s', [users]);
    await m.query(
      `WITH agg AS (
         SELECT s.user_id, s.lesson_id, min(s.course_id::text)::uuid AS course_id, range_agg(s.covered) AS coverage, sum(s.verified_seconds) AS verified
           FROM play_sessions s
           JOIN (SELECT DISTINCT * FROM unnest($1::uuid[], $2::uuid[]) AS t(u, l)) t ON t.u = s.user_id AND t.l = s.lesson_id
          GROUP BY s.user_id, s.lesson_id)
       INSERT INTO lesson_progress (user_id, lesson_id, course_id, coverage, covered_seconds, verified_seconds, updated_at)
       SELECT user_id, lesson_id, course_id, coverage, (SELECT coalesce(sum(upper(r) - lower(r)), 0) FROM unnest(coverage) r), verified, now() FROM agg
       ON CONFLICT (user_id, lesson_id) DO UPDATE SET coverage = EXCLUDED.coverage, covered_seconds = EXCLUDED.covered_seconds,
              verified_seconds = EXCLUDED.verified_seconds, updated_at = now()`,
      [users, lessons],
    );
    const [completed]: [{ user_id: string; course_id: string }[], number] = await m.query(
      `UPDATE lesson_progress lp SET completed_at = now()
         FROM lessons l JOIN media_assets a ON a.id = l.asset_id
        WHERE l.id = lp.lesson_id AND lp.completed_at IS NULL
          AND (lp.user_id, lp.lesson_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
          AND lp.covered_seconds >= $3 * a.duration_seconds AND lp.verified_seconds >= $4 * a.duration_seconds
       RETURNING lp.user_id, lp.course_id`,
      [users, lessons, coverageRatio, verifiedRatio],
    );
    const seen = new Set<string>();
    for (const c of completed) {
      const key = `${c.user_id}/${c.course_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await this.completion.tryCredit(m, c.user_id, c.course_id);
    }
  }

  private async ack(batch: Claimed[]) {
    if (!batch.length) return;
    // one pipeline per shard (one slot each under Cluster; a single one on one server)
    const pipes = new Map<number, ReturnType<RedisService['client']['pipeline']>>();
    for (const b of batch) {
      let pipe = pipes.get(b.shard);
      if (!pipe) pipes.set(b.shard, (pipe = this.redis.client.pipeline()));
      const k = sessionKeys(this.redis, b.shard, b.sid);
      (pipe as unknown as { xsAck(...a: (string | number)[]): void }).xsAck(
        k.session, k.pendingRanges, k.pendingRejected, k.dirty, k.ranges, k.rejected, k.totals, k.pendingTotals, b.sid, b.seq, ENDED_TTL_S, Date.now(), this.env.HEARTBEAT_FLUSH_DELAY_MS,
      );
    }
    await Promise.all([...pipes.values()].map((p) => p.exec()));
  }
}
