import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { entryHash, GENESIS, LedgerFields } from './ledger';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { refreshYearTotals } from './year-totals';

@Injectable()
export class LedgerRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Append to an official's chain inside the caller's transaction. The advisory lock serialises
   * appends per official, so seq and prev_hash never fork.
   */
  async append(m: EntityManager, e: Omit<LedgerFields, 'seq' | 'createdAt'> & { createdAt?: Date }): Promise<LedgerEntryEntity> {
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [e.userId]);
    const [last] = await m.query('SELECT seq, hash FROM credit_ledger WHERE user_id = $1 ORDER BY seq DESC LIMIT 1', [e.userId]);
    // createdAt is now, except for records carried over from an earlier system (the demo's history)
    const fields: LedgerFields = { ...e, seq: (last?.seq ?? 0) + 1, createdAt: new Date(Math.floor((e.createdAt ?? new Date()).getTime() / 1000) * 1000) };
    const prevHash = last?.hash ?? GENESIS;
    const hash = entryHash(prevHash, fields);
    const [row] = await m.query(
      `INSERT INTO credit_ledger (user_id, seq, kind, course_id, class_id, hours, category_id, year, evidence, reason, created_by, created_at, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`,
      [fields.userId, fields.seq, fields.kind, fields.courseId, fields.classId ?? null, fields.hours, fields.categoryId, fields.year, JSON.stringify(fields.evidence),
        fields.reason, fields.createdBy, fields.createdAt, prevHash, hash],
    );
    await refreshYearTotals(m, fields.userId, fields.year);
    return Object.assign(new LedgerEntryEntity(), { id: row.id, ...fields, prevHash, hash });
  }

  entriesOf(userId: string, year?: number): Promise<(LedgerEntryEntity & { courseTitle: string | null })[]> {
    return this.ds.query(
      `SELECT l.id, l.seq, l.kind, l.course_id AS "courseId", coalesce(c.title, tc.title) AS "courseTitle", l.hours::float AS hours, l.category_id AS "categoryId",
              l.year, l.evidence, l.reason, l.created_at AS "createdAt", l.hash
         FROM credit_ledger l LEFT JOIN courses c ON c.id = l.course_id LEFT JOIN training_classes tc ON tc.id = l.class_id
        WHERE l.user_id = $1 AND ($2::int IS NULL OR l.year = $2) ORDER BY l.seq`,
      [userId, year ?? null],
    );
  }
}

/** A credit_ledger row as stored (SELECT *). */
export interface LedgerRow {
  id: string; user_id: string; seq: number; kind: 'course' | 'correction' | 'class'; course_id: string | null; class_id: string | null; hours: string; category_id: string | null;
  year: number; evidence: unknown; reason: string | null; created_by: string | null; created_at: Date; prev_hash: string; hash: string;
}

/** The fields a stored row's hash covers: what verification recomputes the hash from. */
export function rowFields(r: LedgerRow): LedgerFields {
  return {
    userId: r.user_id, seq: r.seq, kind: r.kind, courseId: r.course_id, classId: r.class_id, hours: Number(r.hours), categoryId: r.category_id, year: r.year,
    evidence: r.evidence, reason: r.reason, createdBy: r.created_by, createdAt: new Date(r.created_at),
  };
}

/** Walk every chain; the first entry whose hash or link does not hold, per official. */
export async function verifyLedger(ds: DataSource): Promise<{ checked: number; broken: { userId: string; seq: number; id: string; why: string }[] }> {
  const rows: LedgerRow[] = await ds.query('SELECT * FROM credit_ledger ORDER BY user_id, seq');
  const broken: { userId: string; seq: number; id: string; why: string }[] = [];
  let user = '';
  let prev = GENESIS;
  let expectSeq = 1;
  let skip = false;
  for (const r of rows) {
    if (r.user_id !== user) {
      user = r.user_id;
      prev = GENESIS;
      expectSeq = 1;
      skip = false;
    }
    if (skip) continue;
    const why =
      r.seq !== expectSeq ? `sequence gap: expected ${expectSeq}` :
      r.prev_hash !== prev ? 'link to the previous entry does not match' :
      entryHash(prev, rowFields(r)) !== r.hash ? 'content does not match its hash' : null;
    if (why) {
      broken.push({ userId: r.user_id, seq: r.seq, id: String(r.id), why });
      skip = true;
      continue;
    }
    prev = r.hash;
    expectSeq++;
  }
  return { checked: rows.length, broken };
}
