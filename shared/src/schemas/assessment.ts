import { z } from 'zod';
import { issue, Uuid } from './common';

// ---- question bank (题库) -------------------------------------------------------------------

export const QUESTION_TYPES = ['single', 'multiple', 'true_false', 'fill'] as const;
export const QuestionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionType>;

export const QUESTION_TYPE_LABELS: Record<QuestionType, { zh: string; en: string }> = {
  single: { zh: '单选题', en: 'Single choice' },
  multiple: { zh: '多选题', en: 'Multiple choice' },
  true_false: { zh: '判断题', en: 'True / false' },
  fill: { zh: '填空题', en: 'Fill in the blank' },
};

export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export const QuestionOption = z.object({
  key: z.enum(OPTION_KEYS),
  text: z.string().trim().min(1, issue('选项内容不能为空', 'An option needs text')).max(500),
});
export type QuestionOption = z.infer<typeof QuestionOption>;

/**
 * One question. `answer`: single — one option key; multiple — two or more keys; true_false —
 * 'true' or 'false'; fill — every accepted answer (compared trimmed, full-width folded to
 * half-width, case-insensitive).
 */
export const QuestionInput = z
  .object({
    type: QuestionType,
    stem: z.string().trim().min(1, issue('题干不能为空', 'The question needs a stem')).max(2000),
    options: z.array(QuestionOption).max(8).default([]),
    answer: z.array(z.string().trim().min(1).max(200)).min(1, issue('请给出答案', 'Give the answer')).max(20),
    explanation: z.string().trim().max(2000).default(''),
    tags: z.array(z.string().trim().min(1).max(30)).max(10).default([]),
  })
  .strict()
  .superRefine((q, ctx) => {
    const keys = q.options.map((o) => o.key);
    const fail = (path: string, zh: string, en: string) => ctx.addIssue({ code: 'custom', path: [path], ...issue(zh, en) });
    if (new Set(keys).size !== keys.length) fail('options', '选项字母重复', 'Option letters repeat');
    if (q.type === 'single' || q.type === 'multiple') {
      if (q.options.length < 2) fail('options', '选择题至少需要两个选项', 'A choice question needs at least two options');
      if (q.answer.some((a) => !keys.includes(a as QuestionOption['key']))) fail('answer', '答案必须是已有选项的字母', 'The answer must be letters of the options');
      if (new Set(q.answer).size !== q.answer.length) fail('answer', '答案字母重复', 'Answer letters repeat');
      if (q.type === 'single' && q.answer.length !== 1) fail('answer', '单选题只能有一个答案', 'A single-choice question has one answer');
      if (q.type === 'multiple' && q.answer.length < 2) fail('answer', '多选题至少有两个正确选项', 'A multiple-choice question has two or more answers');
    } else {
      if (q.options.length) fail('options', '判断题和填空题没有选项', 'True/false and fill-in questions have no options');
      if (q.type === 'true_false' && (q.answer.length !== 1 || !['true', 'false'].includes(q.answer[0]))) {
        fail('answer', '判断题的答案为“对”或“错”', 'A true/false answer is true or false');
      }
    }
  });
export type QuestionInput = z.input<typeof QuestionInput>;

