import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CourseStatus } from '@xueshi/shared';
import { CategoryEntity } from './category.entity';
import { ChapterEntity } from './chapter.entity';
import { CourseInstructorEntity } from './course-instructor.entity';
import { CourseEntity } from './course.entity';
import { LessonEntity } from './lesson.entity';

/** A course row with what lists show about it, computed in the same query. */
export interface CourseRow {
  id: string;
  title: string;
  summary: string;
  category_id: string;
  category_name: string;
  required: boolean;
  micro_lecture: boolean;
  credit_hours: string | null;
  institution_id: string;
  institution_name: string;
  sharing: 'institution' | 'shared';
  status: CourseStatus;
  review_comment: string | null;
  published_at: Date | null;
  updated_at: Date;
  lesson_count: number;
  /** ready content in seconds: videos' durations and documents' minimum reading time */
  content_seconds: string;
  instructor_names: string[] | null;
  instructor_ids: string[] | null;
  enrolment: 'elective' | 'assigned' | null;
  cover_asset_id: string | null;
}

export interface CourseFilter {
  published?: boolean;
  statuses?: CourseStatus[];
  q?: string;
  categoryId?: string;
  required?: boolean;
  institutionId?: string;
  /** courses this user teaches */
  instructorId?: string;
  /** courses this user is enrolled in */
  enrolledUserId?: string;
  ids?: string[];
}

const SUMMARY_SQL = `
  SELECT c.id, c.title, c.summary, c.category_id, cat.name_zh AS category_name, c.required, c.micro_lecture, c.credit_hours,
         c.institution_id, i.name AS institution_name, c.sharing, c.status, c.review_comment, c.published_at, c.updated_at,
         (SELECT count(*)::int FROM lessons l WHERE l.course_id = c.id) AS lesson_count,
         (SELECT coalesce(sum(a.duration_seconds), 0) FROM lessons l JOIN media_assets a ON a.id = l.asset_id
           WHERE l.course_id = c.id AND a.status = 'ready') AS content_seconds,
         (SELECT array_agg(u.name ORDER BY u.name) FROM course_instructors ci JOIN users u ON u.id = ci.user_id WHERE ci.course_id = c.id) AS instructor_names,
         (SELECT array_agg(ci.user_id) FROM course_instructors ci WHERE ci.course_id = c.id) AS instructor_ids,
         (SELECT e.source FROM enrolments e WHERE e.course_id = c.id AND e.user_id = $1) AS enrolment,
         (SELECT a.id FROM lessons l JOIN chapters ch ON ch.id = l.chapter_id JOIN media_assets a ON a.id = l.asset_id
           WHERE l.course_id = c.id AND a.kind = 'video' AND a.status = 'ready' ORDER BY ch.position, l.position LIMIT 1) AS cover_asset_id
    FROM courses c
    JOIN categories cat ON cat.id = c.category_id
    JOIN institutions i ON i.id = c.institution_id`;

@Injectable()
export class CoursesRepository {
  constructor(private readonly ds: DataSource) {}

  categories(): Promise<CategoryEntity[]> {
    return this.ds.getRepository(CategoryEntity).find({ order: { sort: 'ASC', nameZh: 'ASC' } });
  }

  findCategory(id: string): Promise<CategoryEntity | null> {
    return this.ds.getRepository(CategoryEntity).findOne({ where: { id } });
  }

  async insertCategory(c: Partial<CategoryEntity>): Promise<CategoryEntity> {
    const r = await this.ds.getRepository(CategoryEntity).insert(c);
    return (await this.findCategory(r.identifiers[0].id))!;
  }

  async updateCategory(id: string, patch: Partial<CategoryEntity>): Promise<void> {
    await this.ds.getRepository(CategoryEntity).update({ id }, patch);
  }

