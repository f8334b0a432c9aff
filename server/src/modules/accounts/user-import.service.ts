import { Injectable } from '@nestjs/common';
import { IMPORT_COLUMNS, ImportReport, ImportRowReport, RANK_LEVEL_LABELS, RANK_LEVELS, RankLevel, Username, StaffNo } from '@xueshi/shared';
import { AppError, Lang } from '../../common/errors';
import type { Principal } from '../../common/request';
import { OrgUnitsRepository } from '../organizations/org-units.repository';
import { orgPathInScope, userScope } from './access-scope';
import { Cell, ImportFileError, readSheet } from './import-file';
import { generateInitialPassword, hashPassword } from './password';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export const MAX_IMPORT_ROWS = 2000;

type Key = (typeof IMPORT_COLUMNS)[number]['key'];
type RowError = { field: string; message: string };

interface ParsedRow {
  row: number;
  name: string | null;
  staffNo: string | null;
  unitCode: string | null;
  username: string | null;
  rankLevel: RankLevel | null;
  position: string | null;
  lawEnforcement: boolean;
  grassroots: boolean;
  civilServiceEntryDate: string | null;
  errors: RowError[];
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return c.trim();
}

function isoDate(c: Cell | undefined): string | null | undefined {
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  const s = text(c);
  if (!s) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return dt.toISOString().slice(0, 10);
}

function rankOf(s: string): RankLevel | null | undefined {
  if (!s) return null;
  if ((RANK_LEVELS as readonly string[]).includes(s)) return s as RankLevel;
  const hit = RANK_LEVELS.find((r) => RANK_LEVEL_LABELS[r].zh === s || RANK_LEVEL_LABELS[r].en.toLowerCase() === s.toLowerCase());
  return hit ?? undefined;
}

@Injectable()
export class UserImportService {
  constructor(
    private readonly users: UsersRepository,
    private readonly units: OrgUnitsRepository,
  ) {}

  async import(p: Principal, file: Buffer, opts: { mode: 'allOrNothing' | 'goodRows'; dryRun: boolean }, lang: Lang): Promise<ImportReport> {
    const m = (zh: string, en: string) => (lang === 'zh' ? zh : en);
    let sheet: Cell[][];
    try {
      sheet = await readSheet(file);
    } catch (e) {
      if (e instanceof ImportFileError) throw new AppError('VALIDATION_FAILED', { zh: e.zh, en: e.en }, 'file');
      throw e;
    }
    const [header = [], ...body] = sheet;
    const colIndex = new Map<Key, number>();
    header.forEach((h, i) => {
      const label = text(h).replace(/[*＊\s]/g, '');
      const col = IMPORT_COLUMNS.find((c) => c.header === label || c.key.toLowerCase() === label.toLowerCase());
      if (col && !colIndex.has(col.key)) colIndex.set(col.key, i);
    });
    const missing = IMPORT_COLUMNS.filter((c) => c.required && !colIndex.has(c.key)).map((c) => c.header);
    if (missing.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        { zh: `表头缺少必需的列：${missing.join('、')}（请使用导入模板）`, en: `Missing required columns: ${missing.join(', ')} (use the template)` },
        'file',
      );
    }
    if (body.length === 0) throw new AppError('VALIDATION_FAILED', { zh: '文件中没有数据行', en: 'The file has no data rows' }, 'file');
    if (body.length > MAX_IMPORT_ROWS) {
      throw new AppError('VALIDATION_FAILED', { zh: `一次最多导入 ${MAX_IMPORT_ROWS} 行`, en: `At most ${MAX_IMPORT_ROWS} rows per file` }, 'file');
    }
    const get = (r: Cell[], k: Key) => (colIndex.has(k) ? r[colIndex.get(k)!] : null);

    // 1. each row on its own
    const rows: ParsedRow[] = body.map((r, i) => {
      const errors: RowError[] = [];
      const need = (k: Key, header: string) => {
        const v = text(get(r, k));
        if (!v) errors.push({ field: k, message: m(`缺少${header}`, `${k} is missing`) });
        return v || null;
      };
      const name = need('name', '姓名');
      if (name && name.length > 50) errors.push({ field: 'name', message: m('姓名过长（最多 50 字）', 'Name too long (max 50)') });
      const staffNo = need('staffNo', '人员编号');
      if (staffNo && !StaffNo.safeParse(staffNo).success) {
        errors.push({ field: 'staffNo', message: m('人员编号只能包含字母、数字和 -（2–32 位）', 'Staff number: 2–32 letters, digits or -') });
      }
      const unitCode = need('unitCode', '单位编码');
      const username = (text(get(r, 'username')) || staffNo || '').toLowerCase() || null;
      if (username && !Username.safeParse(username).success) {
        errors.push({ field: 'username', message: m('用户名只能包含字母、数字、_ . -（3–32 位）', 'Username: 3–32 letters, digits, _ . -') });
      }
      const rank = rankOf(text(get(r, 'rankLevel')));
      if (rank === undefined) errors.push({ field: 'rankLevel', message: m('职级应为：科员级、科级、处级、厅局级', 'Rank must be one of clerk, section, division, bureau') });
      const flag = (k: 'lawEnforcement' | 'grassroots', header: string) => {
        const v = text(get(r, k)).toLowerCase();
        if (YES.has(v)) return true;
        if (!NO.has(v)) errors.push({ field: k, message: m(`${header}应填“是”或“否”`, `${k} must be yes or no`) });
        return false;
      };
      const lawEnforcement = flag('lawEnforcement', '执法岗位');
      const grassroots = flag('grassroots', '双基');
      const date = isoDate(get(r, 'civilServiceEntryDate'));
      if (date === undefined) errors.push({ field: 'civilServiceEntryDate', message: m('入职日期格式应为 YYYY-MM-DD', 'Entry date must be YYYY-MM-DD') });
      const position = text(get(r, 'position')) || null;
      if (position && position.length > 60) errors.push({ field: 'position', message: m('职务过长（最多 60 字）', 'Position too long (max 60)') });
      return {
        row: i + 2,
        name,
        staffNo,
        unitCode,
        username,
        rankLevel: rank ?? null,
        position,
        lawEnforcement,
        grassroots,
        civilServiceEntryDate: date ?? null,
        errors,
      };
    });

