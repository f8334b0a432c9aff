import { Injectable } from '@nestjs/common';
import type { AppealView } from '@xueshi/shared';
import { DataSource, EntityManager } from 'typeorm';
import { scopeCondition, SubjectScope } from './supervision-scope';

export type AppealStatus = AppealView['status'];

export interface AppealFilters {
  status: AppealStatus | 'all';
  /** absent: every row (the export) */
  page?: number;
  pageSize?: number;
}

/** What the decision of an appeal needs to know about it. */
export interface OpenedAppeal {
  userId: string;
  courseId: string;
  lessonId: string;
  createdAt: Date;
  categoryId: string | null;
}

interface AppealRow {
  id: string; userId: string; userName: string; unitName: string | null; courseId: string; courseTitle: string | null; lessonId: string;
  lessonTitle: string | null; reason: string; status: AppealStatus; decisionReason: string | null; hours: number | null;
  decidedByName: string | null; decidedAt: Date | null; createdAt: Date;
}

const VIEW_SELECT = `
  SELECT a.id, a.user_id AS "userId", u.name AS "userName", ou.name AS "unitName", a.course_id AS "courseId", c.title AS "courseTitle",
         a.lesson_id AS "lessonId", l.title AS "lessonTitle", a.reason, a.status, a.decision_reason AS "decisionReason", a.hours::float AS hours,
         d.name AS "decidedByName", a.decided_at AS "decidedAt", a.created_at AS "createdAt"
    FROM appeals a
    JOIN users u ON u.id = a.user_id
    LEFT JOIN org_units ou ON ou.id = u.org_unit_id
    LEFT JOIN courses c ON c.id = a.course_id
    LEFT JOIN lessons l ON l.id = a.lesson_id
    LEFT JOIN users d ON d.id = a.decided_by`;

function toView(r: AppealRow): AppealView {
  return {
    id: r.id,
    userId: r.userId,
    userName: r.userName,
    unitName: r.unitName,
    courseId: r.courseId,
    courseTitle: r.courseTitle ?? '',
    lessonId: r.lessonId,
    lessonTitle: r.lessonTitle ?? '',
    reason: r.reason,
    status: r.status,
    decisionReason: r.decisionReason,
    hours: r.hours,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

/** 申诉: appeals against a lesson's uncounted time. */
@Injectable()
export class AppealsRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  async list(scope: SubjectScope, f: AppealFilters): Promise<{ items: AppealView[]; total: number }> {
    const params: unknown[] = [];
    const where = [scopeCondition(scope, 'a.user_id', 'ou.path', params)];
    if (f.status !== 'all') {
      params.push(f.status);
      where.push(`a.status = $${params.length}`);
    }
    const cond = where.join(' AND ');
    let sql = `${VIEW_SELECT} WHERE ${cond} ORDER BY a.created_at DESC, a.id`;
    const pageParams = [...params];
    if (f.page !== undefined && f.pageSize !== undefined) {
      pageParams.push(f.pageSize, (f.page - 1) * f.pageSize);
      sql += ` LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`;
    }
    const [rows, [count]] = await Promise.all([
      this.ds.query(sql, pageParams) as Promise<AppealRow[]>,
      f.page !== undefined
        ? (this.ds.query(
            `SELECT count(*)::int AS n FROM appeals a JOIN users u ON u.id = a.user_id LEFT JOIN org_units ou ON ou.id = u.org_unit_id WHERE ${cond}`,
            params,
          ) as Promise<{ n: number }[]>)
        : Promise.resolve([{ n: -1 }]),
    ]);
    return { items: rows.map(toView), total: count.n < 0 ? rows.length : count.n };
  }

  async findInScope(scope: SubjectScope, id: string, m: EntityManager = this.ds.manager): Promise<AppealView | null> {
    const params: unknown[] = [id];
    const [row] = (await m.query(`${VIEW_SELECT} WHERE a.id = $1 AND ${scopeCondition(scope, 'a.user_id', 'ou.path', params)}`, params)) as AppealRow[];
    return row ? toView(row) : null;
  }

  /**
   * The lesson's course, if the official is enrolled in it. The enrolment row is locked until the
   * transaction ends: two filings of the same official on one course take turns.
   */
  async lockEnrolledLesson(m: EntityManager, userId: string, lessonId: string): Promise<{ courseId: string } | null> {
    const [row] = await m.query(
      `SELECT l.course_id AS "courseId" FROM lessons l JOIN enrolments e ON e.course_id = l.course_id AND e.user_id = $1
        WHERE l.id = $2 FOR UPDATE OF e`,
      [userId, lessonId],
    );
    return row ?? null;
  }

  async hasOpen(m: EntityManager, userId: string, lessonId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM appeals WHERE user_id = $1 AND lesson_id = $2 AND status = 'open' LIMIT 1`, [userId, lessonId]);
    return rows.length > 0;
  }

  async insert(m: EntityManager, a: { userId: string; courseId: string; lessonId: string; reason: string }): Promise<string> {
    const [row] = await m.query(`INSERT INTO appeals (user_id, course_id, lesson_id, reason) VALUES ($1, $2, $3, $4) RETURNING id`, [
      a.userId, a.courseId, a.lessonId, a.reason,
    ]);
    return row.id;
  }

  /**
   * Close an open appeal: the WHERE status = 'open' makes a second, concurrent decision wait for the
   * first and then find nothing to change. null: the appeal was not open.
   */
  async decide(
    m: EntityManager,
    id: string,
    d: { status: 'accepted' | 'rejected'; reason: string; hours: number | null; decidedBy: string },
  ): Promise<OpenedAppeal | null> {
    const [rows] = await m.query(
      `UPDATE appeals a SET status = $2, decision_reason = $3, hours = $4, decided_by = $5, decided_at = now()
        WHERE a.id = $1 AND a.status = 'open'
        RETURNING a.user_id AS "userId", a.course_id AS "courseId", a.lesson_id AS "lessonId", a.created_at AS "createdAt",
                  (SELECT c.category_id FROM courses c WHERE c.id = a.course_id) AS "categoryId"`,
      [id, d.status, d.reason, d.hours, d.decidedBy],
    );
    const row = (rows as OpenedAppeal[])[0];
    return row ? { ...row, createdAt: new Date(row.createdAt) } : null;
  }

  async setCorrectionEntry(m: EntityManager, id: string, entryId: string): Promise<void> {
    await m.query('UPDATE appeals SET correction_entry_id = $2 WHERE id = $1', [id, entryId]);
  }
}
