import { z } from 'zod';
import { issue, PageQuery, Uuid } from './common';
import { LessonCreditView } from './playback';

const Year = z.coerce.number().int().min(2000, issue('年度须在 2000–2100 之间', 'The year must be 2000 to 2100')).max(2100, issue('年度须在 2000–2100 之间', 'The year must be 2000 to 2100'));

// ───────────────────────── class administration (班次管理) ─────────────────────────

export const APPOINTMENT_LEVELS = ['section', 'division'] as const;
export const AppointmentLevel = z.enum(APPOINTMENT_LEVELS);
export const CLASS_STATUSES = ['draft', 'published', 'finished'] as const;
export const ClassStatus = z.enum(CLASS_STATUSES);
export const CLASS_STATUS_LABELS: Record<(typeof CLASS_STATUSES)[number], { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  finished: { zh: '已结业', en: 'Finished' },
};

/** 脱产 session of a class: a day or half a day in the classroom, attendance recorded by the institution. */
export const OfflineSessionInput = z
  .object({
    sessionDate: z.iso.date(),
    title: z.string().trim().min(2, issue('请填写课程内容（至少 2 个字）', 'Give the session a title (at least 2 characters)')).max(100),
    /** 1 = a full day, 0.5 = half a day */
    days: z.union([z.literal(0.5), z.literal(1)], issue('天数为 0.5 或 1', 'Days are 0.5 or 1')),
    /** hours of rule-of-law content in the session (P3) */
    ruleOfLawHours: z.number().min(0, issue('法治教育学时为 0–7.5', 'Rule-of-law hours are 0 to 7.5')).max(7.5, issue('法治教育学时为 0–7.5', 'Rule-of-law hours are 0 to 7.5')).default(0),
  })
  .strict();
export type OfflineSessionInput = z.input<typeof OfflineSessionInput>;
export const OfflineSessionView = z.object({ id: Uuid, sessionDate: z.string(), title: z.string(), days: z.number(), ruleOfLawHours: z.number() });
export type OfflineSessionView = z.infer<typeof OfflineSessionView>;
export const ClassSessionParams = z.object({ id: Uuid, sessionId: Uuid });

/** A rule a class does not meet yet; a class with problems cannot be published. */
export const ClassProblem = z.object({ rule: z.string(), field: z.string(), zh: z.string(), en: z.string() });
export type ClassProblem = z.infer<typeof ClassProblem>;

export const ClassTotals = z.object({
  /** offline days + online hours ÷ hours per day */
  days: z.number(),
  offlineDays: z.number(),
  onlineHours: z.number(),
  ruleOfLawHours: z.number(),
});

export const AttendanceView = z.object({
  sessions: z.array(OfflineSessionView),
  members: z.array(z.object({ userId: Uuid, name: z.string(), unitName: z.string().nullable(), present: z.array(Uuid) })),
});
export type AttendanceView = z.infer<typeof AttendanceView>;
export const AttendanceUpdate = z
  .object({ records: z.array(z.object({ sessionId: Uuid, userId: Uuid, present: z.boolean() }).strict()).min(1).max(20000) })
  .strict();
export type AttendanceUpdate = z.input<typeof AttendanceUpdate>;

export const MembersByUnitRequest = z.object({ orgUnitId: Uuid, includeSubunits: z.boolean().default(true) }).strict();
export const MembersImportReport = z.object({
  added: z.number().int(),
  alreadyMembers: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), zh: z.string(), en: z.string() })),
});
export type MembersImportReport = z.infer<typeof MembersImportReport>;
export const ClassMemberParams = z.object({ id: Uuid, userId: Uuid });

/** One trainee's standing in a class: what completion (结业) needs. */
export const ClassCompletionRow = z.object({
  userId: Uuid,
  name: z.string(),
  unitName: z.string().nullable(),
  coursesDone: z.number().int(),
  coursesRequired: z.number().int(),
  attendedDays: z.number(),
  offlineDays: z.number(),
  ruleOfLawHours: z.number(),
  /** null: the class has no assessment, or it is not scored yet */
  assessmentTotal: z.number().nullable(),
  assessmentPassed: z.boolean().nullable(),
  completed: z.boolean(),
  missing: z.array(z.object({ zh: z.string(), en: z.string() })),
});
export type ClassCompletionRow = z.infer<typeof ClassCompletionRow>;
export const ClassCompletion = z.object({ status: ClassStatus, items: z.array(ClassCompletionRow) });
export type ClassCompletion = z.infer<typeof ClassCompletion>;

// ───────────────────────── yearly compliance (P1–P8) ─────────────────────────

