import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Reader, replicaReader } from '../../database/read-replica';

/** The sessions a search looks at: started in [from, to), of officials under the path prefix (null: everyone). */
export interface SessionWindow {
  from: Date;
  to: Date;
  /** org_units.path prefix; null: every official */
  pathPrefix: string | null;
  /** flags per kind, newest first */
  limit: number;
}

/** At most this many sessions are shown as the evidence of one flag, and this many accounts listed. */
export const EVIDENCE_LIMIT = 50;
export const USERS_LIMIT = 500;

export interface IdenticalTimingRow { lessonId: string; startedAt: Date; endedAt: Date; users: string[]; sessions: string[]; firstSeen: Date }
export interface SharedAddressRow { ip: string; day: string; accounts: number; sessionCount: number; users: string[]; sessions: string[]; firstSeen: Date }
export interface RoundTheClockRow { userId: string; day: string; hours: number; longestSeconds: number | null; sessions: string[]; firstSeen: Date }
export interface ExactPacingRow {
  userId: string;
  n: number;
  hits: { id: string; beats: number | null; reason: string | null; wall: number | null }[];
  sessionCount: number;
  firstSeen: Date;
}
export interface EvidenceSession {
  id: string; userId: string; userName: string; lessonTitle: string | null; startedAt: Date; endedAt: Date | null; ip: string | null; verifiedSeconds: number;
}

/**
 * The window's sessions, as a CTE: bounded by the started_at range and the scope. $1 from, $2 to,
 * $3 path prefix. The users join decides the scope (org_units.path, collation "C": a range scan).
 */
const SESSIONS = `
  s AS (
    SELECT ps.id, ps.user_id, ps.lesson_id, ps.started_at, ps.ended_at, ps.ip, ps.verified_seconds
      FROM play_sessions ps
      JOIN users u ON u.id = ps.user_id
      LEFT JOIN org_units ou ON ou.id = u.org_unit_id
     WHERE ps.started_at >= $1 AND ps.started_at < $2 AND ($3::text IS NULL OR ou.path LIKE $3 || '%')
  )`;

/**
 * 异常提示: patterns in play sessions for a supervisor to judge. Only reads, all of them from a read
 * replica when there is one (the list may be seconds behind); nothing here penalises anyone.
 */
@Injectable()
export class AnomaliesRepository {
  private readonly db: Reader;

  constructor(ds: DataSource) {
    this.db = replicaReader(ds);
  }

  private run<T>(w: SessionWindow, sql: string): Promise<T[]> {
    return this.db.query(sql, [w.from, w.to, w.pathPrefix, w.limit]);
  }

  /** Sessions of two or more officials on one lesson that started and ended in the same second. */
  identicalTiming(w: SessionWindow): Promise<IdenticalTimingRow[]> {
    return this.run(w, `
      WITH ${SESSIONS}
      SELECT s.lesson_id AS "lessonId", date_trunc('second', s.started_at) AS "startedAt", date_trunc('second', s.ended_at) AS "endedAt",
             (array_agg(DISTINCT s.user_id::text))[1:${USERS_LIMIT}] AS users,
             (array_agg(s.id::text ORDER BY s.user_id, s.id))[1:${EVIDENCE_LIMIT}] AS sessions, min(s.started_at) AS "firstSeen"
        FROM s
       WHERE s.ended_at IS NOT NULL
       GROUP BY 1, 2, 3
      HAVING count(DISTINCT s.user_id) >= 2
       ORDER BY 2 DESC, 1
       LIMIT $4`);
  }

  /** One address with sessions of three or more accounts on one China-time day. */
  sharedAddress(w: SessionWindow): Promise<SharedAddressRow[]> {
    return this.run(w, `
      WITH ${SESSIONS},
      d AS (
        SELECT s.*, to_char(s.started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
               row_number() OVER (PARTITION BY s.ip, (s.started_at AT TIME ZONE 'Asia/Shanghai')::date, s.user_id ORDER BY s.started_at) AS nth
          FROM s WHERE s.ip IS NOT NULL
      )
      SELECT d.ip, d.day, count(DISTINCT d.user_id)::int AS accounts, count(*)::int AS "sessionCount",
             (array_agg(DISTINCT d.user_id::text))[1:${USERS_LIMIT}] AS users,
             -- each account's first session before anyone's second
             (array_agg(d.id::text ORDER BY d.nth, d.started_at))[1:${EVIDENCE_LIMIT}] AS sessions, min(d.started_at) AS "firstSeen"
        FROM d
       GROUP BY 1, 2
      HAVING count(DISTINCT d.user_id) >= 3
       ORDER BY 2 DESC, 3 DESC, 1
       LIMIT $4`);
  }

