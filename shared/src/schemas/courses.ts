import { z } from 'zod';
import { issue, pageOf, PageQuery, Uuid } from './common';

/** 课程状态: the review workflow (draft → submitted → approved | returned → published ⇄ unpublished). */
export const COURSE_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published', 'unpublished'] as const;
export const CourseStatus = z.enum(COURSE_STATUSES);
export type CourseStatus = z.infer<typeof CourseStatus>;

export const COURSE_STATUS_LABELS: Record<CourseStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已通过', en: 'Approved' },
  published: { zh: '已发布', en: 'Published' },
  unpublished: { zh: '已下架', en: 'Unpublished' },
};

/** Sharing scope (P11): the owning institution only, or the shared catalogue every institution may use. */
export const SharingScope = z.enum(['institution', 'shared']);
export type SharingScope = z.infer<typeof SharingScope>;

export const LessonKind = z.enum(['video', 'document']);
export type LessonKind = z.infer<typeof LessonKind>;

export const MEDIA_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const;
export const MediaStatus = z.enum(MEDIA_STATUSES);
export type MediaStatus = z.infer<typeof MediaStatus>;

/** 学时 credit hours: one decimal. */
export const CreditHours = z
  .number()
  .min(0)
  .max(999.9)
  .refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-9, issue('学时最多保留一位小数', 'Credit hours have one decimal at most'));

export const CategoryView = z.object({
  id: Uuid,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** counts toward the legal-knowledge requirement of law-enforcement posts (P2) */
  legal: z.boolean(),
  sort: z.number().int(),
});
export type CategoryView = z.infer<typeof CategoryView>;
export const CategoryList = z.object({ items: z.array(CategoryView) });

export const CreateCategoryRequest = z.object({
  code: z.string().trim().min(2).max(40).regex(/^[a-z0-9_-]+$/, issue('编码只能包含小写字母、数字、-、_', 'Code: lower-case letters, digits, - and _')),
  nameZh: z.string().trim().min(2).max(40),
  nameEn: z.string().trim().min(2).max(80),
  legal: z.boolean().default(false),
  sort: z.number().int().min(0).max(9999).default(100),
});
export const UpdateCategoryRequest = CreateCategoryRequest.omit({ code: true }).partial().strict();

export const MediaAssetView = z.object({
  id: Uuid,
  kind: LessonKind,
  status: MediaStatus,
  /** 0–100 while processing */
  progress: z.number().int(),
  originalName: z.string(),
  sizeBytes: z.number().int(),
  durationSeconds: z.number().nullable(),
  /** a document's pages */
  pageCount: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  renditions: z.array(z.string()),
  failureReason: z.string().nullable(),
  createdAt: z.string(),
});
export type MediaAssetView = z.infer<typeof MediaAssetView>;

export const LessonView = z.object({
  id: Uuid,
  chapterId: Uuid,
  title: z.string(),
  kind: LessonKind,
  position: z.number().int(),
  assetId: Uuid.nullable(),
  durationSeconds: z.number().nullable(),
  /** a document's pages */
  pageCount: z.number().int().nullable(),
  asset: MediaAssetView.nullable(),
});
export type LessonView = z.infer<typeof LessonView>;

export const ChapterView = z.object({
  id: Uuid,
  title: z.string(),
  position: z.number().int(),
  lessons: z.array(LessonView),
});
export type ChapterView = z.infer<typeof ChapterView>;