export const COMPLIANCE_RULES = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P8'] as const;
export const ComplianceRule = z.enum(COMPLIANCE_RULES);
export const ComplianceItem = z.object({
  rule: ComplianceRule,
  zh: z.string(),
  en: z.string(),
  unit: z.enum(['hours', 'days', 'result']),
  required: z.number(),
  actual: z.number(),
  met: z.boolean(),
  /** how much is missing, in `unit` (0 when met) */
  shortfall: z.number(),
});
export type ComplianceItem = z.infer<typeof ComplianceItem>;

export const OfficialCompliance = z.object({
  userId: Uuid,
  name: z.string(),
  staffNo: z.string().nullable(),
  unitName: z.string().nullable(),
  year: z.number().int(),
  totals: z.object({
    hours: z.number(),
    onlineHours: z.number(),
    offlineHours: z.number(),
    offlineDays: z.number(),
    legalHours: z.number(),
    byCategory: z.array(z.object({ categoryId: Uuid.nullable(), zh: z.string(), en: z.string(), hours: z.number() })),
  }),
  /** only the requirements that apply to this official */
  items: z.array(ComplianceItem),
  met: z.boolean(),
  /** P8: a failed off-the-job assessment this year bars "excellent" in the annual review */
  excellentBarred: z.boolean(),
  /** year-end projection at the official's pace so far (null for a closed year) */
  projectedHours: z.number().nullable(),
  atRisk: z.boolean(),
});
export type OfficialCompliance = z.infer<typeof OfficialCompliance>;

