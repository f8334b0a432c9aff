import { Injectable, Logger } from '@nestjs/common';
import type { CourseCompletion as CompletionView } from '@xueshi/shared';
import { DataSource, EntityManager } from 'typeorm';
import { effectiveCreditHours } from '../courses/credit-hours';
import { chinaYear } from '../policy/policy.service';
import { LedgerRepository } from './ledger.repository';

interface LessonState {
  lesson_id: string;
  kind: string;
  duration: string | null;
  completed_at: Date | null;
  covered: string | null;
  verified: string | null;
}

/**
 * 课程完成: a course's hours are credited when every lesson meets its rule, the final exam is
 * passed where the course has one, and the course evaluation is submitted (P9) — in whatever
 * order these happen, exactly once. Each of the three paths (the crediting worker, a graded
 * exam, an evaluation) calls `tryCredit` in its own transaction after writing its part.
 */
@Injectable()
export class CourseCompletion {
  private readonly log = new Logger('course-completion');
  constructor(
    private readonly ds: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  /** The state of the three parts, read in `m` (after the official's lock where it matters). */
  private async parts(m: EntityManager, userId: string, courseId: string) {
    const lessons: LessonState[] = await m.query(
      `SELECT l.id AS lesson_id, l.kind, a.duration_seconds AS duration, lp.completed_at, lp.covered_seconds AS covered, lp.verified_seconds AS verified
         FROM lessons l LEFT JOIN media_assets a ON a.id = l.asset_id
         LEFT JOIN lesson_progress lp ON lp.lesson_id = l.id AND lp.user_id = $1
        WHERE l.course_id = $2 ORDER BY l.position`,
      [userId, courseId],
    );
    const [exam]: { quiz_id: string; max_attempts: number; attempt_id: string | null; score: string | null; used: number }[] = await m.query(
      `SELECT q.id AS quiz_id, q.max_attempts,
              (SELECT a.id FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.user_id = $1 AND a.passed ORDER BY a.score DESC, a.number LIMIT 1) AS attempt_id,
              (SELECT max(a.score) FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.user_id = $1 AND a.passed) AS score,
              (SELECT count(*)::int FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.user_id = $1) AS used
         FROM quizzes q WHERE q.course_id = $2 AND q.kind = 'final_exam'`,
      [userId, courseId],
    );
    const [evaluation]: { created_at: Date }[] = await m.query('SELECT created_at FROM course_evaluations WHERE user_id = $1 AND course_id = $2', [userId, courseId]);
    const [credited]: { hours: string }[] = await m.query(`SELECT hours FROM credit_ledger WHERE user_id = $1 AND course_id = $2 AND kind = 'course' LIMIT 1`, [userId, courseId]);
    return { lessons, exam: exam ?? null, evaluation: evaluation ?? null, credited: credited ?? null };
  }

  async status(userId: string, courseId: string): Promise<CompletionView> {
    const p = await this.parts(this.ds.manager, userId, courseId);
    const lessonsDone = p.lessons.length > 0 && p.lessons.every((l) => l.completed_at);
    const examDone = !p.exam || !!p.exam.attempt_id;
    const missing: CompletionView['missing'] = [];
    if (!lessonsDone) missing.push('lessons');
    if (!examDone) missing.push('exam');
    if (!p.evaluation) missing.push('evaluation');
    return {
      courseId,
      lessons: { total: p.lessons.length, completed: p.lessons.filter((l) => l.completed_at).length },
      exam: p.exam ? { quizId: p.exam.quiz_id, passed: !!p.exam.attempt_id, attemptsLeft: Math.max(0, p.exam.max_attempts - p.exam.used) } : null,
      evaluated: !!p.evaluation,
      credited: !!p.credited,
      creditedHours: p.credited ? Number(p.credited.hours) : null,
      missing: p.credited ? [] : missing,
    };
  }

  /**
   * Credit the course if its rule is now met and it is not credited yet. Takes the official's lock
   * first, then reads: whichever of two concurrent paths commits second sees the other's part.
   */
  async tryCredit(m: EntityManager, userId: string, courseId: string): Promise<boolean> {
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [userId]);
    const p = await this.parts(m, userId, courseId);
    if (p.credited || !p.lessons.length || p.lessons.some((l) => !l.completed_at)) return false;
    if (p.exam && !p.exam.attempt_id) return false;
    if (!p.evaluation) return false;
    const [course] = await m.query('SELECT credit_hours, category_id FROM courses WHERE id = $1', [courseId]);
    // videos' durations and documents' minimum reading time
    const contentSeconds = p.lessons.reduce((s, l) => s + Number(l.duration ?? 0), 0);
    const sessions: { id: string; lesson_id: string }[] = await m.query(
      'SELECT id, lesson_id FROM play_sessions WHERE user_id = $1 AND course_id = $2 AND verified_seconds > 0 ORDER BY started_at',
      [userId, courseId],
    );
    const entry = await this.ledger.append(m, {
      userId,
      kind: 'course',
      courseId,
      hours: effectiveCreditHours(course.credit_hours === null ? null : Number(course.credit_hours), contentSeconds),
      categoryId: course.category_id,
      year: chinaYear(),
      evidence: {
        rule: p.exam ? 'all-lessons+final-exam+evaluation' : 'all-lessons+evaluation',
        lessons: p.lessons.map((l) => ({
          lessonId: l.lesson_id,
          durationSeconds: Number(l.duration ?? 0),
          coveredSeconds: Number(l.covered ?? 0),
          verifiedSeconds: Number(l.verified ?? 0),
          sessions: sessions.filter((s) => s.lesson_id === l.lesson_id).map((s) => s.id),
        })),
        ...(p.exam ? { exam: { quizId: p.exam.quiz_id, attemptId: p.exam.attempt_id, score: Number(p.exam.score) } } : {}),
        evaluation: { submittedAt: new Date(p.evaluation.created_at).toISOString() },
      },
      reason: null,
      createdBy: null,
    });
    this.log.log(`credited course ${courseId} to ${userId}: ${entry.hours} h (ledger #${entry.seq})`);
    return true;
  }
}
