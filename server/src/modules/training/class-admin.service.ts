import { Injectable } from '@nestjs/common';
import type { AttendanceUpdate, ClassCompletion, ClassCompletionRow, ClassUpdate, ClassView, MembersByUnitRequest, MembersImportReport, OfflineSessionInput } from '@xueshi/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AppError, notFound } from '../../common/errors';
import type { Principal } from '../../common/request';
import { returned } from '../../database/returned';
import { readSheet } from '../accounts/import-file';
import { ClassesService, type ClassRow } from '../assessment/classes.service';
import { LedgerRepository } from '../credits/ledger.repository';
import { PolicyService } from '../policy/policy.service';

type Out<T extends z.ZodType> = z.output<T>;
type Q = Pick<EntityManager, 'query'>;
const round1 = (n: number) => Math.round(n * 10) / 10;

const FINISHED = { zh: '班次已结业，不能再修改', en: 'The class has finished and can no longer change' };
const ONLY_ADMINS = { zh: '只有本机构管理员可以管理班次', en: 'Only the institution\'s admins manage the class' };

/**
 * 班次管理: editing, publishing under the rules (P3–P5), offline sessions and attendance,
 * enrolment by list, node or XLSX, completion and 结业 (the ledger entries of offline days).
 * Every bulk change is one transaction: all or nothing.
 */