export const ComplianceQuery = z.object({ year: Year.optional() });
export const ComplianceListQuery = PageQuery.extend({
  year: Year.optional(),
  /** a node of the caller's subtree; default: the caller's whole scope */
  orgUnitId: Uuid.optional(),
  status: z.enum(['all', 'met', 'behind', 'at_risk']).default('all'),
  q: z.string().trim().max(60).optional(),
  lawEnforcement: z.enum(['true', 'false']).optional(),
  grassroots: z.enum(['true', 'false']).optional(),
});
export type ComplianceListQuery = z.input<typeof ComplianceListQuery>;
export const ComplianceRow = z.object({
  userId: Uuid,
  name: z.string(),
  staffNo: z.string().nullable(),
  unitName: z.string().nullable(),
  hours: z.number(),
  legalHours: z.number(),
  offlineDays: z.number(),
  lawEnforcement: z.boolean(),
  grassroots: z.boolean(),
  met: z.boolean(),
  shortfallHours: z.number(),
  projectedHours: z.number().nullable(),
  atRisk: z.boolean(),
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;

export const DashboardQuery = z.object({ year: Year.optional(), orgUnitId: Uuid.optional() });
export const Dashboard = z.object({
  year: z.number().int(),
  scope: z.object({ id: Uuid.nullable(), name: z.string() }),
  requiredHours: z.number(),
  officials: z.number().int(),
  meeting: z.number().int(),
  atRisk: z.number().int(),
  averageHours: z.number(),
  /** the scope's child nodes (or, for an institution, the units its trainees come from) */
  byUnit: z.array(z.object({ id: Uuid, name: z.string(), officials: z.number().int(), meeting: z.number().int(), atRisk: z.number().int(), averageHours: z.number() })),
  /** officials by credited hours: [from, to) buckets */
  distribution: z.array(z.object({ from: z.number(), to: z.number().nullable(), count: z.number().int() })),
  /**
   * month 1–12: average cumulative hours, and how many officials had reached the yearly hours (P1 only)
   * by the month's end; for the current year the months to come repeat this month's figures
   */
  trend: z.array(z.object({ month: z.number().int(), averageHours: z.number(), meeting: z.number().int() })),
  elapsedShare: z.number(),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const RemindersRequest = z.object({ year: Year.optional(), orgUnitId: Uuid.optional() }).strict();
export const RemindersResponse = z.object({ officials: z.number().int(), admins: z.number().int() });

export const NotificationView = z.object({
  id: Uuid,
  kind: z.string(),
  zh: z.string(),
  en: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;
export const NotificationList = z.object({ items: z.array(NotificationView), unread: z.number().int() });

// ───────────────────────── training archive (培训档案, P7/P8) ─────────────────────────

export const ArchiveParams = z.object({ userId: Uuid, year: Year });
export const ArchiveView = z.object({
  code: z.string(),
  issuedAt: z.string(),
  verifyUrl: z.string(),
  official: z.object({ name: z.string(), staffNo: z.string().nullable(), unitName: z.string().nullable(), position: z.string().nullable(), rankLevel: z.string().nullable() }),
  compliance: OfficialCompliance,
  courses: z.array(z.object({ title: z.string(), category: z.string().nullable(), hours: z.number(), creditedAt: z.string(), kind: z.string(), reason: z.string().nullable() })),
  classes: z.array(z.object({
    title: z.string(), kind: z.string(), startsOn: z.string(), endsOn: z.string(), institution: z.string(),
    attendedDays: z.number(), hours: z.number(), assessmentTotal: z.number().nullable(), assessmentPassed: z.boolean().nullable(), completed: z.boolean(),
  })),
  exams: z.array(z.object({ title: z.string(), score: z.number().nullable(), passed: z.boolean().nullable(), submittedAt: z.string() })),
  evaluations: z.array(z.object({ courseTitle: z.string(), submittedAt: z.string() })),
});
export type ArchiveView = z.infer<typeof ArchiveView>;
export const VerifyParams = z.object({ code: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, issue('核验码格式为 XXXX-XXXX-XXXX', 'A verification code looks like XXXX-XXXX-XXXX')) });
export const VerifyResult = z.object({
  status: z.enum(['valid', 'mismatch', 'unknown']),
  code: z.string(),
  /** the name is shown masked (张*明): the page is public */
  name: z.string().nullable(),
  year: z.number().int().nullable(),
  issuedAt: z.string().nullable(),
  hours: z.number().nullable(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

// ───────────────────────── appeals (申诉) ─────────────────────────

export const APPEAL_STATUSES = ['open', 'accepted', 'rejected'] as const;
export const AppealInput = z
  .object({
    lessonId: Uuid,
    reason: z.string().trim().min(10, issue('请说明申诉理由（至少 10 个字）', 'Explain the appeal (at least 10 characters)')).max(2000),
  })
  .strict();
export const AppealDecision = z
  .object({
    decision: z.enum(['accepted', 'rejected']),
    /** for an accepted appeal: the hours the correction entry adds */
    hours: z.number().min(0.1, issue('补录学时须在 0.1–100 之间', 'Hours are 0.1 to 100')).max(100, issue('补录学时须在 0.1–100 之间', 'Hours are 0.1 to 100')).optional(),
    reason: z.string().trim().min(5, issue('请写明处理意见（至少 5 个字）', 'Give the reason (at least 5 characters)')).max(1000),
  })
  .strict()
  .refine((d) => d.decision === 'rejected' || d.hours !== undefined, { path: ['hours'], ...issue('采纳申诉须填写补录学时', 'An accepted appeal needs the hours to add') })
  .refine((d) => d.hours === undefined || Math.abs(Math.round(d.hours * 10) - d.hours * 10) < 1e-9, { path: ['hours'], ...issue('学时最多一位小数', 'Hours have at most one decimal') });
export const AppealView = z.object({
  id: Uuid,
  userId: Uuid,
  userName: z.string(),
  unitName: z.string().nullable(),
  courseId: Uuid,
  courseTitle: z.string(),
  lessonId: Uuid,
  lessonTitle: z.string(),
  reason: z.string(),
  status: z.enum(APPEAL_STATUSES),
  decisionReason: z.string().nullable(),
  hours: z.number().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AppealView = z.infer<typeof AppealView>;
export const AppealDetail = AppealView.extend({ explanation: LessonCreditView });
export type AppealDetail = z.infer<typeof AppealDetail>;
export const AppealListQuery = PageQuery.extend({ status: z.enum([...APPEAL_STATUSES, 'all']).default('all') });

// ───────────────────────── anomaly flags (异常提示) ─────────────────────────

export const ANOMALY_KINDS = ['identical_timing', 'shared_address', 'round_the_clock', 'exact_pacing'] as const;
export const AnomalyKind = z.enum(ANOMALY_KINDS);
export const ANOMALY_KIND_LABELS: Record<(typeof ANOMALY_KINDS)[number], { zh: string; en: string }> = {
  identical_timing: { zh: '多人学习时间完全一致', en: 'Identical session timings' },
  shared_address: { zh: '同一地址登录多个账号', en: 'Many accounts from one address' },
  round_the_clock: { zh: '昼夜不间断播放', en: 'Round-the-clock playback' },
  exact_pacing: { zh: '精确倍速节奏', en: 'Exact N× pacing' },
};
export const AnomalyQuery = z.object({ year: Year.optional(), orgUnitId: Uuid.optional(), kind: AnomalyKind.optional() });
export const AnomalyView = z.object({
  kind: AnomalyKind,
  users: z.array(z.object({ id: Uuid, name: z.string(), unitName: z.string().nullable() })),
  /** what was seen, for a human to judge */
  summaryZh: z.string(),
  summaryEn: z.string(),
  evidence: z.array(z.object({ sessionId: Uuid, userName: z.string(), lessonTitle: z.string(), startedAt: z.string(), endedAt: z.string().nullable(), ip: z.string().nullable(), detailZh: z.string(), detailEn: z.string() })),
  firstSeen: z.string(),
});
export type AnomalyView = z.infer<typeof AnomalyView>;
