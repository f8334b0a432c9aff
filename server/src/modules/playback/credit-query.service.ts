import { Injectable } from '@nestjs/common';
import type { LessonCreditView, MyProgressResponse } from '@xueshi/shared';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors';
import type { Principal } from '../../common/request';
import { CoursesRepository } from '../courses/courses.repository';
import { effectiveCreditHours } from '../courses/credit-hours';
import { LedgerRepository } from '../credits/ledger.repository';
import { chinaYear, PolicyService } from '../policy/policy.service';
import { PlaybackRepository } from './playback.repository';

/** What the official sees of their credit: per lesson with reasons, and the year's total. */
@Injectable()
export class CreditQueryService {
  constructor(
    private readonly ds: DataSource,
    private readonly courses: CoursesRepository,
    private readonly sessions: PlaybackRepository,
    private readonly ledger: LedgerRepository,
    private readonly policy: PolicyService,
  ) {}

  lessonCredit(p: Principal, lessonId: string): Promise<LessonCreditView> {
    return this.lessonCreditOf(p.userId, lessonId);
  }

  /** The explanation of one official's credit for a lesson (also shown to the admin deciding an appeal). */
  async lessonCreditOf(userId: string, lessonId: string): Promise<LessonCreditView> {
    const lesson = await this.courses.findLesson(lessonId);
    if (!lesson) throw notFound({ zh: '课时不存在', en: 'No such lesson' });
    const [progress, sessions, rejections] = await Promise.all([
      this.sessions.progress(userId, lessonId),
      this.sessions.sessionsOf(userId, lessonId),
      this.sessions.rejections(userId, lessonId),
    ]);
    const uncounted: Record<string, number> = {};
    for (const s of sessions) for (const [k, v] of Object.entries(s.uncounted ?? {})) uncounted[k] = Math.round(((uncounted[k] ?? 0) + Number(v)) * 10) / 10;
    return {
      lessonId,
      durationSeconds: Number(lesson.asset?.durationSeconds ?? 0),
      coveredSeconds: progress?.coveredSeconds ?? 0,
      verifiedSeconds: progress?.verifiedSeconds ?? 0,
      coverage: progress?.coverage ?? [],
      completed: !!progress?.completedAt,
      completedAt: progress?.completedAt ? new Date(progress.completedAt).toISOString() : null,
      uncounted,
      sessions: sessions.map((s) => ({
        id: s.id,
        startedAt: s.startedAt.toISOString(),
        endedAt: s.endedAt?.toISOString() ?? null,
        endReason: s.endReason,
        verifiedSeconds: s.verifiedSeconds,
        device: s.device,
      })),
      rejectedBeats: rejections.map((r) => ({ sessionId: r.session_id, seq: r.seq, reason: r.reason, at: new Date(r.at).toISOString() })),
    };
  }

  async myProgress(p: Principal): Promise<MyProgressResponse> {
    const year = chinaYear();
    const pol = await this.policy.forYear(year);
    const entries = await this.ledger.entriesOf(p.userId, year);
    const rows: { course_id: string; title: string; credit_hours: string | null; lessons: number; done: number; content_seconds: string }[] = await this.ds.query(
      `SELECT c.id AS course_id, c.title, c.credit_hours,
              (SELECT count(*)::int FROM lessons l WHERE l.course_id = c.id) AS lessons,
              (SELECT count(*)::int FROM lesson_progress lp WHERE lp.course_id = c.id AND lp.user_id = $1 AND lp.completed_at IS NOT NULL) AS done,
              (SELECT coalesce(sum(a.duration_seconds), 0) FROM lessons l JOIN media_assets a ON a.id = l.asset_id WHERE l.course_id = c.id) AS content_seconds
         FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1 ORDER BY e.created_at`,
      [p.userId],
    );
    const credited = new Set(entries.filter((e) => e.kind === 'course').map((e) => e.courseId));
    const total = entries.reduce((s, e) => s + Number(e.hours), 0);
    return {
      year,
      requiredHours: pol.yearlyHours,
      creditedHours: Math.round(total * 10) / 10,
      entries: entries.map((e) => ({
        id: String(e.id), seq: e.seq, kind: e.kind, courseId: e.courseId, courseTitle: e.courseTitle, hours: Number(e.hours), categoryId: e.categoryId,
        year: e.year, evidence: e.evidence, reason: e.reason, createdAt: new Date(e.createdAt).toISOString(), hash: e.hash,
      })),
      courses: rows.map((r) => ({
        courseId: r.course_id,
        title: r.title,
        creditHours: effectiveCreditHours(r.credit_hours === null ? null : Number(r.credit_hours), Number(r.content_seconds)),
        lessons: r.lessons,
        lessonsCompleted: r.done,
        credited: credited.has(r.course_id),
      })),
    };
  }
}
