import { Inject, Injectable } from '@nestjs/common';
import {
  AssignRequest,
  CatalogQuery,
  CategoryView,
  CourseDetail,
  CoursePage,
  CourseStatus,
  CourseSummary,
  CreateCategoryRequest,
  CreateCourseRequest,
  CreateLessonRequest,
  ManagedCoursesQuery,
  PlaybackResponse,
  ReorderRequest,
  ReviewRequest,
  UpdateCourseRequest,
} from '@xueshi/shared';
import type { z } from 'zod';
import { AppError, conflict, forbidden, invalid, notFound } from '../../common/errors';
import type { Principal } from '../../common/request';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { orgPathInScope, userScope } from '../accounts/access-scope';
import { MediaRepository } from '../media/media.repository';
import { MediaUrls } from '../media/media-url';
import { toMediaView } from '../media/media-view';
import { OrgUnitsRepository } from '../organizations/org-units.repository';
import { courseRights } from './course-access';
import { CourseRow, CoursesRepository } from './courses.repository';
import { creditHoursFor, effectiveCreditHours } from './credit-hours';
import type { CategoryEntity } from './category.entity';

const NO_COURSE = { zh: '课程不存在或无权查看', en: 'No such course, or not visible to you' };
const EDITABLE: CourseStatus[] = ['draft', 'returned', 'unpublished'];
const LOCKED = { zh: '课程正在审核或已发布，不能修改；如需修改请先下架', en: 'The course is under review or published; unpublish it to edit' };

type Out<T extends z.ZodType> = z.output<T>;

function toCategory(c: CategoryEntity): CategoryView {
  return { id: c.id, code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, legal: c.legal, sort: c.sort };
}

