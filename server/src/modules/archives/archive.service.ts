import { Inject, Injectable } from '@nestjs/common';
import { ArchiveView, CLASS_KIND_LABELS, RANK_LEVEL_LABELS, VerifyResult } from '@xueshi/shared';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { AppError } from '../../common/errors';
import type { Principal } from '../../common/request';
import { ComplianceService } from '../compliance/compliance.service';
import { chinaYear } from '../policy/policy.service';
import { ledgerDigest, newVerificationCode } from './archive-digest';
import { archiveHtml } from './archive-html';
import { PdfRenderer } from './pdf-renderer';

const iso = (d: Date | string) => new Date(d).toISOString();

/** 培训档案 (P7, P8): an official's year, issued with a code anyone can verify against the ledger. */
@Injectable()
export class ArchiveService {
  constructor(
    private readonly ds: DataSource,
    private readonly compliance: ComplianceService,
    private readonly pdf: PdfRenderer,
    @Inject(ENV) private readonly env: Env,
  ) {}

  private async check(p: Principal, userId: string, year: number) {
    if (year > chinaYear()) throw new AppError('VALIDATION_FAILED', { zh: '年度尚未开始', en: 'That year has not begun' }, 'year');
    if (p.role === 'official') {
      if (p.userId !== userId) throw new AppError('NOT_FOUND', { zh: '档案不存在', en: 'No such archive' });
    } else {
      await this.compliance.checkInScope(p, userId);
    }
  }

  /** Build the archive and issue it: a new code, with the ledger's fingerprint as of now. */
  async issue(p: Principal, userId: string, year: number, origin: string): Promise<ArchiveView> {
    await this.check(p, userId, year);
    const [u] = await this.ds.query(
      `SELECT u.name, u.staff_no, u.position, u.rank_level, ou.name AS unit_name FROM users u LEFT JOIN org_units ou ON ou.id = u.org_unit_id WHERE u.id = $1`,
      [userId],
    );
    const compliance = await this.compliance.forOfficial(userId, year);
    const courses = await this.ds.query(
      `SELECT coalesce(c.title, CASE l.kind WHEN 'correction' THEN '学时更正' ELSE '' END) AS title, cat.name_zh AS category, l.hours::float AS hours,
              l.created_at AS "creditedAt", l.kind, l.reason
         FROM credit_ledger l LEFT JOIN courses c ON c.id = l.course_id LEFT JOIN categories cat ON cat.id = l.category_id
        WHERE l.user_id = $1 AND l.year = $2 AND l.kind IN ('course', 'correction') ORDER BY l.seq`,
      [userId, year],
    );
    const classes = await this.ds.query(
      `SELECT tc.title, tc.kind, to_char(tc.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(tc.ends_on, 'YYYY-MM-DD') AS "endsOn", i.name AS institution,
              r.attended_days::float AS "attendedDays", l.hours::float AS hours, r.assessment_total::float AS "assessmentTotal",
              r.assessment_passed AS "assessmentPassed", r.completed
         FROM credit_ledger l JOIN training_classes tc ON tc.id = l.class_id JOIN institutions i ON i.id = tc.institution_id
         JOIN class_results r ON r.class_id = l.class_id AND r.user_id = l.user_id
        WHERE l.user_id = $1 AND l.year = $2 AND l.kind = 'class' ORDER BY tc.starts_on, tc.id`,
      [userId, year],
    );
    const range = [`${year}-01-01T00:00:00+08:00`, `${year + 1}-01-01T00:00:00+08:00`];
    const exams = await this.ds.query(
      `SELECT q.title, a.score::float AS score, a.passed, a.submitted_at AS "submittedAt"
         FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id
        WHERE a.user_id = $1 AND q.kind = 'final_exam' AND a.submitted_at >= $2 AND a.submitted_at < $3 ORDER BY a.submitted_at`,
      [userId, ...range],
    );
    const evaluations = await this.ds.query(
      `SELECT c.title AS "courseTitle", e.created_at AS "submittedAt" FROM course_evaluations e JOIN courses c ON c.id = e.course_id
        WHERE e.user_id = $1 AND e.created_at >= $2 AND e.created_at < $3 ORDER BY e.created_at`,
      [userId, ...range],
    );
    const { digest, hours } = await ledgerDigest(this.ds, userId, year);
    // the same ledger gives the same archive: its code is reused (screen, PDF and XLSX agree); a change since gives a new one
    const [same] = await this.ds.query(
      'SELECT code, issued_at FROM archive_issues WHERE user_id = $1 AND year = $2 AND digest = $3 ORDER BY issued_at DESC LIMIT 1', [userId, year, digest]);
    let code = same?.code ?? newVerificationCode();
    for (let i = 0; ; i++) {
      const r = same && i === 0 ? [same] : await this.ds.query(
        `INSERT INTO archive_issues (code, user_id, year, digest, hours, issued_by) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (code) DO NOTHING RETURNING issued_at`,
        [code, userId, year, digest, hours, p.userId],
      );
      if (r.length) {
        return {
          code, issuedAt: iso(r[0].issued_at), verifyUrl: `${(this.env.PUBLIC_URL ?? origin).replace(/\/$/, '')}/verify/${code}`,
          official: { name: u.name, staffNo: u.staff_no, unitName: u.unit_name, position: u.position, rankLevel: u.rank_level ? RANK_LEVEL_LABELS[u.rank_level as keyof typeof RANK_LEVEL_LABELS].zh : null },
          compliance,
          courses: courses.map((c: { creditedAt: Date }) => ({ ...c, creditedAt: iso(c.creditedAt) })),
          classes,
          exams: exams.map((e: { submittedAt: Date }) => ({ ...e, submittedAt: iso(e.submittedAt) })),
          evaluations: evaluations.map((e: { submittedAt: Date }) => ({ ...e, submittedAt: iso(e.submittedAt) })),
        };
      }
      if (i > 5) throw new Error('could not draw a free verification code');
      code = newVerificationCode();
    }
  }

