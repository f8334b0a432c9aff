import { Injectable } from '@nestjs/common';
import {
  EVALUATION_MIN_RESPONSES, EVALUATION_POINTS,
  type AttemptSummary, type AttemptView, type EvaluationResults, type QuestionListResponse, type QuestionView, type QuizStats, type QuizView,
} from '@xueshi/shared';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import type {
  EvaluationInput, EvaluationResultsQuery, QuestionInput, QuestionListQuery, QuizInput, QuizUpdate, SaveAnswerRequest,
} from '@xueshi/shared';
import { AppError, Lang, notFound } from '../../common/errors';
import type { Principal } from '../../common/request';
import { ImportFileError, readSheet } from '../accounts/import-file';
import { courseRights } from '../courses/course-access';
import { CoursesRepository } from '../courses/courses.repository';
import { CourseCompletion } from '../credits/course-completion';
import { AttemptCloser } from './attempt-closer';
import { BankTooSmall, drawable, drawAttempt, type BankQuestion } from './grading';
import { buildQuestionSheet, parseQuestionSheet } from './question-sheet';
import type { DrawnQuestion } from './quiz-attempt.entity';

type Out<T extends z.ZodType> = z.output<T>;

const NO_COURSE = { zh: '课程不存在', en: 'No such course' };
const NO_QUESTION = { zh: '题目不存在', en: 'No such question' };
const NO_QUIZ = { zh: '测验不存在', en: 'No such quiz' };
const NO_ATTEMPT = { zh: '答卷不存在', en: 'No such attempt' };
const MAX_IMPORT_ROWS = 2000;

interface QuestionRow {
  id: string;
  course_id: string;
  type: QuestionView['type'];
  stem: string;
  options: QuestionView['options'];
  answer: string[];
  explanation: string;
  tags: string[];
  created_at: Date;
  updated_at: Date;
}
interface QuizRow {
  id: string;
  course_id: string;
  kind: QuizView['kind'];
  lesson_id: string | null;
  title: string;
  draw: QuizView['draw'];
  time_limit_minutes: number;
  max_attempts: number;
  pass_score: number;
  reveal: QuizView['reveal'];
}
interface AttemptRow {
  id: string;
  quiz_id: string;
  user_id: string;
  number: number;
  started_at: Date;
  deadline: Date;
  submitted_at: Date | null;
  closed_by: 'submitted' | 'expired' | null;
  score: string | null;
  correct_count: number | null;
  passed: boolean | null;
  results: Record<string, boolean> | null;
  questions: DrawnQuestion[];
  answers: Record<string, string[]>;
}

const questionView = (r: QuestionRow): QuestionView => ({
  id: r.id, courseId: r.course_id, type: r.type, stem: r.stem, options: r.options, answer: r.answer, explanation: r.explanation, tags: r.tags,
  createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
});

const summaryOf = (a: AttemptRow): AttemptSummary => ({
  id: a.id,
  number: a.number,
  status: a.submitted_at ? (a.closed_by === 'expired' ? 'expired' : 'submitted') : 'open',
  startedAt: new Date(a.started_at).toISOString(),
  deadline: new Date(a.deadline).toISOString(),
  submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
  score: a.score === null ? null : Number(a.score),
  passed: a.passed,
});

