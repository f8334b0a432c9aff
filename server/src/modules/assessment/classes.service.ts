import { Injectable } from '@nestjs/common';
import type { AssessmentRecord, ClassView, JournalEntryView } from '@xueshi/shared';
import type { ClassInput, ClassMembersRequest, InstructorScoreInput, JournalInput, PeerReviewInput } from '@xueshi/shared';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AppError, notFound } from '../../common/errors';
import type { Principal } from '../../common/request';
import { effectiveCreditHours } from '../courses/credit-hours';
import { PolicyService } from '../policy/policy.service';
import { classDays, classProblems } from '../training/class-rules';
import { assessmentRecord } from './assessment-record';

type Out<T extends z.ZodType> = z.output<T>;
const NO_CLASS = { zh: '班次不存在', en: 'No such class' };

export interface ClassRow {
  id: string;
  institution_id: string;
  title: string;
  kind: ClassView['kind'];
  appointment_level: ClassView['appointmentLevel'];
  status: ClassView['status'];
  institution_name: string;
  starts_on: string;
  ends_on: string;
  exam_quiz_id: string | null;
  exam_course_id: string | null;
  peer_review_opens_at: Date | null;
  peer_review_closes_at: Date | null;
  weights: ClassView['weights'];
  pass_score: number;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** 班次 and their assessment records (P10): journal, peer review, instructor scores, the final exam. */
@Injectable()
export class ClassesService {
  constructor(
    private readonly ds: DataSource,
    private readonly policy: PolicyService,
  ) {}

  /** A class as stored (404 when there is none); its role checks are the caller's. */
  async row(id: string): Promise<ClassRow> {
    const [c]: ClassRow[] = await this.ds.query(
      `SELECT c.*, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on, q.course_id AS exam_course_id, i.name AS institution_name
         FROM training_classes c JOIN institutions i ON i.id = c.institution_id LEFT JOIN quizzes q ON q.id = c.exam_quiz_id WHERE c.id = $1`,
      [id],
    );
    if (!c) throw notFound(NO_CLASS);
    return c;
  }

  /** The caller's place in a class; anyone else gets 404 (a class is not public). */
  async roleIn(p: Principal, c: ClassRow): Promise<ClassView['myRole']> {
    if (p.role === 'sys_admin' || (p.role === 'institution_admin' && p.institutionId === c.institution_id)) return 'admin';
    if (p.role === 'instructor') {
      const [t] = await this.ds.query('SELECT 1 FROM class_instructors WHERE class_id = $1 AND user_id = $2', [c.id, p.userId]);
      if (t) return 'instructor';
    }
    if (p.role === 'official') {
      const [m] = await this.ds.query('SELECT 1 FROM class_members WHERE class_id = $1 AND user_id = $2', [c.id, p.userId]);
      if (m) return 'member';
    }
    throw notFound(NO_CLASS);
  }