export const CourseSummary = z.object({
  id: Uuid,
  title: z.string(),
  summary: z.string(),
  categoryId: Uuid,
  categoryName: z.string(),
  required: z.boolean(),
  microLecture: z.boolean(),
  creditHours: z.number(),
  /** the most the verified content supports: minutes of video and of documents' minimum reading time / 45, one decimal */
  maxCreditHours: z.number(),
  institutionId: Uuid,
  institutionName: z.string(),
  sharing: SharingScope,
  status: CourseStatus,
  coverUrl: z.string().nullable(),
  lessonCount: z.number().int(),
  durationSeconds: z.number(),
  instructorNames: z.array(z.string()),
  /** for the caller: enrolled, and how (elective, assigned) */
  enrolment: z.enum(['elective', 'assigned']).nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type CourseSummary = z.infer<typeof CourseSummary>;

export const CourseDetail = CourseSummary.extend({
  /** what the owner set (null: the default from the videos' durations) */
  creditHoursSet: z.number().nullable(),
  chapters: z.array(ChapterView),
  instructorIds: z.array(Uuid),
  reviewComment: z.string().nullable(),
  /** what the caller may do with it */
  can: z.object({ edit: z.boolean(), review: z.boolean(), publish: z.boolean(), enrol: z.boolean(), play: z.boolean() }),
});
export type CourseDetail = z.infer<typeof CourseDetail>;

export const CoursePage = pageOf(CourseSummary);
export type CoursePage = z.infer<typeof CoursePage>;

export const CatalogQuery = PageQuery.extend({
  q: z.string().trim().max(60).optional(),
  categoryId: Uuid.optional(),
  required: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  institutionId: Uuid.optional(),
});
export type CatalogQuery = z.input<typeof CatalogQuery>;

export const ManagedCoursesQuery = PageQuery.extend({
  q: z.string().trim().max(60).optional(),
  status: CourseStatus.optional(),
});
export type ManagedCoursesQuery = z.input<typeof ManagedCoursesQuery>;

const CourseFields = {
  title: z.string().trim().min(2, issue('课程名称至少 2 个字', 'Title needs at least 2 characters')).max(80),
  summary: z.string().trim().max(2000).default(''),
  categoryId: Uuid,
  required: z.boolean().default(false),
  microLecture: z.boolean().default(false),
  sharing: SharingScope.default('institution'),
  /** absent: the default from the videos' durations */
  creditHours: CreditHours.nullable().optional(),
  instructorIds: z.array(Uuid).max(20).optional(),
};

export const CreateCourseRequest = z.object({ ...CourseFields, institutionId: Uuid.optional() });
export type CreateCourseRequest = z.input<typeof CreateCourseRequest>;

export const UpdateCourseRequest = z
  .object({
    title: CourseFields.title.optional(),
    summary: z.string().trim().max(2000).optional(),
    categoryId: Uuid.optional(),
    required: z.boolean().optional(),
    microLecture: z.boolean().optional(),
    sharing: SharingScope.optional(),
    creditHours: CreditHours.nullable().optional(),
    instructorIds: z.array(Uuid).max(20).optional(),
  })
  .strict();
export type UpdateCourseRequest = z.input<typeof UpdateCourseRequest>;

export const CreateChapterRequest = z.object({ title: z.string().trim().min(1).max(80) });
export const UpdateChapterRequest = z.object({ title: z.string().trim().min(1).max(80) }).strict();

export const CreateLessonRequest = z.object({
  chapterId: Uuid,
  title: z.string().trim().min(1).max(80),
  kind: LessonKind,
  assetId: Uuid.nullable().optional(),
});
export type CreateLessonRequest = z.input<typeof CreateLessonRequest>;

export const UpdateLessonRequest = z
  .object({ title: z.string().trim().min(1).max(80).optional(), assetId: Uuid.nullable().optional() })
  .strict();

/** The whole order of a course's chapters and lessons, as the builder shows it after a drag. */
export const ReorderRequest = z.object({
  chapters: z.array(z.object({ id: Uuid, lessonIds: z.array(Uuid) })).min(1),
});
export type ReorderRequest = z.infer<typeof ReorderRequest>;

export const ReviewRequest = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), comment: z.string().trim().max(1000).optional() }),
  z.object({ decision: z.literal('return'), comment: z.string().trim().min(2, issue('退回时请填写意见', 'A comment is required when returning')).max(1000) }),
]);
export type ReviewRequest = z.infer<typeof ReviewRequest>;

export const AssignRequest = z
  .object({
    orgUnitId: Uuid.optional(),
    userIds: z.array(Uuid).max(5000).optional(),
  })
  .refine((v) => !!v.orgUnitId !== !!v.userIds, { path: ['orgUnitId'], ...issue('请指定单位或人员（二选一）', 'Give either an org unit or a list of users') });
export type AssignRequest = z.infer<typeof AssignRequest>;
export const AssignResponse = z.object({ assigned: z.number().int(), alreadyEnrolled: z.number().int() });

export const PlaybackResponse = z.object({
  lessonId: Uuid,
  courseId: Uuid,
  kind: LessonKind,
  /** HLS master playlist (video) or the PDF (document); signed, expiring, for this user */
  url: z.string(),
  posterUrl: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  /** a document's pages (null for a video) */
  pageCount: z.number().int().nullable(),
  expiresAt: z.string(),
});
export type PlaybackResponse = z.infer<typeof PlaybackResponse>;

export const UploadLimits = z.object({
  videoMaxBytes: z.number().int(),
  documentMaxBytes: z.number().int(),
  videoMaxSeconds: z.number().int(),
  tusEndpoint: z.string(),
});
export type UploadLimits = z.infer<typeof UploadLimits>;
