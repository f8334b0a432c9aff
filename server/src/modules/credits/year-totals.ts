import type { EntityManager } from 'typeorm';

type Query = Pick<EntityManager, 'query'>;

const num = (path: string) => `(l.evidence->>'${path}')::numeric`;
const MONTH = `extract(month from (l.created_at AT TIME ZONE 'UTC') + interval '8 hours')`;

/**
 * The SELECT that sums an official's year from the ledger (official_year_totals' columns):
 * the one definition of every total, used after each append and to rebuild or check the table.
 */
export function yearTotalsSelect(where: string): string {
  const months = Array.from({ length: 12 }, (_, i) => `coalesce(sum(l.hours) FILTER (WHERE ${MONTH} <= ${i + 1}), 0)::real`).join(', ');
  return `
    SELECT l.user_id, l.year,
           coalesce(sum(l.hours), 0) AS hours,
           coalesce(sum(l.hours) FILTER (WHERE l.kind = 'course'), 0) AS online_hours,
           coalesce(sum(l.hours) FILTER (WHERE l.kind = 'class'), 0) AS offline_hours,
           coalesce(sum(${num('offlineDays')}) FILTER (WHERE l.kind = 'class'), 0) AS offline_days,
           coalesce(sum(l.hours) FILTER (WHERE cat.legal), 0) + coalesce(sum(${num('ruleOfLawHours')}) FILTER (WHERE l.kind = 'class'), 0) AS legal_hours,
           coalesce(sum(${num('days')}) FILTER (WHERE l.kind = 'class' AND l.evidence->>'classKind' = 'initial'), 0) AS initial_days,
           coalesce(sum(${num('days')}) FILTER (WHERE l.kind = 'class' AND l.evidence->>'classKind' = 'appointment' AND l.evidence->>'appointmentLevel' = 'section'), 0) AS appointment_section_days,
           coalesce(sum(${num('days')}) FILTER (WHERE l.kind = 'class' AND l.evidence->>'classKind' = 'appointment' AND l.evidence->>'appointmentLevel' = 'division'), 0) AS appointment_division_days,
           min(${num('ruleOfLawHours')}) FILTER (WHERE l.kind = 'class' AND l.evidence->>'classKind' IN ('initial', 'appointment')) AS class_rule_of_law_hours,
           count(*) FILTER (WHERE l.kind = 'class' AND l.evidence->>'assessmentPassed' IN ('true', 'false'))::int AS assessed_classes,
           count(*) FILTER (WHERE l.kind = 'class' AND l.evidence->>'assessmentPassed' = 'false')::int AS failed_assessments,
           ARRAY[${months}] AS cum_hours
      FROM credit_ledger l LEFT JOIN categories cat ON cat.id = l.category_id
     WHERE ${where}
     GROUP BY l.user_id, l.year`;
}

const COLUMNS = `user_id, year, hours, online_hours, offline_hours, offline_days, legal_hours, initial_days, appointment_section_days,
  appointment_division_days, class_rule_of_law_hours, assessed_classes, failed_assessments, cum_hours`;
const UPDATE = COLUMNS.split(',').slice(2).map((c) => `${c.trim()} = EXCLUDED.${c.trim()}`).join(', ');

/** Re-sum one official's year inside the append's transaction (the advisory lock is held). */
export async function refreshYearTotals(m: Query, userId: string, year: number): Promise<void> {
  await m.query(
    `INSERT INTO official_year_totals (${COLUMNS}, updated_at)
     SELECT *, now() FROM (${yearTotalsSelect('l.user_id = $1 AND l.year = $2')}) t
     ON CONFLICT (user_id, year) DO UPDATE SET ${UPDATE}, updated_at = now()`,
    [userId, year],
  );
}

/** Rebuild every official's totals (after a bulk load; the benchmark's generator uses it). */
export async function rebuildYearTotals(m: Query, year?: number): Promise<void> {
  await m.query(
    `INSERT INTO official_year_totals (${COLUMNS}, updated_at)
     SELECT *, now() FROM (${yearTotalsSelect(year ? 'l.year = $1' : 'true')}) t
     ON CONFLICT (user_id, year) DO UPDATE SET ${UPDATE}, updated_at = now()`,
    year ? [year] : [],
  );
}

/** Officials whose stored totals differ from the ledger (ledger:verify reports them). */
export async function staleYearTotals(m: Query): Promise<{ userId: string; year: number }[]> {
  return m.query(
    `SELECT coalesce(t.user_id, s.user_id) AS "userId", coalesce(t.year, s.year) AS year
       FROM (${yearTotalsSelect('true')}) t
       FULL JOIN official_year_totals s ON s.user_id = t.user_id AND s.year = t.year
      WHERE t.user_id IS NULL OR s.user_id IS NULL OR s.hours <> t.hours OR s.legal_hours <> t.legal_hours OR s.offline_days <> t.offline_days
         OR s.initial_days <> t.initial_days OR s.failed_assessments <> t.failed_assessments OR s.cum_hours <> t.cum_hours`,
  );
}