  /** Required courses (with their effective hours), offline sessions, and the rules they meet. */
  async shape(c: Pick<ClassRow, 'id' | 'kind' | 'appointment_level' | 'starts_on'>, m: Pick<DataSource, 'query'> = this.ds) {
    const courses: { id: string; title: string; credit_hours: string | null; content_seconds: string; legal: boolean }[] = await m.query(
      `SELECT co.id, co.title, co.credit_hours, cat.legal,
              (SELECT coalesce(sum(a.duration_seconds), 0) FROM lessons l JOIN media_assets a ON a.id = l.asset_id
                WHERE l.course_id = co.id AND a.status = 'ready') AS content_seconds
         FROM class_courses cc JOIN courses co ON co.id = cc.course_id JOIN categories cat ON cat.id = co.category_id
        WHERE cc.class_id = $1 ORDER BY co.title, co.id`,
      [c.id],
    );
    const requiredCourses = courses.map((r) => ({
      id: r.id, title: r.title, legal: r.legal,
      hours: effectiveCreditHours(r.credit_hours === null ? null : Number(r.credit_hours), Number(r.content_seconds)),
    }));
    const sessions: ClassView['sessions'] = (
      await m.query(
        `SELECT id, to_char(session_date, 'YYYY-MM-DD') AS "sessionDate", title, days::float AS days, rule_of_law_hours::float AS "ruleOfLawHours"
           FROM class_sessions WHERE class_id = $1 ORDER BY session_date, created_at, id`,
        [c.id],
      )
    ).map((r: ClassView['sessions'][number]) => ({ ...r }));
    const policy = await this.policy.forYear(Number(c.starts_on.slice(0, 4)));
    const offlineDays = Math.round(sessions.reduce((a, x) => a + x.days, 0) * 10) / 10;
    const onlineHours = Math.round(requiredCourses.reduce((a, x) => a + x.hours, 0) * 10) / 10;
    const ruleOfLawHours = Math.round((sessions.reduce((a, x) => a + x.ruleOfLawHours, 0) + requiredCourses.filter((x) => x.legal).reduce((a, x) => a + x.hours, 0)) * 10) / 10;
    const shape = { kind: c.kind, appointmentLevel: c.appointment_level, offlineDays, onlineHours, ruleOfLawHours };
    return {
      requiredCourses, sessions, policy,
      totals: { days: classDays(shape, policy), offlineDays, onlineHours, ruleOfLawHours },
      problems: classProblems(shape, policy),
    };
  }

  async view(c: ClassRow, myRole: ClassView['myRole']): Promise<ClassView> {
    const instructors = await this.ds.query(
      'SELECT u.id, u.name FROM class_instructors ci JOIN users u ON u.id = ci.user_id WHERE ci.class_id = $1 ORDER BY u.name',
      [c.id],
    );
    const members = await this.ds.query(
      `SELECT u.id, u.name, ou.name AS "unitName" FROM class_members m JOIN users u ON u.id = m.user_id LEFT JOIN org_units ou ON ou.id = u.org_unit_id
        WHERE m.class_id = $1 ORDER BY u.name, u.id`,
      [c.id],
    );
    const { requiredCourses, sessions, totals, problems } = await this.shape(c);
    return {
      id: c.id, institutionId: c.institution_id, institutionName: c.institution_name, title: c.title, kind: c.kind,
      appointmentLevel: c.appointment_level, status: c.status, startsOn: c.starts_on, endsOn: c.ends_on,
      requiredCourses, sessions, totals, problems,
      examQuizId: c.exam_quiz_id, examCourseId: c.exam_course_id,
      peerReviewOpensAt: iso(c.peer_review_opens_at), peerReviewClosesAt: iso(c.peer_review_closes_at),
      weights: c.weights, passScore: c.pass_score, instructors,
      // a trainee sees the classmates' names (to rate them), not more
      members: members.map((m: { id: string; name: string; unitName: string | null }) => (myRole === 'member' ? { ...m, unitName: null } : m)),
      myRole,
    };
  }

  async list(p: Principal): Promise<{ items: ClassView[] }> {
    const where =
      p.role === 'sys_admin' ? 'true'
      : p.role === 'institution_admin' ? 'c.institution_id = $1'
      : p.role === 'instructor' ? 'c.id IN (SELECT class_id FROM class_instructors WHERE user_id = $1)'
      : p.role === 'official' ? 'c.id IN (SELECT class_id FROM class_members WHERE user_id = $1)'
      : 'false';
    const ids: { id: string }[] = await this.ds.query(
      `SELECT c.id FROM training_classes c WHERE ${where} ORDER BY c.starts_on DESC, c.id`,
      where.includes('$1') ? [p.role === 'institution_admin' ? p.institutionId : p.userId] : [],
    );
    const items: ClassView[] = [];
    for (const { id } of ids) {
      const c = await this.row(id);
      items.push(await this.view(c, await this.roleIn(p, c)));
    }
    return { items };
  }

  async get(p: Principal, id: string): Promise<ClassView> {
    const c = await this.row(id);
    return this.view(c, await this.roleIn(p, c));
  }

