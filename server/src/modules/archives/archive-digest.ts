import { createHash, randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { entryHash } from '../credits/ledger';
import { rowFields, type LedgerRow } from '../credits/ledger.repository';

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
  const rows: LedgerRow[] = await m.query('SELECT * FROM credit_ledger WHERE user_id = $1 AND year = $2 ORDER BY seq', [userId, year]);
  const h = createHash('sha256').update(`${userId}|${year}`);
  let hours = 0;
  for (const r of rows) {
    hours += Number(r.hours);
    h.update('\n').update(entryHash(r.prev_hash, rowFields(r)));
  }
  return { digest: h.digest('hex'), hours: Math.round(hours * 10) / 10, entries: rows.length };
}
