import { Injectable } from '@nestjs/common';
import type { ComplianceListQuery, ComplianceRow, Dashboard, DashboardQuery, OfficialCompliance, PolicySettings, RemindersRequest } from '@xueshi/shared';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AppError } from '../../common/errors';
import type { Principal } from '../../common/request';
import { type Reader, replicaReader } from '../../database/read-replica';
import { returned } from '../../database/returned';
import { chinaYear, PolicyService } from '../policy/policy.service';
import { elapsedShare, evaluateYear, type YearFacts } from './compliance-rules';

type Out<T extends z.ZodType> = z.output<T>;
const r1 = (n: number) => Math.round(n * 10) / 10;
const NOT_IN_SCOPE = { zh: '学员不存在或不在您的管辖范围内', en: 'No such official within your scope' };

/** Which officials an admin answers for: an org subtree, an institution's trainees, or everyone. */
interface Scope {
  /** SQL condition on `u` (users) and `ou` (their org unit), with its parameters from $3 on */
  where: string;
  args: unknown[];
  /** the node the dashboard groups under (its children), or null to group by the officials' own units */
  node: { id: string | null; name: string; path: string } | null;
}

/**
 * Yearly compliance (P1–P8) read from the pre-aggregated totals: one official, a subtree's
 * list and its dashboard aggregates. The SQL `met` and the per-official rules are the same
 * rules (a test holds them together). The dashboard, the list and its export read from a read
 * replica when there is one (seconds old); one official's compliance reads the primary.
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly ds: DataSource,
    private readonly policy: PolicyService,
  ) {}

  /** The caller's scope, narrowed to a node of it when one is asked for (404 outside it). */
  async scope(p: Principal, orgUnitId?: string, db: Reader = this.ds): Promise<Scope> {
    if (p.role === 'institution_admin') {
      if (!p.institutionId) throw new AppError('FORBIDDEN', NOT_IN_SCOPE);
      const base = `u.id IN (SELECT cm.user_id FROM class_members cm JOIN training_classes tc ON tc.id = cm.class_id WHERE tc.institution_id = $3)`;
      if (!orgUnitId) return { where: base, args: [p.institutionId], node: null };
      const [n] = await db.query('SELECT id, name, path FROM org_units WHERE id = $1', [orgUnitId]);
      if (!n) throw new AppError('NOT_FOUND', { zh: '单位不存在', en: 'No such unit' }, 'orgUnitId');
      return { where: `${base} AND ou.path LIKE $4 || '%'`, args: [p.institutionId, n.path], node: n };
    }
    let root: { id: string | null; name: string; path: string };
    if (p.role === 'org_admin') {
      if (!p.orgPath) throw new AppError('FORBIDDEN', NOT_IN_SCOPE);
      const [n] = await db.query('SELECT id, name, path FROM org_units WHERE path = $1', [p.orgPath]);
      root = n;
    } else if (p.role === 'sys_admin') {
      root = { id: null, name: '全部', path: '/' };
    } else {
      throw new AppError('FORBIDDEN', NOT_IN_SCOPE);
    }
    if (orgUnitId) {
      const [n] = await db.query('SELECT id, name, path FROM org_units WHERE id = $1', [orgUnitId]);
      if (!n || !n.path.startsWith(root.path)) throw new AppError('NOT_FOUND', { zh: '单位不存在或不在您的管辖范围内', en: 'No such unit within your scope' }, 'orgUnitId');
      root = n;
    }
    return { where: `ou.path LIKE $3 || '%'`, args: [root.path], node: root };
  }

  /** The SQL of the rules on the totals `t` (NULL when no credit) for the year $1, policy values inlined as numbers. */
  private metSql(policy: PolicySettings): { hours: string; met: string; p1: string } {
    const n = (v: number) => Number(v).toString();
    const hours = 'coalesce(t.hours, 0)';
    const p1 = `(${hours} >= ${n(policy.yearlyHours)} OR ${hours} >= ${n(policy.yearlyDays * policy.hoursPerDay)})`;
    const met = `(${p1}
      AND (NOT u.law_enforcement OR coalesce(t.legal_hours, 0) >= ${n(policy.legalHoursLawEnforcement)})
      AND (NOT u.grassroots OR coalesce(t.offline_days, 0) >= ${n(policy.grassrootsDays)})
      AND (u.civil_service_entry_date IS NULL OR extract(year from u.civil_service_entry_date) <> $1 OR coalesce(t.initial_days, 0) >= ${n(policy.initialDays)})
      AND (u.appointment_date IS NULL OR extract(year from u.appointment_date) <> $1
           OR (u.rank_level = 'section' AND coalesce(t.appointment_section_days, 0) >= ${n(policy.appointmentDaysSection)})
           OR (u.rank_level = 'division' AND coalesce(t.appointment_division_days, 0) >= ${n(policy.appointmentDaysDivision)})
           OR u.rank_level NOT IN ('section', 'division') OR u.rank_level IS NULL))`;
    return { hours, met, p1 };
  }

  private async facts(userId: string, year: number) {
    const [row] = await this.ds.query(
      `SELECT u.id, u.name, u.staff_no, u.role, u.law_enforcement, u.grassroots, u.rank_level, u.position,
              to_char(u.civil_service_entry_date, 'YYYY-MM-DD') AS entry, to_char(u.appointment_date, 'YYYY-MM-DD') AS appointed,
              ou.name AS unit_name, ou.path, t.*
         FROM users u LEFT JOIN org_units ou ON ou.id = u.org_unit_id
         LEFT JOIN official_year_totals t ON t.user_id = u.id AND t.year = $2
        WHERE u.id = $1`,
      [userId, year],
    );
    return row;
  }

  async forOfficial(userId: string, year: number, now = new Date()): Promise<OfficialCompliance> {
    const row = await this.facts(userId, year);
    const policy = await this.policy.forYear(year);
    const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
    const f: YearFacts = {
      hours: num(row.hours), legalHours: num(row.legal_hours), offlineDays: num(row.offline_days), initialDays: num(row.initial_days),
      appointmentSectionDays: num(row.appointment_section_days), appointmentDivisionDays: num(row.appointment_division_days),
      classRuleOfLawHours: row.class_rule_of_law_hours === null || row.class_rule_of_law_hours === undefined ? null : Number(row.class_rule_of_law_hours),
      failedAssessments: num(row.failed_assessments), assessedClasses: num(row.assessed_classes),
      lawEnforcement: row.law_enforcement, grassroots: row.grassroots, rankLevel: row.rank_level, civilServiceEntryDate: row.entry, appointmentDate: row.appointed,
    };
    const byCategory = await this.ds.query(
      `SELECT l.category_id AS "categoryId", coalesce(c.name_zh, CASE l.kind WHEN 'class' THEN '脱产培训' ELSE '其他' END) AS zh,
              coalesce(c.name_en, CASE l.kind WHEN 'class' THEN 'Off-the-job training' ELSE 'Other' END) AS en, sum(l.hours)::float AS hours
         FROM credit_ledger l LEFT JOIN categories c ON c.id = l.category_id
        WHERE l.user_id = $1 AND l.year = $2
        GROUP BY l.category_id, c.name_zh, c.name_en, c.sort, CASE l.kind WHEN 'class' THEN '脱产培训' ELSE '其他' END,
                 CASE l.kind WHEN 'class' THEN 'Off-the-job training' ELSE 'Other' END
        ORDER BY c.sort NULLS LAST, zh`,
      [userId, year],
    );
    const ev = evaluateYear(f, policy, year, now);
    return {
      userId, name: row.name, staffNo: row.staff_no, unitName: row.unit_name, year,
      totals: {
        hours: r1(f.hours), onlineHours: r1(num(row.online_hours)), offlineHours: r1(num(row.offline_hours)), offlineDays: r1(f.offlineDays), legalHours: r1(f.legalHours),
        byCategory: byCategory.map((c: { hours: number }) => ({ ...c, hours: r1(c.hours) })),
      },
      ...ev,
    };
  }

  /** An official the admin answers for (404 otherwise). */
  async checkInScope(p: Principal, userId: string): Promise<void> {
    const s = await this.scope(p);
    const [ok] = await this.ds.query(
      `SELECT 1 FROM users u LEFT JOIN org_units ou ON ou.id = u.org_unit_id WHERE u.id = $2 AND u.role = 'official' AND $1::int IS NOT NULL AND ${s.where}`,
      [0, userId, ...s.args],
    );
    if (!ok) throw new AppError('NOT_FOUND', NOT_IN_SCOPE);
  }

  async official(p: Principal, userId: string, year = chinaYear()): Promise<OfficialCompliance> {
    await this.checkInScope(p, userId);
    return this.forOfficial(userId, year);
  }

  private listWhere(q: Partial<Out<typeof ComplianceListQuery>>, sql: ReturnType<ComplianceService['metSql']>, projected: string, required: number, args: unknown[]) {
    const conds: string[] = [];
    if (q.status === 'met') conds.push(sql.met);
    if (q.status === 'behind') conds.push(`NOT ${sql.met}`);
    if (q.status === 'at_risk') conds.push(`NOT ${sql.p1} AND ${projected} IS NOT NULL AND ${projected} < ${required}`);
    if (q.q) {
      args.push(`%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      conds.push(`(u.name ILIKE $${args.length} OR u.staff_no ILIKE $${args.length} OR u.username ILIKE $${args.length})`);
    }
    if (q.lawEnforcement) conds.push(q.lawEnforcement === 'true' ? 'u.law_enforcement' : 'NOT u.law_enforcement');
    if (q.grassroots) conds.push(q.grassroots === 'true' ? 'u.grassroots' : 'NOT u.grassroots');
    return conds.length ? ` AND ${conds.join(' AND ')}` : '';
  }

  /** The list (one page, or every row for the export), with the total: from a replica unless `db` says otherwise. */
  async list(p: Principal, q: Out<typeof ComplianceListQuery>, all = false, now = new Date(), db: Reader = replicaReader(this.ds)) {
    const year = q.year ?? chinaYear(now);
    const policy = await this.policy.forYear(year);
    const s = await this.scope(p, q.orgUnitId, db);
    const sql = this.metSql(policy);
    const share = elapsedShare(year, now);
    const projected = share > 0 && share < 1 ? `round(${sql.hours} / ${Math.max(share, 1 / 12)}, 1)` : 'NULL::numeric';
    const required = Math.min(policy.yearlyHours, policy.yearlyDays * policy.hoursPerDay);
    const args: unknown[] = [year, 0, ...s.args];
    const extra = this.listWhere(q, sql, projected, required, args);
    const from = `FROM users u JOIN org_units ou ON ou.id = u.org_unit_id LEFT JOIN official_year_totals t ON t.user_id = u.id AND t.year = $1
      WHERE u.role = 'official' AND NOT u.disabled AND $2::int IS NOT NULL AND ${s.where}${extra}`;
    const [{ n }] = await db.query(`SELECT count(*)::int AS n ${from}`, args);
    const page = all ? '' : ` LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
    const rows = await db.query(
      `SELECT u.id AS "userId", u.name, u.staff_no AS "staffNo", ou.name AS "unitName", ${sql.hours}::float AS hours,
              coalesce(t.legal_hours, 0)::float AS "legalHours", coalesce(t.offline_days, 0)::float AS "offlineDays",
              u.law_enforcement AS "lawEnforcement", u.grassroots, ${sql.met} AS met,
              greatest(0, ${required} - ${sql.hours})::float AS "shortfallHours", ${projected}::float AS "projectedHours",
              (NOT ${sql.p1} AND ${projected} IS NOT NULL AND ${projected} < ${required}) AS "atRisk"
         ${from} ORDER BY ${sql.hours}, u.name, u.id${page}`,
      args,
    );
    return { items: rows.map((r: ComplianceRow) => ({ ...r, shortfallHours: r1(r.shortfallHours), atRisk: !!r.atRisk })) as ComplianceRow[], total: n, page: q.page, pageSize: q.pageSize, year };
  }

  /** The dashboard's aggregates, from a replica. */
  async dashboard(p: Principal, q: Out<typeof DashboardQuery>, now = new Date()): Promise<Dashboard> {
    const db = replicaReader(this.ds);
    const year = q.year ?? chinaYear(now);
    const policy = await this.policy.forYear(year);
    const s = await this.scope(p, q.orgUnitId, db);
    const sql = this.metSql(policy);
    const share = elapsedShare(year, now);
    const required = Math.min(policy.yearlyHours, policy.yearlyDays * policy.hoursPerDay);
    const projected = share > 0 && share < 1 ? `(${sql.hours} / ${Math.max(share, 1 / 12)})` : 'NULL::numeric';
    const atRisk = `(NOT ${sql.p1} AND ${projected} IS NOT NULL AND ${projected} < ${required})`;
    const args: unknown[] = [year, 0, ...s.args];
    const from = `FROM users u JOIN org_units ou ON ou.id = u.org_unit_id LEFT JOIN official_year_totals t ON t.user_id = u.id AND t.year = $1
       WHERE u.role = 'official' AND NOT u.disabled AND $2::int IS NOT NULL AND ${s.where}`;
    const STEP = 15;
    // two scans at once: counts by (unit, hours bucket), folded below into the totals, units and
    // distribution; and the trend from the cumulative month columns (plain floats)
    const trendCols = Array.from({ length: 12 }, (_, i) => `avg(coalesce(t.cum_hours[${i + 1}], 0))::float AS a${i + 1}, count(*) FILTER (WHERE t.cum_hours[${i + 1}] >= ${required})::int AS m${i + 1}`).join(', ');
    const [cells, [trendRow]] = await Promise.all([
      db.query(
        `SELECT ou.id AS unit, least(floor(${sql.hours} / ${STEP}), 8)::int AS bucket, count(*)::int AS n, count(*) FILTER (WHERE ${sql.met})::int AS meeting,
                count(*) FILTER (WHERE ${atRisk})::int AS at_risk, sum(${sql.hours})::float AS hours
           ${from} GROUP BY 1, 2`,
        args,
      ) as Promise<{ unit: string; bucket: number; n: number; meeting: number; at_risk: number; hours: number }[]>,
      db.query(`SELECT ${trendCols} ${from}`, args),
    ]);
    // each unit to the child of the scope's node it lies under (or itself, for an institution's trainees)
    const unitIds = [...new Set(cells.map((c) => c.unit))];
    const units: { id: string; name: string; path: string }[] = unitIds.length ? await db.query('SELECT id, name, path FROM org_units WHERE id = ANY($1)', [unitIds]) : [];
    const childOf = new Map<string, string>();
    for (const u of units) {
      const child = s.node ? u.path.slice(s.node.path.length).split('/')[0] || (s.node.id ?? u.id) : u.id;
      childOf.set(u.id, child);
    }
    const childIds = [...new Set(childOf.values())];
    const names = new Map<string, string>(
      (childIds.length ? await db.query('SELECT id, name FROM org_units WHERE id = ANY($1)', [childIds]) : []).map((r: { id: string; name: string }) => [r.id, r.name]),
    );
    const groups = new Map<string, { officials: number; meeting: number; atRisk: number; hours: number }>();
    const buckets = new Array(9).fill(0);
    const all = { officials: 0, meeting: 0, atRisk: 0, hours: 0 };
    for (const c of cells) {
      const g = childOf.get(c.unit)!;
      const acc = groups.get(g) ?? { officials: 0, meeting: 0, atRisk: 0, hours: 0 };
      for (const a of [acc, all]) {
        a.officials += c.n;
        a.meeting += c.meeting;
        a.atRisk += c.at_risk;
        a.hours += c.hours;
      }
      groups.set(g, acc);
      buckets[c.bucket] += c.n;
    }
    const byUnit = [...groups.entries()]
      .map(([id, g]) => ({ id, name: names.get(id) ?? '', officials: g.officials, meeting: g.meeting, atRisk: g.atRisk, averageHours: r1(g.officials ? g.hours / g.officials : 0) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    return {
      year, scope: { id: s.node?.id ?? null, name: s.node?.name ?? (await this.institutionName(p, db)) }, requiredHours: required,
      officials: all.officials, meeting: all.meeting, atRisk: all.atRisk, averageHours: r1(all.officials ? all.hours / all.officials : 0),
      byUnit,
      distribution: buckets.map((count, i) => ({ from: i * STEP, to: i === 8 ? null : (i + 1) * STEP, count })),
      trend: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, averageHours: r1(trendRow[`a${i + 1}`] ?? 0), meeting: trendRow[`m${i + 1}`] ?? 0 })),
      elapsedShare: Math.round(share * 1000) / 1000,
    };
  }

  private async institutionName(p: Principal, db: Reader): Promise<string> {
    const [i] = p.institutionId ? await db.query('SELECT name FROM institutions WHERE id = $1', [p.institutionId]) : [];
    return i?.name ?? '';
  }

  /** In-app reminders: each official projected to miss the year, and the org admins above them (one a month each). */
  /**
   * The worker's daily look (JobName.SendReminders): from April to the year's end, everyone projected
   * short is reminded once a month; a reminder already sent this month is left as it is (read or not).
   */
  async scheduledReminders(now = new Date()) {
    const share = elapsedShare(chinaYear(now), now);
    if (share < 0.25 || share >= 1) return { officials: 0, admins: 0, skipped: 'early in the year' };
    const system: Principal = { userId: '00000000-0000-0000-0000-000000000000', role: 'sys_admin', orgUnitId: null, orgPath: null, institutionId: null, mustChangePassword: false };
    return this.remind(system, {}, now, { refresh: false });
  }

  async remind(p: Principal, body: Out<typeof RemindersRequest>, now = new Date(), opts: { refresh: boolean } = { refresh: true }) {
    const year = body.year ?? chinaYear(now);
    if (year !== chinaYear(now)) throw new AppError('VALIDATION_FAILED', { zh: '只能就本年度发送提醒', en: 'Reminders are for the current year only' }, 'year');
    // it writes: its candidates come from the primary, not a replica
    const { items } = await this.list(p, { year, orgUnitId: body.orgUnitId, status: 'at_risk', page: 1, pageSize: 200 }, true, now, this.ds);
    if (!items.length) return { officials: 0, admins: 0 };
    const month = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
    // an admin's press refreshes this month's reminder (unread again); the daily job leaves it
    const onConflict = opts.refresh ? 'DO UPDATE SET zh = EXCLUDED.zh, en = EXCLUDED.en, created_at = now(), read_at = NULL' : 'DO NOTHING';
    const policy = await this.policy.forYear(year);
    return this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO notifications (user_id, kind, dedupe_key, zh, en, link)
         SELECT x.id, 'reminder', $2, format('按目前进度，您 %s 年度预计只能完成 %s 学时，低于 %s 学时的要求，请抓紧学习。', $3::int, x.projected, $4::text),
                format('At your pace you will reach %s of the %s hours required in %s. Please catch up.', x.projected, $4::text, $3::int), '/my/compliance'
           FROM unnest($1::uuid[], $5::numeric[]) x(id, projected)
         ON CONFLICT (user_id, dedupe_key) ${onConflict}`,
        [items.map((i) => i.userId), `reminder:${month}`, year, String(policy.yearlyHours), items.map((i) => i.projectedHours ?? 0)],
      );
      // the admins of the deepest org node above each official
      const admins: { id: string; n: number }[] = await m.query(
        `WITH o AS (SELECT u.id, ou.path FROM users u JOIN org_units ou ON ou.id = u.org_unit_id WHERE u.id = ANY($1)),
              a AS (SELECT DISTINCT ON (o.id) o.id AS official, au.org_unit_id
                      FROM o JOIN org_units an ON o.path LIKE an.path || '%' JOIN users au ON au.org_unit_id = an.id AND au.role = 'org_admin' AND NOT au.disabled
                     ORDER BY o.id, an.depth DESC)
         SELECT au.id, count(DISTINCT a.official)::int AS n FROM a JOIN users au ON au.org_unit_id = a.org_unit_id AND au.role = 'org_admin' AND NOT au.disabled GROUP BY au.id`,
        [items.map((i) => i.userId)],
      );
      if (admins.length) {
        await m.query(
          `INSERT INTO notifications (user_id, kind, dedupe_key, zh, en, link)
           SELECT x.id, 'reminder_admin', $2, format('您管辖范围内有 %s 名学员按目前进度预计完不成 %s 年度学时要求。', x.n, $3::int),
                  format('%s officials in your scope are projected to miss the %s requirement.', x.n, $3::int), '/compliance'
             FROM unnest($1::uuid[], $4::int[]) x(id, n)
           ON CONFLICT (user_id, dedupe_key) ${onConflict}`,
          [admins.map((a) => a.id), `reminder-admin:${month}`, year, admins.map((a) => a.n)],
        );
      }
      return { officials: items.length, admins: admins.length };
    });
  }

  async notifications(userId: string) {
    const items = await this.ds.query(
      `SELECT id, kind, zh, en, link, created_at AS "createdAt", read_at AS "readAt" FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 50`,
      [userId],
    );
    const [{ n }] = await this.ds.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return {
      items: items.map((r: { createdAt: Date; readAt: Date | null }) => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), readAt: r.readAt ? new Date(r.readAt).toISOString() : null })),
      unread: n,
    };
  }

  async read(userId: string, id: string) {
    const rows = returned(await this.ds.query('UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id', [id, userId]));
    if (!rows.length) throw new AppError('NOT_FOUND', { zh: '通知不存在', en: 'No such notification' });
    return this.notifications(userId);
  }
}
