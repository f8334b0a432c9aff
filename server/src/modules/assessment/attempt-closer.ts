import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CourseCompletion } from '../credits/course-completion';
import { grade } from './grading';
import type { DrawnQuestion } from './quiz-attempt.entity';

interface OpenAttempt {
  id: string;
  user_id: string;
  course_id: string;
  kind: string;
  pass_score: number;
  questions: DrawnQuestion[];
  answers: Record<string, string[]>;
  submitted_at: Date | null;
}

/**
 * Grading, once per attempt: by the official's submit, or at the deadline with what was saved.
 * Used by the api (submit; and lazily when an expired attempt is read) and by the worker (a
 * sweep of attempts past their deadline), all through `close`, which locks the attempt's row.
 */
@Injectable()
export class AttemptCloser {
  constructor(
    private readonly ds: DataSource,
    private readonly completion: CourseCompletion,
  ) {}

  /** Grade and close one attempt if still open; a passed final exam may complete the course. Idempotent. */
  async close(m: EntityManager, attemptId: string, by: 'submitted' | 'expired', now = new Date()): Promise<boolean> {
    const [a]: OpenAttempt[] = await m.query(
      `SELECT a.id, a.user_id, q.course_id, q.kind, q.pass_score, a.questions, a.answers, a.submitted_at
         FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id WHERE a.id = $1 FOR UPDATE OF a`,
      [attemptId],
    );
    if (!a || a.submitted_at) return false;
    const g = grade(a.questions, a.answers ?? {}, a.pass_score);
    await m.query(
      `UPDATE quiz_attempts SET submitted_at = CASE WHEN $3 = 'expired' THEN least($2::timestamptz, deadline) ELSE $2 END, closed_by = $3, score = $4, correct_count = $5, passed = $6, results = $7 WHERE id = $1`,
      [a.id, now, by, g.score, g.correctCount, g.passed, JSON.stringify(g.results)],
    );
    if (g.passed && a.kind === 'final_exam') await this.completion.tryCredit(m, a.user_id, a.course_id);
    return true;
  }

  /** Close every attempt whose deadline has passed (the worker's sweep; also before reading an official's attempts). */
  async closeExpired(filter: { userId?: string } = {}, now = new Date()): Promise<number> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM quiz_attempts WHERE submitted_at IS NULL AND deadline < $1 ${filter.userId ? 'AND user_id = $2' : ''} ORDER BY deadline LIMIT 500`,
      filter.userId ? [now, filter.userId] : [now],
    );
    let n = 0;
    for (const r of rows) if (await this.ds.transaction((m) => this.close(m, r.id, 'expired', now))) n++;
    return n;
  }
}