  /** The exam, instructors and required courses a class may use: the institution's own or shared, all or nothing. */
  async checkRefs(m: Pick<DataSource, 'query'>, institutionId: string, body: { examQuizId?: string | null; instructorIds?: string[]; requiredCourseIds?: string[] }) {
    if (body.examQuizId) {
      const [q] = await m.query(
        `SELECT 1 FROM quizzes q JOIN courses c ON c.id = q.course_id WHERE q.id = $1 AND q.kind = 'final_exam' AND (c.institution_id = $2 OR c.sharing = 'shared')`,
        [body.examQuizId, institutionId],
      );
      if (!q) throw new AppError('VALIDATION_FAILED', { zh: '结业考试须为本机构或共享课程的结业考试', en: 'The exam must be a final exam of an own or shared course' }, 'examQuizId');
    }
    if (body.instructorIds?.length) {
      const ok = await m.query(`SELECT id FROM users WHERE id = ANY($1) AND role = 'instructor' AND NOT disabled`, [body.instructorIds]);
      if (ok.length !== new Set(body.instructorIds).size) throw new AppError('VALIDATION_FAILED', { zh: '授课教师须为在用的教师账号', en: 'Instructors must be active instructor accounts' }, 'instructorIds');
    }
    if (body.requiredCourseIds?.length) {
      const ok = await m.query(
        `SELECT id FROM courses WHERE id = ANY($1) AND status = 'published' AND (institution_id = $2 OR sharing = 'shared')`,
        [body.requiredCourseIds, institutionId],
      );
      if (ok.length !== new Set(body.requiredCourseIds).size) {
        throw new AppError('VALIDATION_FAILED', { zh: '必修课程须为本机构或共享的已发布课程', en: 'Required courses must be published courses of the institution or shared ones' }, 'requiredCourseIds');
      }
    }
  }

  /** Give members the class's courses: its required courses and the course of its final exam. */
  async enrolInClassCourses(m: Pick<DataSource, 'query'>, classId: string, userIds: string[] | null, by: string) {
    await m.query(
      `INSERT INTO enrolments (user_id, course_id, source, assigned_by)
       SELECT cm.user_id, x.course_id, 'assigned', $3
         FROM class_members cm
         CROSS JOIN (SELECT course_id FROM class_courses WHERE class_id = $1
                     UNION SELECT q.course_id FROM training_classes c JOIN quizzes q ON q.id = c.exam_quiz_id WHERE c.id = $1) x
        WHERE cm.class_id = $1 AND ($2::uuid[] IS NULL OR cm.user_id = ANY($2))
       ON CONFLICT (user_id, course_id) DO NOTHING`,
      [classId, userIds, by],
    );
  }