  private where(f: CourseFilter, params: unknown[]): string {
    const w: string[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.published) w.push(`c.status = 'published'`);
    if (f.statuses?.length) w.push(`c.status = ANY(${p(f.statuses)})`);
    if (f.q) w.push(`c.title ILIKE ${p(`%${f.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`)}`);
    if (f.categoryId) w.push(`c.category_id = ${p(f.categoryId)}`);
    if (f.required !== undefined) w.push(`c.required = ${p(f.required)}`);
    if (f.institutionId) w.push(`c.institution_id = ${p(f.institutionId)}`);
    if (f.instructorId) w.push(`EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = ${p(f.instructorId)})`);
    if (f.enrolledUserId) w.push(`EXISTS (SELECT 1 FROM enrolments e WHERE e.course_id = c.id AND e.user_id = ${p(f.enrolledUserId)})`);
    if (f.ids) w.push(`c.id = ANY(${p(f.ids)})`);
    return w.length ? `WHERE ${w.join(' AND ')}` : '';
  }

  async page(viewerId: string, f: CourseFilter, page: number, pageSize: number): Promise<[CourseRow[], number]> {
    const params: unknown[] = [viewerId];
    const where = this.where(f, params);
    const rows: CourseRow[] = await this.ds.query(
      `${SUMMARY_SQL} ${where} ORDER BY c.published_at DESC NULLS LAST, c.updated_at DESC, c.id LIMIT ${Number(pageSize)} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    const countParams: unknown[] = [];
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM courses c ${this.where(f, countParams)}`, countParams);
    return [rows, n];
  }

  async row(viewerId: string, id: string): Promise<CourseRow | null> {
    const [r] = await this.ds.query(`${SUMMARY_SQL} WHERE c.id = $2`, [viewerId, id]);
    return r ?? null;
  }

  findCourse(id: string, m: EntityManager = this.ds.manager): Promise<CourseEntity | null> {
    return m.getRepository(CourseEntity).findOne({ where: { id } });
  }

  async insertCourse(c: Partial<CourseEntity>, instructorIds: string[]): Promise<string> {
    return this.ds.transaction(async (m) => {
      const r = await m.getRepository(CourseEntity).insert(c);
      const id = r.identifiers[0].id as string;
      if (instructorIds.length) await m.getRepository(CourseInstructorEntity).insert(instructorIds.map((userId) => ({ courseId: id, userId })));
      await m.getRepository(ChapterEntity).insert({ courseId: id, title: '第一章', position: 0 });
      return id;
    });
  }

  async updateCourse(id: string, patch: Partial<CourseEntity>, instructorIds?: string[]): Promise<void> {
    await this.ds.transaction(async (m) => {
      if (Object.keys(patch).length) await m.getRepository(CourseEntity).update({ id }, patch);
      else await m.query('UPDATE courses SET updated_at = now() WHERE id = $1', [id]);
      if (instructorIds) {
        await m.getRepository(CourseInstructorEntity).delete({ courseId: id });
        if (instructorIds.length) await m.getRepository(CourseInstructorEntity).insert(instructorIds.map((userId) => ({ courseId: id, userId })));
      }
    });
  }

  /** Move a course from one of `from` to `to`; false when it was not in one of them (a race lost). */
  async transition(id: string, from: CourseStatus[], to: CourseStatus, extra: Partial<Record<'review_comment' | 'published_at', unknown>> = {}): Promise<boolean> {
    const sets = ['status = $3', 'updated_at = now()'];
    const params: unknown[] = [id, from, to];
    for (const [k, v] of Object.entries(extra)) {
      params.push(v);
      sets.push(`${k} = $${params.length}`);
    }
    const [, n] = await this.ds.query(`UPDATE courses SET ${sets.join(', ')} WHERE id = $1 AND status = ANY($2)`, params);
    return n === 1;
  }

  isInstructor(courseId: string, userId: string): Promise<boolean> {
    return this.ds.getRepository(CourseInstructorEntity).exists({ where: { courseId, userId } });
  }

  chapters(courseId: string): Promise<ChapterEntity[]> {
    return this.ds.getRepository(ChapterEntity).find({ where: { courseId }, order: { position: 'ASC' } });
  }

  lessons(courseId: string): Promise<LessonEntity[]> {
    return this.ds.getRepository(LessonEntity).find({ where: { courseId }, relations: { asset: true }, order: { position: 'ASC' } });
  }

  findChapter(id: string): Promise<ChapterEntity | null> {
    return this.ds.getRepository(ChapterEntity).findOne({ where: { id } });
  }

  findLesson(id: string): Promise<LessonEntity | null> {
    return this.ds.getRepository(LessonEntity).findOne({ where: { id }, relations: { asset: true } });
  }

  async addChapter(courseId: string, title: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO chapters (course_id, title, position) SELECT $1, $2, coalesce(max(position) + 1, 0) FROM chapters WHERE course_id = $1`,
      [courseId, title],
    );
  }

  async renameChapter(id: string, title: string): Promise<void> {
    await this.ds.getRepository(ChapterEntity).update({ id }, { title });
  }

  async deleteChapter(id: string): Promise<void> {
    await this.ds.getRepository(ChapterEntity).delete({ id });
  }

  async addLesson(l: Pick<LessonEntity, 'courseId' | 'chapterId' | 'title' | 'kind' | 'assetId'>): Promise<void> {
    await this.ds.query(
      `INSERT INTO lessons (course_id, chapter_id, title, kind, asset_id, position)
       SELECT $1, $2, $3, $4, $5, coalesce(max(position) + 1, 0) FROM lessons WHERE chapter_id = $2`,
      [l.courseId, l.chapterId, l.title, l.kind, l.assetId],
    );
  }

  async updateLesson(id: string, patch: Partial<LessonEntity>): Promise<void> {
    await this.ds.getRepository(LessonEntity).update({ id }, patch);
  }

  async deleteLesson(id: string): Promise<void> {
    await this.ds.getRepository(LessonEntity).delete({ id });
  }

  async reorder(courseId: string, chapters: { id: string; lessonIds: string[] }[]): Promise<void> {
    await this.ds.transaction(async (m) => {
      for (const [ci, ch] of chapters.entries()) {
        await m.query('UPDATE chapters SET position = $2 WHERE id = $1 AND course_id = $3', [ch.id, ci, courseId]);
        for (const [li, lessonId] of ch.lessonIds.entries()) {
          await m.query('UPDATE lessons SET chapter_id = $2, position = $3 WHERE id = $1 AND course_id = $4', [lessonId, ch.id, li, courseId]);
        }
      }
      await m.query('UPDATE courses SET updated_at = now() WHERE id = $1', [courseId]);
    });
  }

  /** instructors of one institution among the given ids */
  async instructorsOf(institutionId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM users WHERE id = ANY($1) AND role = 'instructor' AND institution_id = $2 AND NOT disabled`,
      [ids, institutionId],
    );
    return rows.map((r) => r.id);
  }

  async enrolment(userId: string, courseId: string): Promise<string | null> {
    const [r] = await this.ds.query('SELECT source FROM enrolments WHERE user_id = $1 AND course_id = $2', [userId, courseId]);
    return r?.source ?? null;
  }

  async enrol(userIds: string[], courseId: string, source: 'elective' | 'assigned', by: string | null): Promise<number> {
    if (!userIds.length) return 0;
    const rows = await this.ds.query(
      `INSERT INTO enrolments (user_id, course_id, source, assigned_by)
       SELECT u, $2, $3, $4 FROM unnest($1::uuid[]) AS u
       ON CONFLICT (user_id, course_id) DO NOTHING RETURNING id`,
      [userIds, courseId, source, by],
    );
    return rows.length;
  }

  /** officials under an org path prefix (or among ids, when given) */
  async officialsIn(prefix: string | null, ids?: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT u.id FROM users u JOIN org_units ou ON ou.id = u.org_unit_id
        WHERE u.role = 'official' AND NOT u.disabled
          AND ($1::text IS NULL OR ou.path LIKE $1 || '%')
          AND ($2::uuid[] IS NULL OR u.id = ANY($2))`,
      [prefix, ids ?? null],
    );
    return rows.map((r) => r.id);
  }
}