@Injectable()
export class ClassAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly classes: ClassesService,
    private readonly ledger: LedgerRepository,
    private readonly policy: PolicyService,
  ) {}

  private async adminRow(p: Principal, id: string, opts: { unfinished?: boolean } = {}): Promise<ClassRow> {
    const c = await this.classes.row(id);
    if ((await this.classes.roleIn(p, c)) !== 'admin') throw new AppError('FORBIDDEN', ONLY_ADMINS);
    if (opts.unfinished && c.status === 'finished') throw new AppError('CONFLICT', FINISHED, 'status');
    return c;
  }

  /** Inside a change: the class as it now stands must still meet its rules when it is published. */
  private async recheck(m: Q, id: string): Promise<void> {
    const [c] = await m.query(`SELECT id, kind, appointment_level, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, status FROM training_classes WHERE id = $1`, [id]);
    if (c.status !== 'published') return;
    const { problems } = await this.classes.shape(c, m);
    if (problems.length) {
      throw new AppError('CONFLICT', {
        zh: `已发布的班次须符合规定：${problems.map((x) => x.zh).join('；')}`,
        en: `A published class must keep to the rules: ${problems.map((x) => x.en).join('; ')}`,
      }, problems[0].field, { details: { problems } });
    }
  }

  async update(p: Principal, id: string, body: Out<typeof ClassUpdate>): Promise<ClassView> {
    const c = await this.adminRow(p, id, { unfinished: true });
    await this.ds.transaction(async (m) => {
      await m.query('SELECT 1 FROM training_classes WHERE id = $1 FOR UPDATE', [id]);
      await this.classes.checkRefs(m, c.institution_id, body);
      const kind = body.kind ?? c.kind;
      const level = body.appointmentLevel !== undefined ? body.appointmentLevel : c.appointment_level;
      if (kind === 'appointment' && !level) {
        throw new AppError('VALIDATION_FAILED', { zh: '任职培训须选择科级或处级', en: 'An appointment class needs its level: section or division' }, 'appointmentLevel');
      }
      const startsOn = body.startsOn ?? c.starts_on;
      const endsOn = body.endsOn ?? c.ends_on;
      if (endsOn < startsOn) throw new AppError('VALIDATION_FAILED', { zh: '结束日期不能早于开始日期', en: 'The end cannot come before the start' }, 'endsOn');
      const [outside] = await m.query('SELECT 1 FROM class_sessions WHERE class_id = $1 AND (session_date < $2 OR session_date > $3) LIMIT 1', [id, startsOn, endsOn]);
      if (outside) throw new AppError('VALIDATION_FAILED', { zh: '已有脱产课程安排在新的起止日期之外', en: 'Offline sessions fall outside the new dates' }, body.startsOn ? 'startsOn' : 'endsOn');
      const sets: string[] = [];
      const args: unknown[] = [id];
      const set = (col: string, v: unknown) => {
        args.push(v);
        sets.push(`${col} = $${args.length}`);
      };
      if (body.title !== undefined) set('title', body.title);
      set('kind', kind);
      set('appointment_level', kind === 'appointment' ? level : null);
      set('starts_on', startsOn);
      set('ends_on', endsOn);
      if (body.examQuizId !== undefined) set('exam_quiz_id', body.examQuizId);
      if (body.peerReviewOpensAt !== undefined) set('peer_review_opens_at', body.peerReviewOpensAt);
      if (body.peerReviewClosesAt !== undefined) set('peer_review_closes_at', body.peerReviewClosesAt);
      if (body.weights !== undefined) set('weights', JSON.stringify(body.weights));
      if (body.passScore !== undefined) set('pass_score', body.passScore);
      await m.query(`UPDATE training_classes SET ${sets.join(', ')} WHERE id = $1`, args);
      if (body.instructorIds !== undefined) {
        await m.query('DELETE FROM class_instructors WHERE class_id = $1', [id]);
        await m.query('INSERT INTO class_instructors (class_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [id, [...new Set(body.instructorIds)]]);
      }
      if (body.requiredCourseIds !== undefined) {
        await m.query('DELETE FROM class_courses WHERE class_id = $1', [id]);
        await m.query('INSERT INTO class_courses (class_id, course_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [id, [...new Set(body.requiredCourseIds)]]);
      }
      if (body.requiredCourseIds !== undefined || body.examQuizId !== undefined) await this.classes.enrolInClassCourses(m, id, null, p.userId);
      await this.recheck(m, id);
    });
    return this.classes.get(p, id);
  }

  async publish(p: Principal, id: string): Promise<ClassView> {
    const c = await this.adminRow(p, id, { unfinished: true });
    if (c.status === 'draft') {
      await this.ds.transaction(async (m) => {
        await m.query('SELECT 1 FROM training_classes WHERE id = $1 FOR UPDATE', [id]);
        const { problems } = await this.classes.shape(c, m);
        if (problems.length) {
          throw new AppError('CONFLICT', {
            zh: `班次不符合规定，不能发布：${problems.map((x) => x.zh).join('；')}`,
            en: `The class breaks the rules and cannot be published: ${problems.map((x) => x.en).join('; ')}`,
          }, problems[0].field, { details: { problems } });
        }
        await m.query(`UPDATE training_classes SET status = 'published' WHERE id = $1 AND status = 'draft'`, [id]);
      });
    }
    return this.classes.get(p, id);
  }

  private checkSessionDate(c: ClassRow, date: string) {
    if (date < c.starts_on || date > c.ends_on) {
      throw new AppError('VALIDATION_FAILED', { zh: `脱产课程日期须在班次起止日期（${c.starts_on} 至 ${c.ends_on}）之内`, en: `The session must fall within the class's dates (${c.starts_on} to ${c.ends_on})` }, 'sessionDate');
    }
  }

  async addSession(p: Principal, id: string, body: Out<typeof OfflineSessionInput>): Promise<ClassView> {
    const c = await this.adminRow(p, id, { unfinished: true });
    this.checkSessionDate(c, body.sessionDate);
    await this.ds.transaction(async (m) => {
      await m.query('SELECT 1 FROM training_classes WHERE id = $1 FOR UPDATE', [id]);
      await m.query('INSERT INTO class_sessions (class_id, session_date, title, days, rule_of_law_hours) VALUES ($1,$2,$3,$4,$5)', [id, body.sessionDate, body.title, body.days, body.ruleOfLawHours]);
      await this.recheck(m, id);
    });
    return this.classes.get(p, id);
  }

  async updateSession(p: Principal, id: string, sessionId: string, body: Out<typeof OfflineSessionInput>): Promise<ClassView> {
    const c = await this.adminRow(p, id, { unfinished: true });
    this.checkSessionDate(c, body.sessionDate);
    await this.ds.transaction(async (m) => {
      await m.query('SELECT 1 FROM training_classes WHERE id = $1 FOR UPDATE', [id]);
      const r = returned(await m.query('UPDATE class_sessions SET session_date = $3, title = $4, days = $5, rule_of_law_hours = $6 WHERE id = $2 AND class_id = $1 RETURNING id',
        [id, sessionId, body.sessionDate, body.title, body.days, body.ruleOfLawHours]));
      if (!r.length) throw notFound({ zh: '脱产课程不存在', en: 'No such session' });
      await this.recheck(m, id);
    });
    return this.classes.get(p, id);
  }

  async deleteSession(p: Principal, id: string, sessionId: string): Promise<ClassView> {
    await this.adminRow(p, id, { unfinished: true });
    await this.ds.transaction(async (m) => {
      await m.query('SELECT 1 FROM training_classes WHERE id = $1 FOR UPDATE', [id]);
      const gone = returned(await m.query('DELETE FROM class_sessions WHERE id = $2 AND class_id = $1 RETURNING id', [id, sessionId]));
      if (!gone.length) throw notFound({ zh: '脱产课程不存在', en: 'No such session' });
      await this.recheck(m, id);
    });
    return this.classes.get(p, id);
  }

  async attendance(p: Principal, id: string) {
    const c = await this.classes.row(id);
    const role = await this.classes.roleIn(p, c);
    if (role === 'member') throw new AppError('FORBIDDEN', ONLY_ADMINS);
    return this.attendanceView(this.ds, id);
  }

  private async attendanceView(m: Q, id: string) {
    const sessions = await m.query(
      `SELECT id, to_char(session_date, 'YYYY-MM-DD') AS "sessionDate", title, days::float AS days, rule_of_law_hours::float AS "ruleOfLawHours"
         FROM class_sessions WHERE class_id = $1 ORDER BY session_date, created_at, id`,
      [id],
    );
    const members = await m.query(
      `SELECT u.id AS "userId", u.name, ou.name AS "unitName",
              coalesce((SELECT array_agg(a.session_id ORDER BY a.session_id) FROM class_attendance a WHERE a.class_id = $1 AND a.user_id = u.id), '{}') AS present
         FROM class_members cm JOIN users u ON u.id = cm.user_id LEFT JOIN org_units ou ON ou.id = u.org_unit_id
        WHERE cm.class_id = $1 ORDER BY u.name, u.id`,
      [id],
    );
    return { sessions, members };
  }

  async recordAttendance(p: Principal, id: string, body: Out<typeof AttendanceUpdate>) {
    await this.adminRow(p, id, { unfinished: true });
    return this.ds.transaction(async (m) => {
      const sessions = new Set((await m.query('SELECT id FROM class_sessions WHERE class_id = $1', [id])).map((r: { id: string }) => r.id));
      const members = new Set((await m.query('SELECT user_id FROM class_members WHERE class_id = $1', [id])).map((r: { user_id: string }) => r.user_id));
      const bad = body.records.findIndex((r) => !sessions.has(r.sessionId) || !members.has(r.userId));
      if (bad >= 0) {
        const r = body.records[bad];
        const what = !sessions.has(r.sessionId) ? { zh: '不是本班次的脱产课程', en: 'is not a session of this class' } : { zh: '不是本班次的学员', en: 'is not a trainee of this class' };
        throw new AppError('VALIDATION_FAILED', { zh: `第 ${bad + 1} 条记录${what.zh}，考勤未保存`, en: `Record ${bad + 1} ${what.en}; no attendance was saved` }, `records.${bad}`);
      }
      const present = body.records.filter((r) => r.present);
      const absent = body.records.filter((r) => !r.present);
      if (absent.length) {
        await m.query('DELETE FROM class_attendance a USING unnest($1::uuid[], $2::uuid[]) x(s, u) WHERE a.session_id = x.s AND a.user_id = x.u',
          [absent.map((r) => r.sessionId), absent.map((r) => r.userId)]);
      }
      if (present.length) {
        await m.query(
          `INSERT INTO class_attendance (session_id, user_id, class_id, recorded_by) SELECT s, u, $3, $4 FROM unnest($1::uuid[], $2::uuid[]) x(s, u)
           ON CONFLICT (session_id, user_id) DO UPDATE SET recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
          [present.map((r) => r.sessionId), present.map((r) => r.userId), id, p.userId],
        );
      }
      return this.attendanceView(m, id);
    });
  }

  async addByUnit(p: Principal, id: string, body: Out<typeof MembersByUnitRequest>): Promise<ClassView> {
    const c = await this.adminRow(p, id, { unfinished: true });
    const [unit] = await this.ds.query('SELECT id, path FROM org_units WHERE id = $1', [body.orgUnitId]);
    const [region] = await this.ds.query('SELECT iu.path FROM institutions i JOIN org_units iu ON iu.id = i.org_unit_id WHERE i.id = $1', [c.institution_id]);
    if (!unit || (p.role !== 'sys_admin' && !(region && unit.path.startsWith(region.path)))) {
      throw new AppError('NOT_FOUND', { zh: '单位不存在或不在本机构的培训范围内', en: 'No such unit within the institution\'s region' }, 'orgUnitId');
    }
    await this.ds.transaction(async (m) => {
      const added: { user_id: string }[] = await m.query(
        `INSERT INTO class_members (class_id, user_id)
         SELECT $1, u.id FROM users u JOIN org_units ou ON ou.id = u.org_unit_id
          WHERE u.role = 'official' AND NOT u.disabled AND ${body.includeSubunits ? 'ou.path LIKE $2 || \'%\'' : 'ou.path = $2'}
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [id, unit.path],
      );
      if (added.length) await this.classes.enrolInClassCourses(m, id, added.map((a) => a.user_id), p.userId);
    });
    return this.classes.get(p, id);
  }

  /** XLSX list: a column 人员编号 or 用户名; one bad row and nobody is enrolled. */
  async importMembers(p: Principal, id: string, file: Buffer): Promise<MembersImportReport> {
    const c = await this.adminRow(p, id, { unfinished: true });
    let rows;
    try {
      rows = await readSheet(file);
    } catch {
      throw new AppError('VALIDATION_FAILED', { zh: '无法读取文件，请上传 .xlsx 格式的名单', en: 'The file could not be read: upload an .xlsx list' }, 'file');
    }
    const header = (rows[0] ?? []).map((h) => String(h ?? '').trim());
    const staffCol = header.findIndex((h) => h === '人员编号' || h.toLowerCase() === 'staff no');
    const userCol = header.findIndex((h) => h === '用户名' || h.toLowerCase() === 'username');
    if (staffCol < 0 && userCol < 0) {
      throw new AppError('VALIDATION_FAILED', { zh: '名单第 1 行须有“人员编号”或“用户名”列', en: 'Row 1 needs a column 人员编号 (staff no) or 用户名 (username)' }, 'file');
    }
    const [region] = await this.ds.query('SELECT iu.path FROM institutions i JOIN org_units iu ON iu.id = i.org_unit_id WHERE i.id = $1', [c.institution_id]);
    const errors: MembersImportReport['errors'] = [];
    const ids: string[] = [];
    const seen = new Set<string>();
    for (let i = 1; i < rows.length; i++) {
      const cell = (col: number) => (col >= 0 ? String(rows[i][col] ?? '').trim() : '');
      const staffNo = cell(staffCol);
      const username = cell(userCol).toLowerCase();
      if (!staffNo && !username) continue;
      const [u] = await this.ds.query(
        `SELECT u.id, u.role, u.disabled, ou.path FROM users u LEFT JOIN org_units ou ON ou.id = u.org_unit_id
          WHERE ($1 <> '' AND u.staff_no = $1) OR ($1 = '' AND u.username = $2)`,
        [staffNo, username],
      );
      const field = staffNo ? '人员编号' : '用户名';
      if (!u) errors.push({ row: i + 1, field, zh: `找不到${field}为“${staffNo || username}”的人员`, en: `No one with ${staffNo ? 'staff no' : 'username'} "${staffNo || username}"` });
      else if (u.role !== 'official' || u.disabled) errors.push({ row: i + 1, field, zh: '不是在用的学员账号', en: 'Not an active official' });
      else if (p.role !== 'sys_admin' && !(region && u.path?.startsWith(region.path))) errors.push({ row: i + 1, field, zh: '不在本机构的培训范围内', en: 'Outside the institution\'s region' });
      else if (seen.has(u.id)) errors.push({ row: i + 1, field, zh: '与前面的行重复', en: 'Repeats an earlier row' });
      else {
        seen.add(u.id);
        ids.push(u.id);
      }
    }
    if (!ids.length && !errors.length) throw new AppError('VALIDATION_FAILED', { zh: '名单中没有人员', en: 'The list has nobody in it' }, 'file');
    if (errors.length) return { added: 0, alreadyMembers: 0, errors };
    return this.ds.transaction(async (m) => {
      const added: { user_id: string }[] = await m.query(
        'INSERT INTO class_members (class_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING user_id', [id, ids]);
      if (added.length) await this.classes.enrolInClassCourses(m, id, added.map((a) => a.user_id), p.userId);
      return { added: added.length, alreadyMembers: ids.length - added.length, errors: [] };
    });
  }

  async removeMember(p: Principal, id: string, userId: string): Promise<ClassView> {
    await this.adminRow(p, id, { unfinished: true });
    await this.ds.transaction(async (m) => {
      const gone = returned(await m.query('DELETE FROM class_members WHERE class_id = $1 AND user_id = $2 RETURNING user_id', [id, userId]));
      if (!gone.length) throw new AppError('NOT_FOUND', { zh: '该学员不在本班次', en: 'Not a trainee of this class' }, 'userId');
      await m.query('DELETE FROM class_attendance WHERE class_id = $1 AND user_id = $2', [id, userId]);
    });
    return this.classes.get(p, id);
  }

  async completion(p: Principal, id: string): Promise<ClassCompletion> {
    const c = await this.classes.row(id);
    const role = await this.classes.roleIn(p, c);
    if (role === 'member') throw new AppError('FORBIDDEN', ONLY_ADMINS);
    if (c.status === 'finished') return { status: c.status, items: await this.storedResults(id) };
    return { status: c.status, items: (await this.compute(this.ds, c)).map((r) => r.row) };
  }

  private async storedResults(id: string): Promise<ClassCompletionRow[]> {
    const [c] = await this.ds.query('SELECT count(*)::int AS n FROM class_courses WHERE class_id = $1', [id]);
    const rows = await this.ds.query(
      `SELECT r.user_id AS "userId", u.name, ou.name AS "unitName", r.attended_days::float AS "attendedDays", r.rule_of_law_hours::float AS "ruleOfLawHours",
              r.assessment_total::float AS "assessmentTotal", r.assessment_passed AS "assessmentPassed", r.completed, r.missing,
              coalesce((l.evidence->>'coursesDone')::int, 0) AS "coursesDone", coalesce((l.evidence->>'classOfflineDays')::float, 0) AS "offlineDays"
         FROM class_results r JOIN users u ON u.id = r.user_id LEFT JOIN org_units ou ON ou.id = u.org_unit_id
         LEFT JOIN credit_ledger l ON l.kind = 'class' AND l.class_id = r.class_id AND l.user_id = r.user_id
        WHERE r.class_id = $1 ORDER BY u.name, u.id`,
      [id],
    );
    return rows.map((r: ClassCompletionRow) => ({ ...r, coursesRequired: c.n }));
  }

  /** Each member against completion: the required courses credited, attendance, the assessment. */
  private async compute(m: Q, c: ClassRow) {
    const shape = await this.classes.shape(c, m);
    const { policy } = shape;
    const records = await this.classes.records(c, null);
    const rows: { user_id: string; name: string; unit_name: string | null; courses_done: number; credited_hours: string; attended_days: string; attended_law: string; legal_credited: string }[] =
      await m.query(
        `SELECT u.id AS user_id, u.name, ou.name AS unit_name,
                (SELECT count(*)::int FROM credit_ledger l WHERE l.user_id = u.id AND l.kind = 'course' AND l.course_id IN (SELECT course_id FROM class_courses WHERE class_id = $1)) AS courses_done,
                (SELECT coalesce(sum(l.hours), 0) FROM credit_ledger l WHERE l.user_id = u.id AND l.kind = 'course' AND l.course_id IN (SELECT course_id FROM class_courses WHERE class_id = $1)) AS credited_hours,
                (SELECT coalesce(sum(l.hours), 0) FROM credit_ledger l JOIN categories cat ON cat.id = l.category_id
                  WHERE l.user_id = u.id AND l.kind = 'course' AND cat.legal AND l.course_id IN (SELECT course_id FROM class_courses WHERE class_id = $1)) AS legal_credited,
                (SELECT coalesce(sum(s.days), 0) FROM class_attendance a JOIN class_sessions s ON s.id = a.session_id WHERE a.class_id = $1 AND a.user_id = u.id) AS attended_days,
                (SELECT coalesce(sum(s.rule_of_law_hours), 0) FROM class_attendance a JOIN class_sessions s ON s.id = a.session_id WHERE a.class_id = $1 AND a.user_id = u.id) AS attended_law
           FROM class_members cm JOIN users u ON u.id = cm.user_id LEFT JOIN org_units ou ON ou.id = u.org_unit_id
          WHERE cm.class_id = $1 ORDER BY u.name, u.id`,
        [c.id],
      );
    const required = shape.requiredCourses.length;
    return rows.map((r) => {
      const rec = records.find((x) => x.userId === r.user_id);
      const attendedDays = round1(Number(r.attended_days));
      const missing: { zh: string; en: string }[] = [];
      if (r.courses_done < required) missing.push({ zh: `必修课程完成 ${r.courses_done}/${required}`, en: `Required courses ${r.courses_done}/${required}` });
      if (attendedDays < shape.totals.offlineDays) missing.push({ zh: `脱产出勤 ${attendedDays}/${shape.totals.offlineDays} 天`, en: `Attended ${attendedDays}/${shape.totals.offlineDays} offline days` });
      if (rec?.passed === false) missing.push({ zh: '结业考核未通过', en: 'Failed the assessment' });
      else if (rec?.passed == null) missing.push({ zh: '结业考核尚未完成', en: 'The assessment is not complete' });
      const row: ClassCompletionRow = {
        userId: r.user_id, name: r.name, unitName: r.unit_name, coursesDone: r.courses_done, coursesRequired: required,
        attendedDays, offlineDays: shape.totals.offlineDays,
        ruleOfLawHours: round1(Number(r.attended_law) + Number(r.legal_credited)),
        assessmentTotal: rec?.total ?? null, assessmentPassed: rec?.passed ?? null,
        completed: missing.length === 0, missing,
      };
      return { row, days: round1(attendedDays + Number(r.credited_hours) / policy.hoursPerDay), policy };
    });
  }

  /** 结业: results fixed, offline days credited once per trainee, the class read-only. */
  async finish(p: Principal, id: string): Promise<ClassCompletion> {
    await this.adminRow(p, id, { unfinished: true });
    await this.ds.transaction(async (m) => {
      const [locked] = await m.query('SELECT status FROM training_classes WHERE id = $1 FOR UPDATE', [id]);
      if (locked.status === 'finished') throw new AppError('CONFLICT', FINISHED, 'status');
      if (locked.status !== 'published') throw new AppError('CONFLICT', { zh: '班次发布后才能结业', en: 'Only a published class can finish' }, 'status');
      const c = await this.classes.row(id);
      const year = Number(c.ends_on.slice(0, 4));
      const policy = await this.policy.forYear(year);
      for (const { row, days } of await this.compute(m, c)) {
        await m.query(
          `INSERT INTO class_results (class_id, user_id, attended_days, days, rule_of_law_hours, assessment_total, assessment_passed, completed, missing)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
          [id, row.userId, row.attendedDays, days, row.ruleOfLawHours, row.assessmentTotal, row.assessmentPassed, row.completed, JSON.stringify(row.missing)],
        );
        await this.ledger.append(m, {
          userId: row.userId, kind: 'class', courseId: null, classId: id,
          hours: round1(row.attendedDays * policy.hoursPerDay), categoryId: null, year,
          evidence: {
            classId: id, classTitle: c.title, classKind: c.kind, appointmentLevel: c.appointment_level,
            offlineDays: row.attendedDays, classOfflineDays: row.offlineDays, days, ruleOfLawHours: row.ruleOfLawHours,
            coursesDone: row.coursesDone, assessmentTotal: row.assessmentTotal, assessmentPassed: row.assessmentPassed, completed: row.completed,
            hoursPerDay: policy.hoursPerDay,
          },
          reason: null, createdBy: p.userId,
        });
      }
      await m.query(`UPDATE training_classes SET status = 'finished' WHERE id = $1`, [id]);
    });
    return this.completion(p, id);
  }
}