    // 2. against each other and the database
    const firstSeen = { staffNo: new Map<string, number>(), username: new Map<string, number>() };
    for (const r of rows) {
      for (const k of ['staffNo', 'username'] as const) {
        const v = r[k];
        if (!v) continue;
        const prev = firstSeen[k].get(v);
        if (prev !== undefined) {
          r.errors.push({ field: k, message: m(`${k === 'staffNo' ? '人员编号' : '用户名'}与第 ${prev} 行重复`, `${k} repeats row ${prev}`) });
        } else firstSeen[k].set(v, r.row);
      }
    }
    const scope = userScope(p);
    const codes = [...new Set(rows.flatMap((r) => (r.unitCode ? [r.unitCode] : [])))];
    const unitByCode = new Map((await this.units.findByCodes(codes)).filter((u) => orgPathInScope(scope, u.path)).map((u) => [u.code, u]));
    const taken = await this.users.existing(
      rows.flatMap((r) => (r.username ? [r.username] : [])),
      rows.flatMap((r) => (r.staffNo ? [r.staffNo] : [])),
    );
    for (const r of rows) {
      if (r.unitCode && !unitByCode.has(r.unitCode)) {
        r.errors.push({ field: 'unitCode', message: m(`单位编码“${r.unitCode}”不存在或不在您的管辖范围内`, `Unknown unit code "${r.unitCode}" in your scope`) });
      }
      if (r.staffNo && taken.staffNos.has(r.staffNo)) r.errors.push({ field: 'staffNo', message: m('人员编号已存在', 'Staff number already exists') });
      if (r.username && taken.usernames.has(r.username)) r.errors.push({ field: 'username', message: m('用户名已存在', 'Username already exists') });
    }

    const good = rows.filter((r) => r.errors.length === 0);
    const rejected = rows.length - good.length;
    const commit = !opts.dryRun && (opts.mode === 'goodRows' || rejected === 0) && good.length > 0;
    const passwords = new Map<number, string>();
    if (commit) {
      const entities: Partial<UserEntity>[] = [];
      for (const r of good) {
        const pw = generateInitialPassword();
        passwords.set(r.row, pw);
        entities.push({
          username: r.username!,
          passwordHash: await hashPassword(pw),
          name: r.name!,
          role: 'official',
          staffNo: r.staffNo,
          orgUnitId: unitByCode.get(r.unitCode!)!.id,
          institutionId: null,
          rankLevel: r.rankLevel,
          position: r.position,
          lawEnforcement: r.lawEnforcement,
          grassroots: r.grassroots,
          civilServiceEntryDate: r.civilServiceEntryDate,
          mustChangePassword: true,
        });
      }
      try {
        // one transaction: a file imports whole or not at all
        await this.users.transaction(async (tx) => {
          for (let i = 0; i < entities.length; i += 500) await this.users.insert(entities.slice(i, i + 500), tx);
        });
      } catch (e) {
        if ((e as { code?: string }).code === '23505') {
          throw new AppError('CONFLICT', { zh: '导入期间有人员编号或用户名被占用，未导入任何数据，请重试', en: 'A staff number or username was taken meanwhile; nothing imported, please retry' }, 'file');
        }
        throw e;
      }
    }
    const report: ImportReport = {
      committed: commit,
      mode: opts.mode,
      dryRun: opts.dryRun,
      total: rows.length,
      imported: commit ? good.length : 0,
      rejected,
      rows: rows.map(
        (r): ImportRowReport => ({
          row: r.row,
          staffNo: r.staffNo,
          name: r.name,
          status: r.errors.length ? 'rejected' : commit ? 'imported' : 'valid',
          errors: r.errors,
          username: r.errors.length ? null : r.username,
          initialPassword: passwords.get(r.row) ?? null,
        }),
      ),
    };
    if (!opts.dryRun && opts.mode === 'allOrNothing' && rejected > 0) {
      throw new AppError(
        'IMPORT_REJECTED',
        { zh: `${rejected} 行有误，未导入任何数据；请修正后重新导入，或选择“仅导入正确的行”`, en: `${rejected} rows have errors; nothing was imported` },
        'file',
        { details: report },
      );
    }
    return report;
  }
}
