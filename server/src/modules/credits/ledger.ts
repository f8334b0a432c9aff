import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export interface LedgerFields {
  userId: string;
  seq: number;
  kind: 'course' | 'correction' | 'class';
  courseId: string | null;
  /** a class entry's class (absent from the hash when null, so older entries keep their hashes) */
  classId?: string | null;
  hours: number;
  categoryId: string | null;
  year: number;
  evidence: unknown;
  reason: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** JSON with keys sorted at every level: the same entry always hashes the same. */
export function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v as object)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

/** I7: each entry's hash covers its content and the previous entry's hash. */
export function entryHash(prevHash: string, e: LedgerFields): string {
  const body = canonical({
    userId: e.userId,
    seq: e.seq,
    kind: e.kind,
    courseId: e.courseId,
    ...(e.classId ? { classId: e.classId } : {}),
    hours: Number(e.hours).toFixed(1),
    categoryId: e.categoryId,
    year: e.year,
    evidence: e.evidence,
    reason: e.reason,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
  });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}