export const QuestionView = z.object({
  id: Uuid,
  courseId: Uuid,
  type: QuestionType,
  stem: z.string(),
  options: z.array(QuestionOption),
  answer: z.array(z.string()),
  explanation: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QuestionView = z.infer<typeof QuestionView>;

export const QuestionListQuery = z.object({
  type: QuestionType.optional(),
  tag: z.string().max(30).optional(),
  q: z.string().max(100).optional(),
});
export const QuestionListResponse = z.object({
  items: z.array(QuestionView),
  /** every tag in the course's bank, for filters and draw rules */
  tags: z.array(z.string()),
  counts: z.record(z.string(), z.number().int()),
});
export type QuestionListResponse = z.infer<typeof QuestionListResponse>;

/** Columns of the question-bank spreadsheet (import and export), in order. */
export const QUESTION_COLUMNS = [
  { key: 'type', header: '题型', note: '单选题 / 多选题 / 判断题 / 填空题' },
  { key: 'stem', header: '题干', note: '' },
  { key: 'A', header: 'A', note: '' },
  { key: 'B', header: 'B', note: '' },
  { key: 'C', header: 'C', note: '' },
  { key: 'D', header: 'D', note: '' },
  { key: 'E', header: 'E', note: '' },
  { key: 'F', header: 'F', note: '' },
  { key: 'answer', header: '答案', note: '单选 B；多选 ACD；判断 对/错；填空 多个可接受答案以 | 分隔' },
  { key: 'explanation', header: '解析', note: '' },
  { key: 'tags', header: '标签', note: '以 , 或 ， 分隔' },
] as const;

export const QuestionImportReport = z.object({
  committed: z.boolean(),
  total: z.number().int(),
  imported: z.number().int(),
  rows: z.array(z.object({ row: z.number().int(), errors: z.array(z.object({ field: z.string(), message: z.string() })) })),
});
export type QuestionImportReport = z.infer<typeof QuestionImportReport>;

// ---- quizzes and exams ------------------------------------------------------------------------

export const QuizKind = z.enum(['lesson_quiz', 'final_exam']);
export type QuizKind = z.infer<typeof QuizKind>;
/** when answers and explanations are shown to the official */
export const RevealPolicy = z.enum(['after_submit', 'after_pass', 'after_final', 'never']);
export type RevealPolicy = z.infer<typeof RevealPolicy>;

export const DrawRule = z.object({
  type: QuestionType.optional(),
  tag: z.string().trim().min(1).max(30).optional(),
  count: z.number().int().min(1).max(200),
});
export type DrawRule = z.infer<typeof DrawRule>;

export const QuizInput = z
  .object({
    kind: QuizKind,
    /** a lesson quiz belongs to one lesson of the course */
    lessonId: Uuid.nullable().default(null),
    title: z.string().trim().min(1).max(100),
    draw: z.array(DrawRule).min(1).max(10),
    timeLimitMinutes: z.number().int().min(1).max(600),
    maxAttempts: z.number().int().min(1).max(20),
    /** percent */
    passScore: z.number().int().min(0).max(100),
    reveal: RevealPolicy.default('after_final'),
  })
  .strict()
  .refine((q) => q.kind === 'final_exam' || q.lessonId !== null, { path: ['lessonId'], ...issue('课时测验须指定课时', 'A lesson quiz needs its lesson') });
export type QuizInput = z.input<typeof QuizInput>;
export const QuizUpdate = z
  .object({
    title: z.string().trim().min(1).max(100),
    draw: z.array(DrawRule).min(1).max(10),
    timeLimitMinutes: z.number().int().min(1).max(600),
    maxAttempts: z.number().int().min(1).max(20),
    passScore: z.number().int().min(0).max(100),
    reveal: RevealPolicy,
  })
  .partial()
  .strict();

export const AttemptStatus = z.enum(['open', 'submitted', 'expired']);
export const AttemptSummary = z.object({
  id: Uuid,
  number: z.number().int(),
  status: AttemptStatus,
  startedAt: z.string(),
  deadline: z.string(),
  submittedAt: z.string().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
});
export type AttemptSummary = z.infer<typeof AttemptSummary>;

export const QuizView = z.object({
  id: Uuid,
  courseId: Uuid,
  kind: QuizKind,
  lessonId: Uuid.nullable(),
  title: z.string(),
  draw: z.array(DrawRule),
  timeLimitMinutes: z.number().int(),
  maxAttempts: z.number().int(),
  passScore: z.number().int(),
  reveal: RevealPolicy,
  questionCount: z.number().int(),
  /** the bank holds enough questions for every draw rule */
  ready: z.boolean(),
  /** for an official: their attempts, newest first */
  myAttempts: z.array(AttemptSummary),
  attemptsLeft: z.number().int(),
  passed: z.boolean(),
});
export type QuizView = z.infer<typeof QuizView>;

/** A question as the official sees it in an attempt: options re-lettered in this attempt's order, no answer. */
export const AttemptQuestion = z.object({
  id: Uuid,
  type: QuestionType,
  stem: z.string(),
  options: z.array(QuestionOption),
});
export const ReviewItem = z.object({
  questionId: Uuid,
  correct: z.boolean(),
  /** in this attempt's lettering */
  correctAnswer: z.array(z.string()),
  explanation: z.string(),
});
export const AttemptView = AttemptSummary.extend({
  quizId: Uuid,
  courseId: Uuid,
  title: z.string(),
  passScore: z.number().int(),
  /** server time when this answer was made: the client's timer counts down from it */
  serverNow: z.string(),
  questions: z.array(AttemptQuestion),
  answers: z.record(z.string(), z.array(z.string())),
  correctCount: z.number().int().nullable(),
  /** null until the reveal policy allows it */
  review: z.array(ReviewItem).nullable(),
});
export type AttemptView = z.infer<typeof AttemptView>;

export const SaveAnswerRequest = z.object({ questionId: Uuid, answer: z.array(z.string().max(200)).max(8) }).strict();
export const SaveAnswerResponse = z.object({ savedAt: z.string() });

export const QuizStats = z.object({
  quizId: Uuid,
  attempts: z.number().int(),
  officials: z.number().int(),
  passRate: z.number().nullable(),
  averageScore: z.number().nullable(),
  /** ten buckets: 0–9, 10–19, … 90–100 */
  distribution: z.array(z.number().int()),
  questions: z.array(z.object({ questionId: Uuid, stem: z.string(), type: QuestionType, answered: z.number().int(), correctRate: z.number().nullable() })),
});
export type QuizStats = z.infer<typeof QuizStats>;

// ---- course evaluation (评估, P9) ------------------------------------------------------------

const Score = z.number().int().min(1, issue('评分为 1–5 分', 'Scores are 1 to 5')).max(5, issue('评分为 1–5 分', 'Scores are 1 to 5'));
export const EVALUATION_POINTS = ['plan', 'content', 'teachers', 'management'] as const;
export const EVALUATION_LABELS: Record<(typeof EVALUATION_POINTS)[number], { zh: string; en: string }> = {
  plan: { zh: '培训计划', en: 'Plan' },
  content: { zh: '培训内容', en: 'Content' },
  teachers: { zh: '授课教师', en: 'Teachers' },
  management: { zh: '组织管理', en: 'Management' },
};
export const EvaluationInput = z.object({ plan: Score, content: Score, teachers: Score, management: Score, comment: z.string().trim().max(1000).default('') }).strict();
export type EvaluationInput = z.input<typeof EvaluationInput>;
export const MyEvaluation = z.object({ submitted: z.boolean(), submittedAt: z.string().nullable(), evaluation: EvaluationInput.nullable() });

/** Fewer responses than this and nothing is shown (no one can be singled out). */
export const EVALUATION_MIN_RESPONSES = 3;
export const EvaluationResultsQuery = z
  .object({ courseId: Uuid.optional(), instructorId: Uuid.optional(), institutionId: Uuid.optional() })
  .refine((q) => [q.courseId, q.instructorId, q.institutionId].filter(Boolean).length === 1, {
    path: ['courseId'],
    ...issue('请指定课程、教师或机构之一', 'Give one of a course, an instructor or an institution'),
  });
export const EvaluationResults = z.object({
  responses: z.number().int(),
  /** false below EVALUATION_MIN_RESPONSES: then the figures are null */
  visible: z.boolean(),
  averages: z.record(z.string(), z.number()).nullable(),
  /** per point, the count of 1…5 */
  distributions: z.record(z.string(), z.array(z.number().int())).nullable(),
  /** comments without names or dates, shuffled */
  comments: z.array(z.string()).nullable(),
});
export type EvaluationResults = z.infer<typeof EvaluationResults>;

// ---- what a course still needs of the official -------------------------------------------

export const CourseCompletion = z.object({
  courseId: Uuid,
  lessons: z.object({ total: z.number().int(), completed: z.number().int() }),
  /** null when the course has no final exam */
  exam: z.object({ quizId: Uuid, passed: z.boolean(), attemptsLeft: z.number().int() }).nullable(),
  evaluated: z.boolean(),
  credited: z.boolean(),
  creditedHours: z.number().nullable(),
  missing: z.array(z.enum(['lessons', 'exam', 'evaluation'])),
});
export type CourseCompletion = z.infer<typeof CourseCompletion>;

// ---- training classes (班次) and their assessment records (P10) -----------------------------
// The class model here is what assessment needs; the administration issue adds rules, offline
// sessions and attendance.

export const CLASS_KINDS = ['initial', 'appointment', 'specialised', 'in_service', 'grassroots', 'paired'] as const;
export const ClassKind = z.enum(CLASS_KINDS);
export const CLASS_KIND_LABELS: Record<(typeof CLASS_KINDS)[number], { zh: string; en: string }> = {
  initial: { zh: '初任培训', en: 'Initial training' },
  appointment: { zh: '任职培训', en: 'Appointment training' },
  specialised: { zh: '专门业务培训', en: 'Specialised training' },
  in_service: { zh: '在职培训', en: 'In-service training' },
  grassroots: { zh: '双基培训', en: 'Grassroots & basic-post training' },
  paired: { zh: '对口培训', en: 'Paired training' },
};

/** How the total is made: weights of the instructor's scores, the peer review and the final exam (any sum). */
export const AssessmentWeights = z.object({
  instructor: z.number().int().min(0).max(100),
  peer: z.number().int().min(0).max(100),
  exam: z.number().int().min(0).max(100),
}).refine((w) => w.instructor + w.peer + w.exam > 0, { path: ['instructor'], ...issue('权重不能全为 0', 'The weights cannot all be 0') });

/** the fields of a class, without defaults: a change (ClassUpdate) leaves what it does not name as it is */
const ClassFieldsBase = z
  .object({
    title: z.string().trim().min(2).max(100),
    kind: ClassKind,
    /** for an appointment class (P5): section or division level */
    appointmentLevel: z.enum(['section', 'division']).nullable(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    /** online courses the class requires (its trainees are given them) */
    requiredCourseIds: z.array(Uuid).max(50),
    /** the final exam: a course's final exam, taken by the members */
    examQuizId: Uuid.nullable(),
    peerReviewOpensAt: z.iso.datetime({ offset: true }).nullable(),
    peerReviewClosesAt: z.iso.datetime({ offset: true }).nullable(),
    weights: AssessmentWeights,
    passScore: z.number().int().min(0).max(100),
    instructorIds: z.array(Uuid).max(50),
  })
  .strict();
/** a new class: what it does not name takes these defaults */
const ClassFields = ClassFieldsBase.extend({
  appointmentLevel: ClassFieldsBase.shape.appointmentLevel.default(null),
  requiredCourseIds: ClassFieldsBase.shape.requiredCourseIds.default([]),
  examQuizId: ClassFieldsBase.shape.examQuizId.default(null),
  peerReviewOpensAt: ClassFieldsBase.shape.peerReviewOpensAt.default(null),
  peerReviewClosesAt: ClassFieldsBase.shape.peerReviewClosesAt.default(null),
  weights: AssessmentWeights.default({ instructor: 40, peer: 20, exam: 40 }),
  passScore: ClassFieldsBase.shape.passScore.default(60),
  instructorIds: ClassFieldsBase.shape.instructorIds.default([]),
}).strict();
const classChecks = <T extends z.ZodType<{ startsOn?: string; endsOn?: string; peerReviewOpensAt?: string | null; peerReviewClosesAt?: string | null; kind?: string; appointmentLevel?: string | null }>>(t: T) =>
  t
    .refine((c) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn, { path: ['endsOn'], ...issue('结束日期不能早于开始日期', 'The end cannot come before the start') })
    .refine((c) => !c.peerReviewOpensAt || !c.peerReviewClosesAt || c.peerReviewClosesAt > c.peerReviewOpensAt, {
      path: ['peerReviewClosesAt'],
      ...issue('评议截止时间须晚于开始时间', 'The peer review must close after it opens'),
    })
    .refine((c) => c.kind !== 'appointment' || !!c.appointmentLevel, { path: ['appointmentLevel'], ...issue('任职培训须选择科级或处级', 'An appointment class needs its level: section or division') });
export const ClassInput = classChecks(ClassFields);
/** a change to a draft or published class: only the fields given change (the server re-checks the whole) */
export const ClassUpdate = ClassFieldsBase.partial().strict()
  .refine((c) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn, { path: ['endsOn'], ...issue('结束日期不能早于开始日期', 'The end cannot come before the start') });
export type ClassUpdate = z.input<typeof ClassUpdate>;
export type ClassInput = z.input<typeof ClassInput>;

export const ClassView = z.object({
  id: Uuid,
  institutionId: Uuid,
  institutionName: z.string(),
  title: z.string(),
  kind: ClassKind,
  appointmentLevel: z.enum(['section', 'division']).nullable(),
  status: z.enum(['draft', 'published', 'finished']),
  startsOn: z.string(),
  endsOn: z.string(),
  requiredCourses: z.array(z.object({ id: Uuid, title: z.string(), hours: z.number(), legal: z.boolean() })),
  sessions: z.array(z.object({ id: Uuid, sessionDate: z.string(), title: z.string(), days: z.number(), ruleOfLawHours: z.number() })),
  totals: z.object({ days: z.number(), offlineDays: z.number(), onlineHours: z.number(), ruleOfLawHours: z.number() }),
  /** rules the class does not meet yet (P3, P4, P5); empty when it can be published */
  problems: z.array(z.object({ rule: z.string(), field: z.string(), zh: z.string(), en: z.string() })),
  examQuizId: Uuid.nullable(),
  examCourseId: Uuid.nullable(),
  peerReviewOpensAt: z.string().nullable(),
  peerReviewClosesAt: z.string().nullable(),
  weights: z.object({ instructor: z.number(), peer: z.number(), exam: z.number() }),
  passScore: z.number().int(),
  instructors: z.array(z.object({ id: Uuid, name: z.string() })),
  members: z.array(z.object({ id: Uuid, name: z.string(), unitName: z.string().nullable() })),
  /** for the caller: member, instructor (of this class) or admin */
  myRole: z.enum(['member', 'instructor', 'admin']),
});
export type ClassView = z.infer<typeof ClassView>;
export const ClassMembersRequest = z.object({ userIds: z.array(Uuid).min(1).max(2000) }).strict();
/** officials an admin may enrol: active, not yet members, within the institution's region */
export const ClassCandidatesQuery = z.object({ q: z.string().trim().max(60).optional() });
export const ClassCandidate = z.object({ id: Uuid, name: z.string(), username: z.string(), staffNo: z.string().nullable(), orgUnitName: z.string().nullable() });
export type ClassCandidate = z.infer<typeof ClassCandidate>;

export const JournalInput = z.object({ entryDate: z.iso.date(), content: z.string().trim().min(5, issue('请至少写 5 个字', 'Write at least 5 characters')).max(5000) }).strict();
export const JournalEntryView = z.object({ id: Uuid, userId: Uuid, userName: z.string(), entryDate: z.string(), content: z.string(), createdAt: z.string() });
export type JournalEntryView = z.infer<typeof JournalEntryView>;
export const JournalQuery = z.object({ userId: Uuid.optional() });

export const ASSESSMENT_POINTS = ['attitude', 'participation', 'interaction', 'results'] as const;
export const ASSESSMENT_POINT_LABELS: Record<(typeof ASSESSMENT_POINTS)[number], { zh: string; en: string }> = {
  attitude: { zh: '学习态度', en: 'Attitude' },
  participation: { zh: '参与程度', en: 'Participation' },
  interaction: { zh: '互动交流', en: 'Interaction' },
  results: { zh: '学习成效', en: 'Results' },
};
const Five = z.number().int().min(1, issue('评分为 1–5 分', 'Scores are 1 to 5')).max(5, issue('评分为 1–5 分', 'Scores are 1 to 5'));
const Hundred = z.number().min(0, issue('分数为 0–100', 'Scores are 0 to 100')).max(100, issue('分数为 0–100', 'Scores are 0 to 100'));

/** 民主评议: one trainee rates one classmate on the four points, 1–5; anonymous to everyone. */
export const PeerReviewInput = z.object({ revieweeId: Uuid, attitude: Five, participation: Five, interaction: Five, results: Five }).strict();
export const PeerReviewState = z.object({
  open: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  /** the classmates to rate, with the caller's own ratings of them so far */
  classmates: z.array(z.object({ id: Uuid, name: z.string(), mine: PeerReviewInput.omit({ revieweeId: true }).nullable() })),
});

export const InstructorScoreInput = z.object({ attitude: Hundred, participation: Hundred, interaction: Hundred, results: Hundred, comment: z.string().trim().max(1000).default('') }).strict();

export const AssessmentRecord = z.object({
  userId: Uuid,
  name: z.string(),
  instructor: z.object({ attitude: z.number(), participation: z.number(), interaction: z.number(), results: z.number(), comment: z.string() }).nullable(),
  /** averages of the classmates' ratings (1–5), with how many rated; never who */
  peer: z.object({ attitude: z.number(), participation: z.number(), interaction: z.number(), results: z.number(), raters: z.number().int() }).nullable(),
  exam: z.object({ score: z.number(), passed: z.boolean() }).nullable(),
  journalEntries: z.number().int(),
  /** the four scores, 0–100: the instructor's and the classmates' (×20), weighted; results also the exam */
  scores: z.object({ attitude: z.number(), participation: z.number(), interaction: z.number(), results: z.number() }).nullable(),
  total: z.number().nullable(),
  passed: z.boolean().nullable(),
  /** what is still missing for a total: 'instructor', 'peer', 'exam' */
  missing: z.array(z.string()),
});
export type AssessmentRecord = z.infer<typeof AssessmentRecord>;