/** 题库、测验与考试、课程评估: the instructor's bank and quizzes, the official's attempts and evaluation. */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly courses: CoursesRepository,
    private readonly closer: AttemptCloser,
    private readonly completion: CourseCompletion,
  ) {}

  // ---- access ----------------------------------------------------------------------------------

  private async rights(p: Principal, courseId: string) {
    const row = await this.courses.row(p.userId, courseId);
    if (!row) throw notFound(NO_COURSE);
    const rights = courseRights(p, row);
    if (!rights.view) throw notFound(NO_COURSE);
    return rights;
  }

  private async manage(p: Principal, courseId: string) {
    const r = await this.rights(p, courseId);
    if (!r.manage) throw new AppError('FORBIDDEN', { zh: '只有本课程的教师和机构管理员可以管理题库和测验', en: 'Only the course\'s instructors and institution admins manage its bank and quizzes' });
  }

  private async learner(p: Principal, courseId: string) {
    const r = await this.rights(p, courseId);
    if (!r.play || p.role !== 'official') throw new AppError('FORBIDDEN', { zh: '请先选学或由单位安排该课程', en: 'Enrol in the course (or be assigned it) first' });
  }

  // ---- question bank ---------------------------------------------------------------------------

  async listQuestions(p: Principal, courseId: string, q: Out<typeof QuestionListQuery>): Promise<QuestionListResponse> {
    await this.manage(p, courseId);
    const all: QuestionRow[] = await this.ds.query('SELECT * FROM questions WHERE course_id = $1 AND deleted_at IS NULL ORDER BY created_at, id', [courseId]);
    const needle = q.q?.trim().toLowerCase();
    const items = all.filter((r) => (!q.type || r.type === q.type) && (!q.tag || r.tags.includes(q.tag)) && (!needle || r.stem.toLowerCase().includes(needle)));
    const counts: Record<string, number> = {};
    for (const r of all) counts[r.type] = (counts[r.type] ?? 0) + 1;
    return { items: items.map(questionView), tags: [...new Set(all.flatMap((r) => r.tags))].sort(), counts };
  }

  async createQuestion(p: Principal, courseId: string, body: Out<typeof QuestionInput>): Promise<QuestionView> {
    await this.manage(p, courseId);
    const [r]: QuestionRow[] = await this.ds.query(
      `INSERT INTO questions (course_id, type, stem, options, answer, explanation, tags, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING *`,
      [courseId, body.type, body.stem, JSON.stringify(body.options), JSON.stringify(body.answer), body.explanation, body.tags, p.userId],
    );
    return questionView(r);
  }

  private async question(p: Principal, id: string): Promise<QuestionRow> {
    const [r]: QuestionRow[] = await this.ds.query('SELECT * FROM questions WHERE id = $1 AND deleted_at IS NULL', [id]);
    if (!r) throw notFound(NO_QUESTION);
    await this.manage(p, r.course_id);
    return r;
  }

  async updateQuestion(p: Principal, id: string, body: Out<typeof QuestionInput>): Promise<QuestionView> {
    await this.question(p, id);
    const [[r]]: [QuestionRow[]] = await this.ds.query(
      `UPDATE questions SET type = $2, stem = $3, options = $4, answer = $5, explanation = $6, tags = $7, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, body.type, body.stem, JSON.stringify(body.options), JSON.stringify(body.answer), body.explanation, body.tags],
    );
    return questionView(r);
  }

  async deleteQuestion(p: Principal, id: string): Promise<{ ok: true }> {
    await this.question(p, id);
    await this.ds.query('UPDATE questions SET deleted_at = now() WHERE id = $1', [id]);
    return { ok: true };
  }

  /** All rows or none: a file with one bad row imports nothing and names the row. */
  async importQuestions(p: Principal, courseId: string, file: Buffer, lang: Lang) {
    await this.manage(p, courseId);
    let sheet;
    try {
      sheet = await readSheet(file);
    } catch (e) {
      if (e instanceof ImportFileError) throw new AppError('VALIDATION_FAILED', { zh: e.zh, en: e.en }, 'file');
      throw e;
    }
    const { rows, headerError } = parseQuestionSheet(sheet, lang);
    if (headerError) throw new AppError('VALIDATION_FAILED', { zh: headerError, en: headerError }, 'file');
    if (!rows.length) throw new AppError('VALIDATION_FAILED', { zh: '文件中没有题目', en: 'The file holds no questions' }, 'file');
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new AppError('VALIDATION_FAILED', { zh: `一次最多导入 ${MAX_IMPORT_ROWS} 题`, en: `At most ${MAX_IMPORT_ROWS} questions per file` }, 'file');
    }
    const bad = rows.filter((r) => r.errors.length);
    const report = { committed: false, total: rows.length, imported: 0, rows: bad.map((r) => ({ row: r.row, errors: r.errors })) };
    if (bad.length) {
      const first = bad[0];
      throw new AppError(
        'IMPORT_REJECTED',
        {
          zh: `${bad.length} 行有误，未导入任何题目；第 ${first.row} 行：${first.errors[0].message}`,
          en: `${bad.length} rows have errors; nothing was imported. Row ${first.row}: ${first.errors[0].message}`,
        },
        'file',
        { details: report },
      );
    }
    await this.ds.transaction(async (m) => {
      const ok = rows.map((r) => r.input!);
      await m.query(
        // clock_timestamp(): each row a later time, so the bank lists them in the file's order
        `INSERT INTO questions (course_id, type, stem, options, answer, explanation, tags, created_by, created_at)
         SELECT $1, t.type, t.stem, t.options, t.answer, t.explanation, ARRAY(SELECT jsonb_array_elements_text(t.tags)), $2, clock_timestamp()
           FROM jsonb_to_recordset($3::jsonb) AS t(type text, stem text, options jsonb, answer jsonb, explanation text, tags jsonb)`,
        [courseId, p.userId, JSON.stringify(ok.map((q) => ({ ...q, options: q.options ?? [], explanation: q.explanation ?? '', tags: q.tags ?? [] })))],
      );
    });
    return { ...report, committed: true, imported: rows.length };
  }

  async exportQuestions(p: Principal, courseId: string): Promise<Buffer> {
    const list = await this.listQuestions(p, courseId, {});
    return buildQuestionSheet(list.items);
  }

  // ---- quizzes -----------------------------------------------------------------------------------

  private async quizView(q: QuizRow, userId: string | null): Promise<QuizView> {
    const bank: Pick<BankQuestion, 'id' | 'type' | 'tags'>[] = await this.ds.query('SELECT id, type, tags FROM questions WHERE course_id = $1 AND deleted_at IS NULL', [q.course_id]);
    const mine: AttemptRow[] = userId ? await this.ds.query('SELECT * FROM quiz_attempts WHERE quiz_id = $1 AND user_id = $2 ORDER BY number DESC', [q.id, userId]) : [];
    return {
      id: q.id, courseId: q.course_id, kind: q.kind, lessonId: q.lesson_id, title: q.title, draw: q.draw, timeLimitMinutes: q.time_limit_minutes,
      maxAttempts: q.max_attempts, passScore: q.pass_score, reveal: q.reveal,
      questionCount: q.draw.reduce((s, r) => s + r.count, 0),
      ready: drawable(bank, q.draw),
      myAttempts: mine.map(summaryOf),
      attemptsLeft: Math.max(0, q.max_attempts - mine.length),
      passed: mine.some((a) => a.passed),
    };
  }

  private async quiz(id: string): Promise<QuizRow> {
    const [q]: QuizRow[] = await this.ds.query('SELECT * FROM quizzes WHERE id = $1', [id]);
    if (!q) throw notFound(NO_QUIZ);
    return q;
  }

  async listQuizzes(p: Principal, courseId: string): Promise<{ items: QuizView[] }> {
    const r = await this.rights(p, courseId);
    if (!r.manage && !r.play) throw new AppError('FORBIDDEN', { zh: '请先选学该课程', en: 'Enrol in the course first' });
    if (p.role === 'official') await this.closer.closeExpired({ userId: p.userId });
    const rows: QuizRow[] = await this.ds.query(
      `SELECT q.* FROM quizzes q LEFT JOIN lessons l ON l.id = q.lesson_id WHERE q.course_id = $1 ORDER BY q.kind = 'final_exam', l.position NULLS LAST, q.created_at`,
      [courseId],
    );
    return { items: await Promise.all(rows.map((q) => this.quizView(q, p.role === 'official' ? p.userId : null))) };
  }

  async createQuiz(p: Principal, courseId: string, body: Out<typeof QuizInput>): Promise<QuizView> {
    await this.manage(p, courseId);
    if (body.lessonId) {
      const [l] = await this.ds.query('SELECT 1 FROM lessons WHERE id = $1 AND course_id = $2', [body.lessonId, courseId]);
      if (!l) throw new AppError('VALIDATION_FAILED', { zh: '该课时不属于本课程', en: 'That lesson is not in this course' }, 'lessonId');
    }
    const rows: QuizRow[] = await this.ds.query(
      `INSERT INTO quizzes (course_id, kind, lesson_id, title, draw, time_limit_minutes, max_attempts, pass_score, reveal)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT DO NOTHING RETURNING *`,
      [courseId, body.kind, body.kind === 'final_exam' ? null : body.lessonId, body.title, JSON.stringify(body.draw), body.timeLimitMinutes, body.maxAttempts, body.passScore, body.reveal],
    );
    if (!rows.length) throw new AppError('CONFLICT', { zh: '本课程已有结业考试', en: 'The course already has a final exam' }, 'kind');
    return this.quizView(rows[0], null);
  }

  async updateQuiz(p: Principal, id: string, body: Out<typeof QuizUpdate>): Promise<QuizView> {
    const q = await this.quiz(id);
    await this.manage(p, q.course_id);
    const [[r]]: [QuizRow[]] = await this.ds.query(
      `UPDATE quizzes SET title = coalesce($2, title), draw = coalesce($3::jsonb, draw), time_limit_minutes = coalesce($4, time_limit_minutes),
              max_attempts = coalesce($5, max_attempts), pass_score = coalesce($6, pass_score), reveal = coalesce($7, reveal)
        WHERE id = $1 RETURNING *`,
      [id, body.title ?? null, body.draw ? JSON.stringify(body.draw) : null, body.timeLimitMinutes ?? null, body.maxAttempts ?? null, body.passScore ?? null, body.reveal ?? null],
    );
    return this.quizView(r, null);
  }

  async deleteQuiz(p: Principal, id: string): Promise<{ ok: true }> {
    const q = await this.quiz(id);
    await this.manage(p, q.course_id);
    const [{ n }] = await this.ds.query('SELECT count(*)::int AS n FROM quiz_attempts WHERE quiz_id = $1', [id]);
    if (n > 0) throw new AppError('CONFLICT', { zh: `已有 ${n} 份答卷，不能删除该测验`, en: `${n} attempts exist; the quiz cannot be removed` }, 'id');
    await this.ds.query('DELETE FROM quizzes WHERE id = $1', [id]);
    return { ok: true };
  }

  async quizStats(p: Principal, id: string): Promise<QuizStats> {
    const q = await this.quiz(id);
    await this.manage(p, q.course_id);
    const done: AttemptRow[] = await this.ds.query('SELECT * FROM quiz_attempts WHERE quiz_id = $1 AND submitted_at IS NOT NULL', [id]);
    const distribution = Array.from({ length: 10 }, () => 0);
    const perQ = new Map<string, { stem: string; type: QuizStats['questions'][number]['type']; answered: number; correct: number }>();
    for (const a of done) {
      distribution[Math.min(9, Math.floor(Number(a.score ?? 0) / 10))]++;
      for (const dq of a.questions) {
        const e = perQ.get(dq.id) ?? { stem: dq.stem, type: dq.type as QuizStats['questions'][number]['type'], answered: 0, correct: 0 };
        e.answered++;
        if (a.results?.[dq.id]) e.correct++;
        perQ.set(dq.id, e);
      }
    }
    const scores = done.map((a) => Number(a.score ?? 0));
    return {
      quizId: id,
      attempts: done.length,
      officials: new Set(done.map((a) => a.user_id)).size,
      passRate: done.length ? Math.round((done.filter((a) => a.passed).length / done.length) * 1000) / 1000 : null,
      averageScore: scores.length ? Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 10) / 10 : null,
      distribution,
      questions: [...perQ.entries()]
        .map(([questionId, e]) => ({ questionId, stem: e.stem, type: e.type, answered: e.answered, correctRate: e.answered ? Math.round((e.correct / e.answered) * 1000) / 1000 : null }))
        .sort((a, b) => (a.correctRate ?? 1) - (b.correctRate ?? 1)),
    };
  }

  // ---- attempts ----------------------------------------------------------------------------------

  private async attemptView(a: AttemptRow, q?: QuizRow): Promise<AttemptView> {
    const quiz = q ?? (await this.quiz(a.quiz_id));
    const closed = !!a.submitted_at;
    let review: AttemptView['review'] = null;
    if (closed) {
      const [{ used, passed }] = await this.ds.query(
        'SELECT count(*)::int AS used, coalesce(bool_or(passed), false) AS passed FROM quiz_attempts WHERE quiz_id = $1 AND user_id = $2',
        [a.quiz_id, a.user_id],
      );
      const show =
        quiz.reveal === 'after_submit' || (quiz.reveal === 'after_pass' && passed) || (quiz.reveal === 'after_final' && (passed || used >= quiz.max_attempts));
      if (show) review = a.questions.map((dq) => ({ questionId: dq.id, correct: !!a.results?.[dq.id], correctAnswer: dq.answer, explanation: dq.explanation }));
    }
    return {
      ...summaryOf(a),
      quizId: a.quiz_id,
      courseId: quiz.course_id,
      title: quiz.title,
      passScore: quiz.pass_score,
      serverNow: new Date().toISOString(),
      // the answers stay on the server until the review is allowed
      questions: a.questions.map((dq) => ({ id: dq.id, type: dq.type as AttemptView['questions'][number]['type'], stem: dq.stem, options: dq.options as AttemptView['questions'][number]['options'] })),
      answers: a.answers ?? {},
      correctCount: closed ? a.correct_count : null,
      review,
    };
  }

  private async ownAttempt(p: Principal, id: string): Promise<AttemptRow> {
    const [a]: AttemptRow[] = await this.ds.query('SELECT * FROM quiz_attempts WHERE id = $1', [id]);
    // another official's attempt does not exist for the caller
    if (!a || a.user_id !== p.userId) throw notFound(NO_ATTEMPT);
    return a;
  }

  async startAttempt(p: Principal, quizId: string): Promise<AttemptView> {
    const q = await this.quiz(quizId);
    await this.learner(p, q.course_id);
    await this.closer.closeExpired({ userId: p.userId });
    const id = await this.ds.transaction(async (m) => {
      // one start at a time per official and quiz: a double click opens one attempt
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 13))', [`${p.userId}/${quizId}`]);
      const mine: AttemptRow[] = await m.query('SELECT * FROM quiz_attempts WHERE quiz_id = $1 AND user_id = $2 ORDER BY number', [quizId, p.userId]);
      const open = mine.find((a) => !a.submitted_at);
      if (open) return open.id;
      if (mine.some((a) => a.passed)) throw new AppError('CONFLICT', { zh: '您已通过该测验', en: 'You have passed this quiz already' }, 'id');
      if (mine.length >= q.max_attempts) {
        throw new AppError('CONFLICT', { zh: `作答次数已用完（共 ${q.max_attempts} 次）`, en: `No attempts left (of ${q.max_attempts})` }, 'id');
      }
      const bank: BankQuestion[] = await m.query('SELECT id, type, stem, options, answer, explanation, tags FROM questions WHERE course_id = $1 AND deleted_at IS NULL', [q.course_id]);
      const tooSmall = new AppError('CONFLICT', { zh: '题库题目不足，暂不能作答，请联系授课教师', en: 'The question bank is too small for this quiz; contact the instructor' }, 'id');
      let drawn;
      try {
        drawn = drawAttempt(bank, q.draw);
      } catch (e) {
        throw e instanceof BankTooSmall ? tooSmall : e;
      }
      const now = new Date();
      const [row] = await m.query(
        `INSERT INTO quiz_attempts (quiz_id, user_id, number, started_at, deadline, questions) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
        [quizId, p.userId, mine.length + 1, now, new Date(now.getTime() + q.time_limit_minutes * 60_000), JSON.stringify(drawn)],
      );
      return row.id as string;
    });
    return this.attemptView(await this.ownAttempt(p, id), q);
  }

  async getAttempt(p: Principal, id: string): Promise<AttemptView> {
    let a = await this.ownAttempt(p, id);
    if (!a.submitted_at && new Date(a.deadline).getTime() < Date.now()) {
      await this.ds.transaction((m) => this.closer.close(m, id, 'expired'));
      a = await this.ownAttempt(p, id);
    }
    return this.attemptView(a);
  }

  async saveAnswer(p: Principal, id: string, body: Out<typeof SaveAnswerRequest>): Promise<{ savedAt: string }> {
    const a = await this.ownAttempt(p, id);
    const closedError = (handedIn: boolean) =>
      new AppError(
        'CONFLICT',
        handedIn ? { zh: '答卷已提交，不能再修改', en: 'The attempt is handed in' } : { zh: '已超过作答时限，答卷已按已保存的答案自动提交', en: 'Time is up: the attempt was handed in with the saved answers' },
        'answer',
      );
    if (a.submitted_at) throw closedError(a.closed_by !== 'expired');
    const dq = a.questions.find((x) => x.id === body.questionId);
    if (!dq) throw new AppError('VALIDATION_FAILED', { zh: '该题不在本次答卷中', en: 'That question is not in this attempt' }, 'questionId');
    const keys = dq.options.map((o) => o.key);
    const ans = body.answer.map((s) => s.trim()).filter((s) => s !== '');
    const bad =
      ((dq.type === 'single' || dq.type === 'true_false' || dq.type === 'fill') && ans.length > 1) ||
      ((dq.type === 'single' || dq.type === 'multiple') && ans.some((k) => !keys.includes(k))) ||
      (dq.type === 'true_false' && ans.some((v) => v !== 'true' && v !== 'false'));
    if (bad) throw new AppError('VALIDATION_FAILED', { zh: '答案与题型不符', en: 'The answer does not fit the question type' }, 'answer');
    // the deadline is the server's: checked in the same statement that saves
    const now = new Date();
    const [rows] = await this.ds.query(
      `UPDATE quiz_attempts SET answers = answers || jsonb_build_object($2::text, $3::jsonb)
        WHERE id = $1 AND submitted_at IS NULL AND deadline >= $4 RETURNING id`,
      [id, body.questionId, JSON.stringify(ans), now],
    );
    if (!rows.length) {
      // past the deadline (or handed in meanwhile): close it with what was saved
      const closedNow = await this.ds.transaction((m) => this.closer.close(m, id, 'expired'));
      throw closedError(!closedNow && (await this.ownAttempt(p, id)).closed_by === 'submitted');
    }
    return { savedAt: now.toISOString() };
  }

  /** Hand in: graded once; a second submit (or a submit after the deadline) returns the same result. */
  async submitAttempt(p: Principal, id: string): Promise<AttemptView> {
    const a = await this.ownAttempt(p, id);
    if (!a.submitted_at) {
      const late = new Date(a.deadline).getTime() < Date.now();
      await this.ds.transaction((m) => this.closer.close(m, id, late ? 'expired' : 'submitted'));
    }
    return this.attemptView(await this.ownAttempt(p, id));
  }

  // ---- evaluation (评估) -------------------------------------------------------------------------

  async myEvaluation(p: Principal, courseId: string) {
    await this.learner(p, courseId);
    const [e] = await this.ds.query('SELECT plan, content, teachers, management, comment, created_at FROM course_evaluations WHERE course_id = $1 AND user_id = $2', [courseId, p.userId]);
    return {
      submitted: !!e,
      submittedAt: e ? new Date(e.created_at).toISOString() : null,
      evaluation: e ? { plan: e.plan, content: e.content, teachers: e.teachers, management: e.management, comment: e.comment } : null,
    };
  }

  async submitEvaluation(p: Principal, courseId: string, body: Out<typeof EvaluationInput>) {
    await this.learner(p, courseId);
    await this.ds.transaction(async (m) => {
      const rows = await m.query(
        `INSERT INTO course_evaluations (course_id, user_id, plan, content, teachers, management, comment) VALUES ($1,$2,$3,$4,$5,$6,$7)
         ON CONFLICT (course_id, user_id) DO NOTHING RETURNING id`,
        [courseId, p.userId, body.plan, body.content, body.teachers, body.management, body.comment],
      );
      if (!rows.length) throw new AppError('CONFLICT', { zh: '您已评估过该课程', en: 'You have evaluated this course already' }, 'courseId');
      await this.completion.tryCredit(m, p.userId, courseId);
    });
    return this.myEvaluation(p, courseId);
  }

  async evaluationResults(p: Principal, q: Out<typeof EvaluationResultsQuery>): Promise<EvaluationResults> {
    let where: string;
    let arg: string;
    if (q.courseId) {
      const r = await this.rights(p, q.courseId);
      if (!r.manage && p.role !== 'org_admin') throw new AppError('FORBIDDEN', { zh: '无权查看该课程的评估', en: 'You may not see this course\'s evaluations' });
      where = 'e.course_id = $1';
      arg = q.courseId;
    } else if (q.instructorId) {
      if (p.role === 'instructor' && p.userId !== q.instructorId) throw new AppError('FORBIDDEN', { zh: '只能查看本人的评估结果', en: 'Instructors see their own results only' }, 'instructorId');
      if (p.role === 'institution_admin') {
        const [t] = await this.ds.query('SELECT 1 FROM users WHERE id = $1 AND institution_id = $2', [q.instructorId, p.institutionId]);
        if (!t) throw notFound({ zh: '教师不存在', en: 'No such instructor' });
      }
      where = 'e.course_id IN (SELECT course_id FROM course_instructors WHERE user_id = $1)';
      arg = q.instructorId;
    } else {
      if (p.role === 'instructor' || (p.role === 'institution_admin' && p.institutionId !== q.institutionId)) {
        throw new AppError('FORBIDDEN', { zh: '只能查看本机构的评估结果', en: 'You see your own institution\'s results only' }, 'institutionId');
      }
      where = 'e.course_id IN (SELECT id FROM courses WHERE institution_id = $1)';
      arg = q.institutionId!;
    }
    const rows: { plan: number; content: number; teachers: number; management: number; comment: string }[] = await this.ds.query(
      `SELECT e.plan, e.content, e.teachers, e.management, e.comment FROM course_evaluations e WHERE ${where} ORDER BY md5(e.id::text)`,
      [arg],
    );
    if (rows.length < EVALUATION_MIN_RESPONSES) return { responses: rows.length, visible: false, averages: null, distributions: null, comments: null };
    const averages: Record<string, number> = {};
    const distributions: Record<string, number[]> = {};
    for (const k of EVALUATION_POINTS) {
      averages[k] = Math.round((rows.reduce((s, r) => s + r[k], 0) / rows.length) * 100) / 100;
      distributions[k] = [1, 2, 3, 4, 5].map((v) => rows.filter((r) => r[k] === v).length);
    }
    return { responses: rows.length, visible: true, averages, distributions, comments: rows.map((r) => r.comment).filter((c) => c.trim() !== '') };
  }

  async completionOf(p: Principal, courseId: string) {
    await this.learner(p, courseId);
    await this.closer.closeExpired({ userId: p.userId });
    return this.completion.status(p.userId, courseId);
  }
}
