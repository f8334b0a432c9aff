import { createHash, randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { entryHash } from '../credits/ledger';

/** No 0/O, 1/I/L: a code read aloud or typed from paper stays unambiguous. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newVerificationCode(): string {
  const c = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;
}

/**
 * The fingerprint of an official's year in the ledger: every entry of the year, each hashed
 * again from its content (not from the stored hash), in order. An archive records it when
 * issued; an entry changed, removed or added since gives another fingerprint.
 */
export async function ledgerDigest(m: Pick<EntityManager, 'query'>, userId: string, year: number): Promise<{ digest: string; hours: number; entries: number }> {
  const rows: {
    user_id: string; seq: number; kind: 'course' | 'correction' | 'class'; course_id: string | null; class_id: string | null; hours: string; category_id: string | null;
    year: number; evidence: unknown; reason: string | null; created_by: string | null; created_at: Date; prev_hash: string;
  }[] = await m.query('SELECT * FROM credit_ledger WHERE user_id = $1 AND year = $2 ORDER BY seq', [userId, year]);
  const h = createHash('sha256').update(`${userId}|${year}`);
  let hours = 0;
  for (const r of rows) {
    hours += Number(r.hours);
    h.update('\n').update(entryHash(r.prev_hash, {
      userId: r.user_id, seq: r.seq, kind: r.kind, courseId: r.course_id, classId: r.class_id, hours: Number(r.hours), categoryId: r.category_id,
      year: r.year, evidence: r.evidence, reason: r.reason, createdBy: r.created_by, createdAt: new Date(r.created_at),
    }));
  }
  return { digest: h.digest('hex'), hours: Math.round(hours * 10) / 10, entries: rows.length };
}