@Injectable()
export class CoursesService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly courses: CoursesRepository,
    private readonly media: MediaRepository,
    private readonly units: OrgUnitsRepository,
    private readonly urls: MediaUrls,
  ) {}

  // categories (P12)

  async categories(): Promise<CategoryView[]> {
    return (await this.courses.categories()).map(toCategory);
  }

  async createCategory(body: Out<typeof CreateCategoryRequest>): Promise<CategoryView> {
    if ((await this.courses.categories()).some((c) => c.code === body.code)) throw conflict('code', { zh: '编码已被使用', en: 'Code already in use' });
    return toCategory(await this.courses.insertCategory(body));
  }

  async updateCategory(id: string, body: Partial<CategoryView>): Promise<CategoryView> {
    if (!(await this.courses.findCategory(id))) throw notFound({ zh: '类别不存在', en: 'No such category' });
    await this.courses.updateCategory(id, body);
    return toCategory((await this.courses.findCategory(id))!);
  }

  // lists

  private coverUrl(r: CourseRow): string | null {
    if (!r.cover_asset_id) return null;
    const exp = Math.floor(Date.now() / 1000) + 7 * 86400;
    return `/api/stream/${this.urls.sign({ assetId: r.cover_asset_id, userId: null, exp: exp - (exp % 86400), scope: 'poster' })}/poster.jpg`;
  }

  private summary(r: CourseRow): CourseSummary {
    const seconds = Number(r.content_seconds);
    const set = r.credit_hours === null ? null : Number(r.credit_hours);
    return {
      id: r.id,
      title: r.title,
      summary: r.summary,
      categoryId: r.category_id,
      categoryName: r.category_name,
      required: r.required,
      microLecture: r.micro_lecture,
      creditHours: effectiveCreditHours(set, seconds),
      maxCreditHours: creditHoursFor(seconds),
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      sharing: r.sharing,
      status: r.status,
      coverUrl: this.coverUrl(r),
      lessonCount: r.lesson_count,
      durationSeconds: Math.round(seconds),
      instructorNames: r.instructor_names ?? [],
      enrolment: r.enrolment,
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      updatedAt: new Date(r.updated_at).toISOString(),
    };
  }

  async catalog(p: Principal, q: Out<typeof CatalogQuery>): Promise<CoursePage> {
    const [rows, total] = await this.courses.page(
      p.userId,
      { published: true, q: q.q, categoryId: q.categoryId, required: q.required, institutionId: q.institutionId },
      q.page,
      q.pageSize,
    );
    return { items: rows.map((r) => this.summary(r)), total, page: q.page, pageSize: q.pageSize };
  }

  async mine(p: Principal, q: Out<typeof CatalogQuery>): Promise<CoursePage> {
    const [rows, total] = await this.courses.page(
      p.userId,
      { enrolledUserId: p.userId, q: q.q, categoryId: q.categoryId, required: q.required, institutionId: q.institutionId },
      q.page,
      q.pageSize,
    );
    return { items: rows.map((r) => this.summary(r)), total, page: q.page, pageSize: q.pageSize };
  }

  async managed(p: Principal, q: Out<typeof ManagedCoursesQuery>): Promise<CoursePage> {
    const f =
      p.role === 'instructor'
        ? { instructorId: p.userId }
        : p.role === 'institution_admin'
          ? { institutionId: p.institutionId ?? '00000000-0000-0000-0000-000000000000' }
          : {};
    const [rows, total] = await this.courses.page(p.userId, { ...f, q: q.q, statuses: q.status ? [q.status] : undefined }, q.page, q.pageSize);
    return { items: rows.map((r) => this.summary(r)), total, page: q.page, pageSize: q.pageSize };
  }

  // one course

  private async load(p: Principal, id: string): Promise<{ row: CourseRow; rights: ReturnType<typeof courseRights> }> {
    const row = await this.courses.row(p.userId, id);
    if (!row) throw notFound(NO_COURSE);
    const rights = courseRights(p, row);
    if (!rights.view) throw notFound(NO_COURSE);
    return { row, rights };
  }

  async detail(p: Principal, id: string): Promise<CourseDetail> {
    const { row, rights } = await this.load(p, id);
    const [chapters, lessons] = await Promise.all([this.courses.chapters(id), this.courses.lessons(id)]);
    return {
      ...this.summary(row),
      creditHoursSet: row.credit_hours === null ? null : Number(row.credit_hours),
      instructorIds: row.instructor_ids ?? [],
      reviewComment: row.review_comment,
      chapters: chapters.map((ch) => ({
        id: ch.id,
        title: ch.title,
        position: ch.position,
        lessons: lessons
          .filter((l) => l.chapterId === ch.id)
          .map((l) => ({
            id: l.id,
            chapterId: l.chapterId,
            title: l.title,
            kind: l.kind,
            position: l.position,
            assetId: l.assetId,
            durationSeconds: l.asset?.durationSeconds ?? null,
            pageCount: l.kind === 'document' ? (l.asset?.pageCount ?? null) : null,
            // learners need no upload details
            asset: l.asset && rights.manage ? toMediaView(l.asset) : null,
          })),
      })),
      can: {
        edit: rights.manage && EDITABLE.includes(row.status),
        review: rights.review && row.status === 'submitted',
        publish: rights.review && (row.status === 'approved' || row.status === 'unpublished'),
        enrol: rights.enrol,
        play: rights.play,
      },
    };
  }

  /** The course, if the caller may change its content now. */
  private async editable(p: Principal, id: string): Promise<CourseRow> {
    const { row, rights } = await this.load(p, id);
    if (!rights.manage) throw forbidden();
    if (!EDITABLE.includes(row.status)) throw new AppError('CONFLICT', LOCKED, 'status');
    return row;
  }

  /** Any change to an unpublished course sends it back to draft: it must be reviewed again. */
  private async touched(row: CourseRow) {
    if (row.status === 'unpublished') await this.courses.transition(row.id, ['unpublished'], 'draft');
  }

  private async checkInstructors(institutionId: string, ids: string[]) {
    const found = await this.courses.instructorsOf(institutionId, ids);
    if (found.length !== new Set(ids).size) {
      throw invalid('instructorIds', { zh: '授课教师须为本机构的教师', en: 'Instructors must be instructors of the owning institution' });
    }
  }

  async create(p: Principal, body: Out<typeof CreateCourseRequest>): Promise<CourseDetail> {
    const institutionId = p.role === 'sys_admin' ? body.institutionId : p.institutionId;
    if (!institutionId) throw invalid('institutionId', { zh: '请指定课程所属的施教机构', en: 'Give the owning institution' });
    if (p.role === 'sys_admin' && !(await this.units.findInstitution(institutionId))) {
      throw new AppError('NOT_FOUND', { zh: '施教机构不存在', en: 'No such institution' }, 'institutionId');
    }
    if (!(await this.courses.findCategory(body.categoryId))) throw new AppError('NOT_FOUND', { zh: '课程类别不存在', en: 'No such category' }, 'categoryId');
    const instructors = new Set(body.instructorIds ?? []);
    if (p.role === 'instructor') instructors.add(p.userId);
    await this.checkInstructors(institutionId, [...instructors]);
    if (body.creditHours) {
      throw invalid('creditHours', { zh: '新课程还没有视频，学时按视频时长计算后才能设置', en: 'A new course has no video yet: credit hours can be set once its videos are in' });
    }
    const id = await this.courses.insertCourse(
      {
        title: body.title, summary: body.summary, categoryId: body.categoryId, required: body.required, microLecture: body.microLecture,
        sharing: body.sharing, creditHours: null, institutionId, status: 'draft', createdBy: p.userId,
      },
      [...instructors],
    );
    return this.detail(p, id);
  }

  async update(p: Principal, id: string, body: Out<typeof UpdateCourseRequest>): Promise<CourseDetail> {
    const row = await this.editable(p, id);
    if (body.categoryId && !(await this.courses.findCategory(body.categoryId))) {
      throw new AppError('NOT_FOUND', { zh: '课程类别不存在', en: 'No such category' }, 'categoryId');
    }
    if (body.creditHours !== undefined && body.creditHours !== null) {
      const max = creditHoursFor(Number(row.content_seconds));
      if (body.creditHours > max) {
        throw invalid('creditHours', { zh: `学时不能超过课件时长（视频时长与文档最少阅读时长）折算的 ${max} 学时（每 45 分钟计 1 学时）`, en: `Credit hours cannot exceed ${max}, the content's length (videos, and documents' minimum reading time) in 45-minute units` });
      }
    }
    if (body.instructorIds) {
      const ids = [...new Set(body.instructorIds)];
      if (p.role === 'instructor' && !ids.includes(p.userId)) {
        throw invalid('instructorIds', { zh: '不能把自己从授课教师中移除', en: 'You cannot remove yourself from the instructors' });
      }
      await this.checkInstructors(row.institution_id, ids);
    }
    const { instructorIds, ...fields } = body;
    await this.courses.updateCourse(id, fields, instructorIds ? [...new Set(instructorIds)] : undefined);
    await this.touched(row);
    return this.detail(p, id);
  }

  async addChapter(p: Principal, courseId: string, title: string): Promise<CourseDetail> {
    const row = await this.editable(p, courseId);
    await this.courses.addChapter(courseId, title);
    await this.touched(row);
    return this.detail(p, courseId);
  }

  private async chapterCourse(p: Principal, chapterId: string) {
    const ch = await this.courses.findChapter(chapterId);
    if (!ch) throw notFound({ zh: '章节不存在', en: 'No such chapter' });
    return { ch, row: await this.editable(p, ch.courseId) };
  }

  async renameChapter(p: Principal, chapterId: string, title: string): Promise<CourseDetail> {
    const { ch, row } = await this.chapterCourse(p, chapterId);
    await this.courses.renameChapter(chapterId, title);
    await this.touched(row);
    return this.detail(p, ch.courseId);
  }

  async deleteChapter(p: Principal, chapterId: string): Promise<CourseDetail> {
    const { ch, row } = await this.chapterCourse(p, chapterId);
    if ((await this.courses.lessons(ch.courseId)).some((l) => l.chapterId === chapterId)) {
      throw invalid('id', { zh: '请先删除或移走本章的课时', en: 'Move or delete the chapter\'s lessons first' });
    }
    if ((await this.courses.chapters(ch.courseId)).length === 1) throw invalid('id', { zh: '课程至少保留一章', en: 'A course keeps at least one chapter' });
    await this.courses.deleteChapter(chapterId);
    await this.touched(row);
    return this.detail(p, ch.courseId);
  }

  private async checkAsset(p: Principal, assetId: string, kind: 'video' | 'document') {
    const a = await this.media.findById(assetId);
    if (!a || (p.role === 'instructor' && a.ownerId !== p.userId)) {
      throw new AppError('NOT_FOUND', { zh: '媒体文件不存在', en: 'No such media' }, 'assetId');
    }
    if (a.kind !== kind) throw invalid('assetId', { zh: '文件类型与课时类型不符', en: 'The media kind does not match the lesson kind' });
    if (a.status === 'failed') throw invalid('assetId', { zh: '该文件转码失败，请重新上传', en: 'This media failed to transcode; upload it again' });
  }

  async addLesson(p: Principal, courseId: string, body: Out<typeof CreateLessonRequest>): Promise<CourseDetail> {
    const row = await this.editable(p, courseId);
    const ch = await this.courses.findChapter(body.chapterId);
    if (!ch || ch.courseId !== courseId) throw new AppError('NOT_FOUND', { zh: '章节不存在', en: 'No such chapter' }, 'chapterId');
    if (body.assetId) await this.checkAsset(p, body.assetId, body.kind);
    await this.courses.addLesson({ courseId, chapterId: body.chapterId, title: body.title, kind: body.kind, assetId: body.assetId ?? null });
    await this.touched(row);
    return this.detail(p, courseId);
  }

  private async lessonCourse(p: Principal, lessonId: string) {
    const l = await this.courses.findLesson(lessonId);
    if (!l) throw notFound({ zh: '课时不存在', en: 'No such lesson' });
    return { l, row: await this.editable(p, l.courseId) };
  }

  async updateLesson(p: Principal, lessonId: string, body: { title?: string; assetId?: string | null }): Promise<CourseDetail> {
    const { l, row } = await this.lessonCourse(p, lessonId);
    if (body.assetId) await this.checkAsset(p, body.assetId, l.kind);
    await this.courses.updateLesson(lessonId, body);
    await this.touched(row);
    return this.detail(p, l.courseId);
  }

  async deleteLesson(p: Principal, lessonId: string): Promise<CourseDetail> {
    const { l, row } = await this.lessonCourse(p, lessonId);
    await this.courses.deleteLesson(lessonId);
    await this.touched(row);
    return this.detail(p, l.courseId);
  }

  async reorder(p: Principal, courseId: string, body: ReorderRequest): Promise<CourseDetail> {
    const row = await this.editable(p, courseId);
    const [chapters, lessons] = await Promise.all([this.courses.chapters(courseId), this.courses.lessons(courseId)]);
    const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set(a).size === a.length && a.every((x) => b.includes(x));
    if (!sameSet(body.chapters.map((c) => c.id), chapters.map((c) => c.id))) {
      throw invalid('chapters', { zh: '章节列表须包含本课程的全部章节且不重复', en: 'List every chapter of the course exactly once' });
    }
    if (!sameSet(body.chapters.flatMap((c) => c.lessonIds), lessons.map((l) => l.id))) {
      throw invalid('chapters', { zh: '课时列表须包含本课程的全部课时且不重复', en: 'List every lesson of the course exactly once' });
    }
    await this.courses.reorder(courseId, body.chapters);
    await this.touched(row);
    return this.detail(p, courseId);
  }

  // review workflow

  async submit(p: Principal, id: string): Promise<CourseDetail> {
    const { row, rights } = await this.load(p, id);
    if (!rights.manage) throw forbidden();
    const lessons = await this.courses.lessons(id);
    if (!lessons.length) throw invalid('lessons', { zh: '课程还没有课时，不能提交审核', en: 'The course has no lessons yet' });
    const notReady = lessons.filter((l) => l.asset?.status !== 'ready');
    if (notReady.length) {
      throw invalid('lessons', {
        zh: `以下课时的文件尚未就绪：${notReady.map((l) => l.title).join('、')}`,
        en: `These lessons have no ready media yet: ${notReady.map((l) => l.title).join(', ')}`,
      });
    }
    if (row.micro_lecture && (lessons.length !== 1 || lessons[0].kind !== 'video')) {
      throw invalid('microLecture', { zh: '微课只能包含一个视频课时', en: 'A micro-lecture holds exactly one video lesson' });
    }
    if (!(await this.courses.transition(id, ['draft', 'returned', 'unpublished'], 'submitted'))) {
      throw new AppError('CONFLICT', { zh: '只有草稿或被退回的课程可以提交审核', en: 'Only a draft or returned course can be submitted' }, 'status');
    }
    return this.detail(p, id);
  }

  async review(p: Principal, id: string, body: ReviewRequest): Promise<CourseDetail> {
    const { rights } = await this.load(p, id);
    if (!rights.review) throw forbidden();
    const to = body.decision === 'approve' ? 'approved' : 'returned';
    if (!(await this.courses.transition(id, ['submitted'], to, { review_comment: body.comment ?? null }))) {
      throw new AppError('CONFLICT', { zh: '该课程不在待审核状态', en: 'The course is not awaiting review' }, 'status');
    }
    return this.detail(p, id);
  }

  async publish(p: Principal, id: string): Promise<CourseDetail> {
    const { rights } = await this.load(p, id);
    if (!rights.review) throw forbidden();
    if (!(await this.courses.transition(id, ['approved', 'unpublished'], 'published', { published_at: new Date() }))) {
      throw new AppError('CONFLICT', { zh: '只有审核通过或已下架的课程可以发布', en: 'Only an approved or unpublished course can be published' }, 'status');
    }
    return this.detail(p, id);
  }

  async unpublish(p: Principal, id: string): Promise<CourseDetail> {
    const { rights } = await this.load(p, id);
    if (!rights.review) throw forbidden();
    if (!(await this.courses.transition(id, ['published'], 'unpublished'))) {
      throw new AppError('CONFLICT', { zh: '该课程未发布', en: 'The course is not published' }, 'status');
    }
    return this.detail(p, id);
  }

  // learners

  async enrol(p: Principal, id: string): Promise<CourseDetail> {
    const { row } = await this.load(p, id);
    if (row.status !== 'published') throw new AppError('CONFLICT', { zh: '课程未发布，不能选学', en: 'The course is not published' }, 'status');
    if (!row.enrolment) {
      if (row.required) {
        throw new AppError('FORBIDDEN', { zh: '必修课程由所在单位或培训班统一安排，不能自行选学', en: 'Required courses are assigned by your unit or class' });
      }
      await this.courses.enrol([p.userId], id, 'elective', null);
    }
    return this.detail(p, id);
  }

  async assign(p: Principal, id: string, body: AssignRequest): Promise<{ assigned: number; alreadyEnrolled: number }> {
    const row = await this.courses.row(p.userId, id);
    if (!row || row.status !== 'published') throw notFound({ zh: '课程不存在或未发布', en: 'No such published course' });
    const scope = userScope(p);
    let targets: string[];
    if (body.orgUnitId) {
      const unit = await this.units.findById(body.orgUnitId);
      if (!unit || !orgPathInScope(scope, unit.path)) {
        throw new AppError('NOT_FOUND', { zh: '单位不存在或不在您的管辖范围内', en: 'No such unit within your scope' }, 'orgUnitId');
      }
      targets = await this.courses.officialsIn(unit.path);
    } else {
      const ids = [...new Set(body.userIds ?? [])];
      targets = await this.courses.officialsIn(scope.kind === 'subtree' ? scope.path : null, ids);
      if (targets.length !== ids.length) {
        throw new AppError('NOT_FOUND', { zh: '部分人员不存在、不是学员或不在您的管辖范围内', en: 'Some users are not officials within your scope' }, 'userIds');
      }
    }
    const assigned = await this.courses.enrol(targets, id, 'assigned', p.userId);
    return { assigned, alreadyEnrolled: targets.length - assigned };
  }

  async playback(p: Principal, lessonId: string): Promise<PlaybackResponse> {
    const l = await this.courses.findLesson(lessonId);
    if (!l) throw notFound({ zh: '课时不存在', en: 'No such lesson' });
    const { rights } = await this.load(p, l.courseId);
    if (!rights.play) {
      throw new AppError('FORBIDDEN', { zh: '请先选学或由单位安排该课程后再观看', en: 'Enrol in the course (or be assigned it) to watch' });
    }
    if (!l.asset || l.asset.status !== 'ready') {
      throw new AppError('CONFLICT', { zh: '该课时的文件尚未就绪', en: 'This lesson\'s media is not ready yet' }, 'lessonId');
    }
    const ttl = this.env.MEDIA_URL_TTL_SECONDS;
    const exp = Math.floor(Date.now() / 1000) + ttl;
    const token = this.urls.sign({ assetId: l.asset.id, userId: p.userId, exp, scope: 'play' });
    const file = l.kind === 'document' ? 'document.pdf' : 'master.m3u8';
    return {
      lessonId,
      courseId: l.courseId,
      kind: l.kind,
      url: `/api/stream/${token}/${file}`,
      posterUrl: l.kind === 'video' ? `/api/stream/${token}/poster.jpg` : null,
      durationSeconds: l.asset.durationSeconds,
      pageCount: l.kind === 'document' ? l.asset.pageCount : null,
      expiresAt: new Date(exp * 1000).toISOString(),
    };
  }
}