  async pdfOf(a: ArchiveView): Promise<Buffer> {
    const qr = await QRCode.toString(a.verifyUrl, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
    return this.pdf.render(archiveHtml(a, qr));
  }

  async xlsxOf(a: ArchiveView): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Xueshi 学时';
    const c = a.compliance;
    const ws = wb.addWorksheet(`${c.year}年度培训档案`);
    ws.columns = [{ width: 26 }, { width: 30 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 16 }];
    const title = ws.addRow([`公务员培训档案（${c.year} 年度）`]);
    title.font = { bold: true, size: 14 };
    ws.addRow(['姓名', a.official.name, '人员编号', a.official.staffNo ?? '']);
    ws.addRow(['单位', a.official.unitName ?? '', '职务', a.official.position ?? '', '职级', a.official.rankLevel ?? '']);
    ws.addRow(['核验码', a.code, '核验地址', a.verifyUrl]);
    ws.addRow([]);
    const head = (cells: string[]) => (ws.addRow(cells).font = { bold: true });
    head(['学时合计', '在线学时', '脱产学时', '脱产天数', '法律知识学时']);
    ws.addRow([c.totals.hours, c.totals.onlineHours, c.totals.offlineHours, c.totals.offlineDays, c.totals.legalHours]);
    ws.addRow([]);
    head(['规定', '要求', '实际', '是否达到', '差额']);
    for (const i of c.items) ws.addRow([i.zh, i.unit === 'result' ? '' : i.required, i.unit === 'result' ? '' : i.actual, i.met ? '是' : '否', i.shortfall || '']);
    if (c.excellentBarred) ws.addRow(['脱产培训考核不合格：年度考核不得确定为优秀等次（P8）']).font = { bold: true, color: { argb: 'FFC00000' } };
    ws.addRow([]);
    head(['课程', '类别', '学时', '记入时间', '说明']);
    for (const x of a.courses) ws.addRow([x.title, x.category ?? '', x.hours, x.creditedAt.slice(0, 10), x.kind === 'correction' ? `更正：${x.reason ?? ''}` : '']);
    ws.addRow([]);
    head(['班次', '类型', '起止日期', '出勤天数', '学时', '考核']);
    for (const x of a.classes) {
      ws.addRow([`${x.title}（${x.institution}）`, CLASS_KIND_LABELS[x.kind as keyof typeof CLASS_KIND_LABELS]?.zh ?? x.kind, `${x.startsOn} 至 ${x.endsOn}`, x.attendedDays, x.hours,
        x.assessmentPassed === null ? '未完成' : `${x.assessmentTotal ?? ''} ${x.assessmentPassed ? '合格' : '不合格'}`]);
    }
    ws.addRow([]);
    head(['结业考试', '成绩', '结果', '交卷时间']);
    for (const x of a.exams) ws.addRow([x.title, x.score ?? '', x.passed === null ? '' : x.passed ? '通过' : '未通过', x.submittedAt.slice(0, 10)]);
    ws.addRow([]);
    head(['已提交评估的课程', '提交时间']);
    for (const x of a.evaluations) ws.addRow([x.courseTitle, x.submittedAt.slice(0, 10)]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** Public: does the archive still match the ledger? The name is masked. */
  async verify(code: string): Promise<VerifyResult> {
    const [a] = await this.ds.query(
      `SELECT a.user_id, a.year, a.digest, a.hours::float AS hours, a.issued_at, u.name FROM archive_issues a JOIN users u ON u.id = a.user_id WHERE a.code = $1`,
      [code],
    );
    if (!a) return { status: 'unknown', code, name: null, year: null, issuedAt: null, hours: null };
    const now = await ledgerDigest(this.ds, a.user_id, a.year);
    const name: string = a.name;
    const masked = name.length <= 1 ? name : name.length === 2 ? `${name[0]}*` : `${name[0]}${'*'.repeat(name.length - 2)}${name[name.length - 1]}`;
    return { status: now.digest === a.digest ? 'valid' : 'mismatch', code, name: masked, year: a.year, issuedAt: iso(a.issued_at), hours: a.hours };
  }
}