  /**
   * An official with playback in 18 or more distinct hours of one China-time day, or a single
   * session longer than 12 hours (counted on the day it started). A session counts in every hour
   * from its start to its end (at most 48 hours); one still open counts in the hour it started.
   */
  roundTheClock(w: SessionWindow): Promise<RoundTheClockRow[]> {
    return this.run(w, `
      WITH ${SESSIONS},
      h AS (
        SELECT s.id, s.user_id, s.started_at, g.h,
               extract(epoch FROM coalesce(s.ended_at, s.started_at) - s.started_at)::float AS secs,
               g.h = date_trunc('hour', s.started_at AT TIME ZONE 'Asia/Shanghai') AS first_hour
          FROM s,
               generate_series(date_trunc('hour', s.started_at AT TIME ZONE 'Asia/Shanghai'),
                               date_trunc('hour', least(coalesce(s.ended_at, s.started_at), s.started_at + interval '48 hours') AT TIME ZONE 'Asia/Shanghai'),
                               interval '1 hour') AS g(h)
      )
      SELECT h.user_id::text AS "userId", to_char(h.h, 'YYYY-MM-DD') AS day, count(DISTINCT h.h)::int AS hours,
             max(h.secs) FILTER (WHERE h.first_hour) AS "longestSeconds",
             (array_agg(DISTINCT h.id::text))[1:${EVIDENCE_LIMIT}] AS sessions, min(h.started_at) AS "firstSeen"
        FROM h
       GROUP BY 1, 2
      HAVING count(DISTINCT h.h) >= 18 OR coalesce(max(h.secs) FILTER (WHERE h.first_hour), 0) > 12 * 3600
       ORDER BY 2 DESC, 1
       LIMIT $4`);
  }

  /**
   * Exact N× pacing, per official and N: sessions with heartbeats rejected at an exact integer rate
   * of 2 or more (heartbeat_rejections.detail.rate), and closed sessions of at least 5 minutes whose
   * verified seconds are exactly N × the wall-clock seconds (to 0.05 s) — what a script that claims
   * the most the server allows produces; real playback loses a little to loading and buffering.
   */
  exactPacing(w: SessionWindow): Promise<ExactPacingRow[]> {
    return this.run(w, `
      WITH ${SESSIONS},
      r AS (
        SELECT r.session_id AS id, (r.detail->>'rate')::numeric AS n, count(*)::int AS beats, min(r.reason) AS reason
          FROM heartbeat_rejections r JOIN s ON s.id = r.session_id
         WHERE r.detail->>'rate' ~ '^[0-9]+(\\.0+)?$' AND (r.detail->>'rate')::numeric >= 2
         GROUP BY 1, 2
      ),
      v AS (
        SELECT x.id, round(x.verified_seconds / x.w) AS n, x.w
          FROM (SELECT s.id, s.verified_seconds, extract(epoch FROM s.ended_at - s.started_at) AS w FROM s WHERE s.ended_at IS NOT NULL) x
         WHERE x.w >= 300 AND x.verified_seconds > 0 AND round(x.verified_seconds / x.w) >= 1
           AND abs(x.verified_seconds - round(x.verified_seconds / x.w) * x.w) < 0.05
      ),
      hit AS (
        SELECT id, n, beats, reason, NULL::numeric AS w FROM r
        UNION ALL
        SELECT id, n, NULL, NULL, w FROM v
      )
      SELECT s.user_id::text AS "userId", hit.n::float AS n, count(DISTINCT hit.id)::int AS "sessionCount",
             to_json((array_agg(json_build_object('id', hit.id, 'beats', hit.beats, 'reason', hit.reason, 'wall', hit.w::float) ORDER BY s.started_at DESC))[1:${EVIDENCE_LIMIT}]) AS hits,
             min(s.started_at) AS "firstSeen"
        FROM hit JOIN s ON s.id = hit.id
       GROUP BY 1, 2
       ORDER BY max(s.started_at) DESC, 1
       LIMIT $4`);
  }

  async sessions(ids: string[]): Promise<EvidenceSession[]> {
    if (!ids.length) return [];
    return this.db.query(
      `SELECT ps.id, ps.user_id AS "userId", u.name AS "userName", l.title AS "lessonTitle", ps.started_at AS "startedAt", ps.ended_at AS "endedAt",
              ps.ip, ps.verified_seconds::float AS "verifiedSeconds"
         FROM play_sessions ps JOIN users u ON u.id = ps.user_id LEFT JOIN lessons l ON l.id = ps.lesson_id
        WHERE ps.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async users(ids: string[]): Promise<{ id: string; name: string; unitName: string | null }[]> {
    if (!ids.length) return [];
    return this.db.query(
      `SELECT u.id, u.name, ou.name AS "unitName" FROM users u LEFT JOIN org_units ou ON ou.id = u.org_unit_id WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async lessonTitles(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; title: string }[] = await this.db.query('SELECT id, title FROM lessons WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.title]));
  }
}