  async create(p: Principal, body: Out<typeof ClassInput>): Promise<ClassView> {
    const institutionId = p.role === 'institution_admin' ? p.institutionId : null;
    if (!institutionId) {
      throw new AppError('FORBIDDEN', { zh: '班次由培训机构开设，请以机构管理员身份操作', en: 'Classes are opened by an institution\'s admin' });
    }
    const id = await this.ds.transaction(async (m) => {
      await this.checkRefs(m, institutionId, body);
      const [c] = await m.query(
        `INSERT INTO training_classes (institution_id, title, kind, appointment_level, starts_on, ends_on, exam_quiz_id, peer_review_opens_at, peer_review_closes_at, weights, pass_score, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
        [institutionId, body.title, body.kind, body.kind === 'appointment' ? body.appointmentLevel : null, body.startsOn, body.endsOn, body.examQuizId,
          body.peerReviewOpensAt, body.peerReviewClosesAt, JSON.stringify(body.weights), body.passScore, p.userId],
      );
      if (body.instructorIds.length) {
        await m.query('INSERT INTO class_instructors (class_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [c.id, [...new Set(body.instructorIds)]]);
      }
      if (body.requiredCourseIds.length) {
        await m.query('INSERT INTO class_courses (class_id, course_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [c.id, [...new Set(body.requiredCourseIds)]]);
      }
      return c.id as string;
    });
    return this.get(p, id);
  }

  async addMembers(p: Principal, id: string, body: Out<typeof ClassMembersRequest>): Promise<ClassView> {
    const c = await this.row(id);
    if ((await this.roleIn(p, c)) !== 'admin') throw new AppError('FORBIDDEN', { zh: '只有本机构管理员可以编排学员', en: 'Only the institution\'s admins enrol trainees' });
    const ids = [...new Set(body.userIds)];
    const found: { id: string }[] = await this.ds.query(`SELECT id FROM users WHERE id = ANY($1) AND role = 'official' AND NOT disabled`, [ids]);
    if (found.length !== ids.length) {
      const missing = ids.filter((x) => !found.some((f) => f.id === x));
      throw new AppError('VALIDATION_FAILED', { zh: `${missing.length} 人不是在用的学员账号，未编排任何人`, en: `${missing.length} are not active officials; nobody was enrolled` }, 'userIds', { details: { missing } });
    }
    if (c.status === 'finished') throw new AppError('CONFLICT', { zh: '班次已结业，不能再编排学员', en: 'The class has finished; nobody can be enrolled' });
    await this.ds.transaction(async (m) => {
      await m.query('INSERT INTO class_members (class_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [id, ids]);
      // the class's courses (required ones, and the final exam's) are given to its trainees
      await this.enrolInClassCourses(m, id, ids, p.userId);
    });
    return this.view(c, 'admin');
  }

  /** Officials an admin may enrol: active, not members yet, under the institution's org unit (any, for the system admin). */
  async candidates(p: Principal, id: string, q?: string) {
    const c = await this.row(id);
    if ((await this.roleIn(p, c)) !== 'admin') throw new AppError('FORBIDDEN', { zh: '只有本机构管理员可以编排学员', en: 'Only the institution\'s admins enrol trainees' });
    const needle = q ? `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
    const items = await this.ds.query(
      `SELECT u.id, u.name, u.username, u.staff_no AS "staffNo", ou.name AS "orgUnitName"
         FROM users u LEFT JOIN org_units ou ON ou.id = u.org_unit_id
        WHERE u.role = 'official' AND NOT u.disabled
          AND NOT EXISTS (SELECT 1 FROM class_members m WHERE m.class_id = $1 AND m.user_id = u.id)
          AND ($2::text IS NULL OR u.name ILIKE $2 OR u.username ILIKE $2 OR u.staff_no ILIKE $2)
          AND ($3::boolean OR ou.path LIKE (SELECT iu.path FROM institutions i JOIN org_units iu ON iu.id = i.org_unit_id WHERE i.id = $4) || '%')
        ORDER BY u.name, u.id LIMIT 30`,
      [id, needle, p.role === 'sys_admin', c.institution_id],
    );
    return { items };
  }

  // ---- the learning journal (写实记录) -----------------------------------------------------------

  async journal(p: Principal, id: string, userId?: string): Promise<{ items: JournalEntryView[] }> {
    const c = await this.row(id);
    const role = await this.roleIn(p, c);
    // a trainee reads only their own entries
    const who = role === 'member' ? p.userId : (userId ?? null);
    const rows = await this.ds.query(
      `SELECT j.id, j.user_id AS "userId", u.name AS "userName", to_char(j.entry_date, 'YYYY-MM-DD') AS "entryDate", j.content, j.created_at AS "createdAt"
         FROM journal_entries j JOIN users u ON u.id = j.user_id
        WHERE j.class_id = $1 AND ($2::uuid IS NULL OR j.user_id = $2) ORDER BY j.entry_date DESC, j.created_at DESC`,
      [id, who],
    );
    return { items: rows.map((r: JournalEntryView & { createdAt: Date }) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })) };
  }

  async addJournal(p: Principal, id: string, body: Out<typeof JournalInput>): Promise<JournalEntryView> {
    const c = await this.row(id);
    if ((await this.roleIn(p, c)) !== 'member') throw new AppError('FORBIDDEN', { zh: '只有本班学员可以写实记录', en: 'Only the class\'s trainees keep a journal' });
    if (body.entryDate < c.starts_on || body.entryDate > c.ends_on) {
      throw new AppError('VALIDATION_FAILED', { zh: `日期须在班次期间（${c.starts_on} 至 ${c.ends_on}）`, en: `The date must fall within the class (${c.starts_on} to ${c.ends_on})` }, 'entryDate');
    }
    const [r] = await this.ds.query(
      `INSERT INTO journal_entries (class_id, user_id, entry_date, content) VALUES ($1,$2,$3,$4) RETURNING id, to_char(entry_date, 'YYYY-MM-DD') AS "entryDate", created_at`,
      [id, p.userId, body.entryDate, body.content],
    );
    const [u] = await this.ds.query('SELECT name FROM users WHERE id = $1', [p.userId]);
    return { id: r.id, userId: p.userId, userName: u.name, entryDate: r.entryDate, content: body.content, createdAt: new Date(r.created_at).toISOString() };
  }

  // ---- peer review (民主评议) ---------------------------------------------------------------------

  async peerState(p: Principal, id: string) {
    const c = await this.row(id);
    if ((await this.roleIn(p, c)) !== 'member') throw new AppError('FORBIDDEN', { zh: '只有本班学员参加民主评议', en: 'Only the class\'s trainees take part in the peer review' });
    const now = Date.now();
    const open = !!c.peer_review_opens_at && !!c.peer_review_closes_at && now >= new Date(c.peer_review_opens_at).getTime() && now <= new Date(c.peer_review_closes_at).getTime();
    const mates = await this.ds.query(
      `SELECT u.id, u.name, pr.attitude, pr.participation, pr.interaction, pr.results
         FROM class_members m JOIN users u ON u.id = m.user_id
         LEFT JOIN peer_reviews pr ON pr.class_id = m.class_id AND pr.reviewer_id = $2 AND pr.reviewee_id = u.id
        WHERE m.class_id = $1 AND m.user_id <> $2 ORDER BY u.name, u.id`,
      [id, p.userId],
    );
    return {
      open,
      opensAt: iso(c.peer_review_opens_at),
      closesAt: iso(c.peer_review_closes_at),
      classmates: mates.map((m: { id: string; name: string; attitude: number | null; participation: number; interaction: number; results: number }) => ({
        id: m.id,
        name: m.name,
        mine: m.attitude === null ? null : { attitude: m.attitude, participation: m.participation, interaction: m.interaction, results: m.results },
      })),
    };
  }

  async submitPeer(p: Principal, id: string, body: Out<typeof PeerReviewInput>) {
    const state = await this.peerState(p, id);
    if (!state.open) {
      throw new AppError('CONFLICT', { zh: '民主评议不在开放时间内', en: 'The peer review is not open' }, 'revieweeId');
    }
    if (!state.classmates.some((m: { id: string }) => m.id === body.revieweeId)) {
      throw new AppError('VALIDATION_FAILED', { zh: '只能评议本班的其他学员', en: 'Rate your classmates only (not yourself)' }, 'revieweeId');
    }
    await this.ds.query(
      `INSERT INTO peer_reviews (class_id, reviewer_id, reviewee_id, attitude, participation, interaction, results) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (class_id, reviewer_id, reviewee_id) DO UPDATE SET attitude = EXCLUDED.attitude, participation = EXCLUDED.participation,
              interaction = EXCLUDED.interaction, results = EXCLUDED.results, created_at = now()`,
      [id, p.userId, body.revieweeId, body.attitude, body.participation, body.interaction, body.results],
    );
    return this.peerState(p, id);
  }

  // ---- instructor scores and the records ---------------------------------------------------------

  async score(p: Principal, id: string, userId: string, body: Out<typeof InstructorScoreInput>): Promise<AssessmentRecord> {
    const c = await this.row(id);
    const role = await this.roleIn(p, c);
    if (role === 'member') throw new AppError('FORBIDDEN', { zh: '只有本班教师可以评分', en: 'Only the class\'s instructors score' });
    const [m] = await this.ds.query('SELECT 1 FROM class_members WHERE class_id = $1 AND user_id = $2', [id, userId]);
    if (!m) throw notFound({ zh: '该学员不在本班', en: 'That trainee is not in this class' });
    await this.ds.query(
      `INSERT INTO instructor_scores (class_id, user_id, attitude, participation, interaction, results, comment, scored_by, scored_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8, now())
       ON CONFLICT (class_id, user_id) DO UPDATE SET attitude = EXCLUDED.attitude, participation = EXCLUDED.participation, interaction = EXCLUDED.interaction,
              results = EXCLUDED.results, comment = EXCLUDED.comment, scored_by = EXCLUDED.scored_by, scored_at = now()`,
      [id, userId, body.attitude, body.participation, body.interaction, body.results, body.comment, p.userId],
    );
    return (await this.records(c, userId))[0];
  }

  async assessment(p: Principal, id: string): Promise<{ items: AssessmentRecord[] }> {
    const c = await this.row(id);
    const role = await this.roleIn(p, c);
    return { items: await this.records(c, role === 'member' ? p.userId : null) };
  }

  async records(c: ClassRow, only: string | null): Promise<AssessmentRecord[]> {
    const rows: {
      user_id: string; name: string; i_att: string | null; i_par: string; i_int: string; i_res: string; comment: string;
      p_att: string | null; p_par: string; p_int: string; p_res: string; raters: number; exam: string | null; exam_passed: boolean | null; journal: number;
    }[] = await this.ds.query(
      `SELECT u.id AS user_id, u.name,
              s.attitude AS i_att, s.participation AS i_par, s.interaction AS i_int, s.results AS i_res, s.comment,
              pr.att AS p_att, pr.par AS p_par, pr.inter AS p_int, pr.res AS p_res, coalesce(pr.raters, 0)::int AS raters,
              ex.score AS exam, ex.passed AS exam_passed,
              (SELECT count(*)::int FROM journal_entries j WHERE j.class_id = m.class_id AND j.user_id = u.id) AS journal
         FROM class_members m JOIN users u ON u.id = m.user_id
         LEFT JOIN instructor_scores s ON s.class_id = m.class_id AND s.user_id = u.id
         LEFT JOIN LATERAL (SELECT avg(attitude) AS att, avg(participation) AS par, avg(interaction) AS inter, avg(results) AS res, count(*) AS raters
                              FROM peer_reviews r WHERE r.class_id = m.class_id AND r.reviewee_id = u.id HAVING count(*) > 0) pr ON true
         LEFT JOIN LATERAL (SELECT a.score, a.passed FROM quiz_attempts a WHERE a.quiz_id = $2 AND a.user_id = u.id AND a.submitted_at IS NOT NULL
                             ORDER BY a.score DESC LIMIT 1) ex ON true
        WHERE m.class_id = $1 AND ($3::uuid IS NULL OR u.id = $3) ORDER BY u.name, u.id`,
      [c.id, c.exam_quiz_id, only],
    );
    return rows.map((r) =>
      assessmentRecord({
        userId: r.user_id,
        name: r.name,
        weights: c.weights,
        hasExam: !!c.exam_quiz_id,
        passScore: c.pass_score,
        instructor: r.i_att === null ? null : { attitude: Number(r.i_att), participation: Number(r.i_par), interaction: Number(r.i_int), results: Number(r.i_res), comment: r.comment },
        peer: r.p_att === null ? null : { attitude: Number(r.p_att), participation: Number(r.p_par), interaction: Number(r.p_int), results: Number(r.p_res), raters: r.raters },
        exam: r.exam === null ? null : { score: Number(r.exam), passed: !!r.exam_passed },
        journalEntries: r.journal,
      }),
    );
  }
}
