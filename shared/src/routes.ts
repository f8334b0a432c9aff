import { ADMIN_ROLES } from './enums';
import { route } from './route';
import { ChangePasswordRequest, LoginRequest, LoginResponse, RefreshRequest, RevokedSessions, SessionList, TokenPair } from './schemas/auth';
import { IdParams, OkResponse, pageOf, Uuid } from './schemas/common';
import {
  AssignRequest,
  AssignResponse,
  CatalogQuery,
  CategoryList,
  CategoryView,
  CourseDetail,
  CoursePage,
  CreateCategoryRequest,
  CreateChapterRequest,
  CreateCourseRequest,
  CreateLessonRequest,
  ManagedCoursesQuery,
  MediaAssetView,
  PlaybackResponse,
  ReorderRequest,
  ReviewRequest,
  UpdateCategoryRequest,
  UpdateChapterRequest,
  UpdateCourseRequest,
  UpdateLessonRequest,
  UploadLimits,
} from './schemas/courses';
import { z } from 'zod';
import {
  AttentionAnswerRequest,
  HeartbeatRequest,
  HeartbeatResponse,
  LessonCreditView,
  MyProgressResponse,
  CorrectionRequest,
  LedgerEntryView,
  StartSessionResponse,
} from './schemas/playback';
import {
  AssessmentRecord, ClassCandidate, ClassCandidatesQuery, ClassInput, ClassMembersRequest, ClassView, InstructorScoreInput, JournalEntryView, JournalInput, JournalQuery,
  PeerReviewInput, PeerReviewState,
  AttemptView, CourseCompletion, EvaluationInput, EvaluationResults, EvaluationResultsQuery, MyEvaluation, QuestionImportReport,
  QuestionInput, QuestionListQuery, QuestionListResponse, QuestionView, QuizInput, QuizStats, QuizUpdate, QuizView, SaveAnswerRequest,
  SaveAnswerResponse,
} from './schemas/assessment';
import { HealthResponse } from './schemas/health';
import { ClassUpdate } from './schemas/assessment';
import { PolicyUpdate, PolicyYearParams, PolicyYearView } from './policy';
import {
  AnomalyQuery, AnomalyView, AppealDecision, AppealDetail, AppealInput, AppealListQuery, AppealView, ArchiveParams, ArchiveView, AttendanceUpdate,
  AttendanceView, ClassCompletion, ClassMemberParams, ClassSessionParams, ComplianceListQuery, ComplianceQuery, ComplianceRow, Dashboard,
  DashboardQuery, MembersByUnitRequest, MembersImportReport, NotificationList, OfficialCompliance, OfflineSessionInput, RemindersRequest,
  RemindersResponse, VerifyParams, VerifyResult,
} from './schemas/compliance';
import { ListUsersQuery as UsersExportQuery } from './schemas/users';
import {
  CreateInstitutionRequest,
  CreateOrgUnitRequest,
  InstitutionList,
  InstitutionView,
  OrgUnitTree,
  OrgUnitView,
  UpdateOrgUnitRequest,
} from './schemas/org-units';
import {
  AuditEntryView,
  AuditQuery,
  CreateUserRequest,
  CreateUserResponse,
  ImportQuery,
  ImportReport,
  ListUsersQuery,
  ResetPasswordResponse,
  UpdateUserRequest,
  UserPage,
  UserView,
} from './schemas/users';

const TREE_ADMINS = ['sys_admin', 'org_admin'] as const;
/** who builds courses: instructors and the institution's admins (the system admin too) */
const AUTHORS = ['instructor', 'institution_admin', 'sys_admin'] as const;
const REVIEWERS = ['institution_admin', 'sys_admin'] as const;
const UploadIdParams = z.object({ uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,80}$/) });

/** Every HTTP route of the API. Adding a route here is the only way to add one. */
export const routes = {
  health: route({
    id: 'health', method: 'GET', path: '/api/health', tag: 'system', auth: 'public',
    summary: 'Liveness and readiness: database, Redis and worker state',
    response: HealthResponse,
  }),
  login: route({
    id: 'login', method: 'POST', path: '/api/auth/login', tag: 'auth', auth: 'public',
    summary: 'Log in with username and password',
    body: LoginRequest, response: LoginResponse,
  }),
  refresh: route({
    id: 'refresh', method: 'POST', path: '/api/auth/refresh', tag: 'auth', auth: 'public',
    summary: 'Exchange a refresh token for a new token pair (the old one stops working)',
    body: RefreshRequest, response: TokenPair,
  }),
  logout: route({
    id: 'logout', method: 'POST', path: '/api/auth/logout', tag: 'auth', auth: 'public',
    summary: 'Revoke a refresh token',
    body: RefreshRequest, response: OkResponse,
  }),
  changePassword: route({
    id: 'changePassword', method: 'POST', path: '/api/auth/change-password', tag: 'auth', auth: 'authenticated',
    summary: 'Change one\'s own password; other sessions are signed out',
    body: ChangePasswordRequest, response: TokenPair,
  }),
  me: route({
    id: 'me', method: 'GET', path: '/api/me', tag: 'auth', auth: 'authenticated',
    summary: 'The signed-in user', response: UserView,
  }),
  mySessions: route({
    id: 'mySessions', method: 'GET', path: '/api/auth/sessions', tag: 'auth', auth: 'authenticated',
    summary: 'One\'s own signed-in sessions (登录设备), the current one marked', response: SessionList,
  }),
  revokeMySession: route({
    id: 'revokeMySession', method: 'DELETE', path: '/api/auth/sessions/:id', tag: 'auth', auth: 'authenticated',
    summary: 'Sign out one of one\'s own sessions: its refresh token and its access token stop working at once', params: IdParams, response: OkResponse,
  }),
  revokeOtherSessions: route({
    id: 'revokeOtherSessions', method: 'POST', path: '/api/auth/sessions/revoke-others', tag: 'auth', auth: 'authenticated',
    summary: 'Sign out every other session of one\'s own', response: RevokedSessions,
  }),
  listUsers: route({
    id: 'listUsers', method: 'GET', path: '/api/users', tag: 'users', auth: ADMIN_ROLES,
    summary: 'Users within the caller\'s scope', query: ListUsersQuery, response: UserPage,
  }),
  createUser: route({
    id: 'createUser', method: 'POST', path: '/api/users', tag: 'users', auth: ADMIN_ROLES,
    summary: 'Create a user within the caller\'s scope', body: CreateUserRequest, response: CreateUserResponse, status: 201,
  }),
  importTemplate: route({
    id: 'importTemplate', method: 'GET', path: '/api/users/import-template', tag: 'users', auth: TREE_ADMINS,
    summary: 'The XLSX template for bulk import of officials', download: 'officials-import-template.xlsx',
  }),
  importUsers: route({
    id: 'importUsers', method: 'POST', path: '/api/users/import', tag: 'users', auth: TREE_ADMINS,
    summary: 'Bulk import officials from XLSX or CSV with a row-by-row report',
    query: ImportQuery, response: ImportReport,
    upload: {
      maxBytes: 5 * 1024 * 1024,
      accept: ['.xlsx', '.csv'],
    },
  }),
  getUser: route({
    id: 'getUser', method: 'GET', path: '/api/users/:id', tag: 'users', auth: ADMIN_ROLES,
    summary: 'One user within the caller\'s scope', params: IdParams, response: UserView,
  }),
  updateUser: route({
    id: 'updateUser', method: 'PATCH', path: '/api/users/:id', tag: 'users', auth: ADMIN_ROLES,
    summary: 'Edit, disable, enable or unlock a user', params: IdParams, body: UpdateUserRequest, response: UserView,
  }),
  resetPassword: route({
    id: 'resetPassword', method: 'POST', path: '/api/users/:id/reset-password', tag: 'users', auth: ADMIN_ROLES,
    summary: 'Set a new one-time password; the user must change it at next login',
    params: IdParams, response: ResetPasswordResponse,
  }),
  revokeUserSessions: route({
    id: 'revokeUserSessions', method: 'POST', path: '/api/users/:id/revoke-sessions', tag: 'users', auth: ADMIN_ROLES,
    summary: 'Sign a user out everywhere (强制下线): every session\'s refresh and access tokens stop working at once', params: IdParams, response: RevokedSessions,
  }),
  orgTree: route({
    id: 'orgTree', method: 'GET', path: '/api/org-units', tag: 'organisation', auth: ADMIN_ROLES,
    summary: 'The organisation tree within the caller\'s scope', response: OrgUnitTree,
  }),
  createOrgUnit: route({
    id: 'createOrgUnit', method: 'POST', path: '/api/org-units', tag: 'organisation', auth: TREE_ADMINS,
    summary: 'Add a node under one the caller manages', body: CreateOrgUnitRequest, response: OrgUnitView, status: 201,
  }),
  updateOrgUnit: route({
    id: 'updateOrgUnit', method: 'PATCH', path: '/api/org-units/:id', tag: 'organisation', auth: TREE_ADMINS,
    summary: 'Rename a node', params: IdParams, body: UpdateOrgUnitRequest, response: OrgUnitView,
  }),
  deleteOrgUnit: route({
    id: 'deleteOrgUnit', method: 'DELETE', path: '/api/org-units/:id', tag: 'organisation', auth: TREE_ADMINS,
    summary: 'Delete an empty node (no sub-units, people or institutions)', params: IdParams, response: OkResponse,
  }),
  listInstitutions: route({
    id: 'listInstitutions', method: 'GET', path: '/api/institutions', tag: 'organisation', auth: ADMIN_ROLES,
    summary: 'Training institutions (施教机构) visible to the caller', response: InstitutionList,
  }),
  createInstitution: route({
    id: 'createInstitution', method: 'POST', path: '/api/institutions', tag: 'organisation', auth: ['sys_admin'],
    summary: 'Register a training institution', body: CreateInstitutionRequest, response: InstitutionView, status: 201,
  }),

  // courseware
  listCategories: route({
    id: 'listCategories', method: 'GET', path: '/api/categories', tag: 'courses', auth: 'authenticated',
    summary: 'Course categories (P12)', response: CategoryList,
  }),
  createCategory: route({
    id: 'createCategory', method: 'POST', path: '/api/categories', tag: 'courses', auth: ['sys_admin'],
    summary: 'Add a course category', body: CreateCategoryRequest, response: CategoryView, status: 201,
  }),
  updateCategory: route({
    id: 'updateCategory', method: 'PATCH', path: '/api/categories/:id', tag: 'courses', auth: ['sys_admin'],
    summary: 'Edit a course category', params: IdParams, body: UpdateCategoryRequest, response: CategoryView,
  }),
  catalog: route({
    id: 'catalog', method: 'GET', path: '/api/catalog', tag: 'courses', auth: 'authenticated',
    summary: 'Published courses: search by title, category, required/elective, institution', query: CatalogQuery, response: CoursePage,
  }),
  myCourses: route({
    id: 'myCourses', method: 'GET', path: '/api/my/courses', tag: 'courses', auth: ['official'],
    summary: 'The courses the official is enrolled in or assigned', query: CatalogQuery, response: CoursePage,
  }),
  managedCourses: route({
    id: 'managedCourses', method: 'GET', path: '/api/courses/managed', tag: 'courses', auth: AUTHORS,
    summary: 'Courses the caller builds or reviews, in every status', query: ManagedCoursesQuery, response: CoursePage,
  }),
  createCourse: route({
    id: 'createCourse', method: 'POST', path: '/api/courses', tag: 'courses', auth: AUTHORS,
    summary: 'Start a course (draft)', body: CreateCourseRequest, response: CourseDetail, status: 201,
  }),
  getCourse: route({
    id: 'getCourse', method: 'GET', path: '/api/courses/:id', tag: 'courses', auth: 'authenticated',
    summary: 'A course with its chapters and lessons', params: IdParams, response: CourseDetail,
  }),
  updateCourse: route({
    id: 'updateCourse', method: 'PATCH', path: '/api/courses/:id', tag: 'courses', auth: AUTHORS,
    summary: 'Edit a draft, returned or unpublished course', params: IdParams, body: UpdateCourseRequest, response: CourseDetail,
  }),
  addChapter: route({
    id: 'addChapter', method: 'POST', path: '/api/courses/:id/chapters', tag: 'courses', auth: AUTHORS,
    summary: 'Add a chapter at the end', params: IdParams, body: CreateChapterRequest, response: CourseDetail, status: 201,
  }),
  updateChapter: route({
    id: 'updateChapter', method: 'PATCH', path: '/api/chapters/:id', tag: 'courses', auth: AUTHORS,
    summary: 'Rename a chapter', params: IdParams, body: UpdateChapterRequest, response: CourseDetail,
  }),
  deleteChapter: route({
    id: 'deleteChapter', method: 'DELETE', path: '/api/chapters/:id', tag: 'courses', auth: AUTHORS,
    summary: 'Delete an empty chapter', params: IdParams, response: CourseDetail,
  }),
  addLesson: route({
    id: 'addLesson', method: 'POST', path: '/api/courses/:id/lessons', tag: 'courses', auth: AUTHORS,
    summary: 'Add a lesson to a chapter', params: IdParams, body: CreateLessonRequest, response: CourseDetail, status: 201,
  }),
  updateLesson: route({
    id: 'updateLesson', method: 'PATCH', path: '/api/lessons/:id', tag: 'courses', auth: AUTHORS,
    summary: 'Rename a lesson or attach its media', params: IdParams, body: UpdateLessonRequest, response: CourseDetail,
  }),
  deleteLesson: route({
    id: 'deleteLesson', method: 'DELETE', path: '/api/lessons/:id', tag: 'courses', auth: AUTHORS,
    summary: 'Delete a lesson', params: IdParams, response: CourseDetail,
  }),
  reorderCourse: route({
    id: 'reorderCourse', method: 'PUT', path: '/api/courses/:id/order', tag: 'courses', auth: AUTHORS,
    summary: 'Set the order of chapters and lessons', params: IdParams, body: ReorderRequest, response: CourseDetail,
  }),
  submitCourse: route({
    id: 'submitCourse', method: 'POST', path: '/api/courses/:id/submit', tag: 'courses', auth: AUTHORS,
    summary: 'Submit for review', params: IdParams, response: CourseDetail,
  }),
  reviewCourse: route({
    id: 'reviewCourse', method: 'POST', path: '/api/courses/:id/review', tag: 'courses', auth: REVIEWERS,
    summary: 'Approve or return a submitted course', params: IdParams, body: ReviewRequest, response: CourseDetail,
  }),
  publishCourse: route({
    id: 'publishCourse', method: 'POST', path: '/api/courses/:id/publish', tag: 'courses', auth: REVIEWERS,
    summary: 'Publish an approved or unpublished course', params: IdParams, response: CourseDetail,
  }),
  unpublishCourse: route({
    id: 'unpublishCourse', method: 'POST', path: '/api/courses/:id/unpublish', tag: 'courses', auth: REVIEWERS,
    summary: 'Take a course out of the catalogue; learners keep their progress', params: IdParams, response: CourseDetail,
  }),
  enrol: route({
    id: 'enrol', method: 'POST', path: '/api/courses/:id/enrol', tag: 'courses', auth: ['official'],
    summary: 'Enrol in a published elective course', params: IdParams, response: CourseDetail,
  }),
  assignCourse: route({
    id: 'assignCourse', method: 'POST', path: '/api/courses/:id/assign', tag: 'courses', auth: TREE_ADMINS,
    summary: 'Assign a published course to officials of a node or a list (within the caller\'s subtree)',
    params: IdParams, body: AssignRequest, response: AssignResponse, maxBodyBytes: 256 * 1024,
  }),
  uploadLimits: route({
    id: 'uploadLimits', method: 'GET', path: '/api/uploads/limits', tag: 'media', auth: AUTHORS,
    summary: 'Upload limits and the tus endpoint', response: UploadLimits,
  }),
  mediaByUpload: route({
    id: 'mediaByUpload', method: 'GET', path: '/api/media/uploads/:uploadId', tag: 'media', auth: AUTHORS,
    summary: 'The media asset a finished tus upload became', params: UploadIdParams, response: MediaAssetView,
  }),
  getMedia: route({
    id: 'getMedia', method: 'GET', path: '/api/media/:id', tag: 'media', auth: AUTHORS,
    summary: 'A media asset with its transcoding state and progress', params: IdParams, response: MediaAssetView,
  }),
  playback: route({
    id: 'playback', method: 'GET', path: '/api/lessons/:id/playback', tag: 'media', auth: 'authenticated',
    summary: 'A signed, expiring URL of the lesson\'s media for the caller', params: IdParams, response: PlaybackResponse,
  }),

  // verified watching → credit
  startSession: route({
    id: 'startSession', method: 'POST', path: '/api/lessons/:id/sessions', tag: 'credit', auth: ['official'],
    summary: 'Open a lesson: a play session that takes over any other of the official\'s sessions', params: IdParams,
    response: StartSessionResponse, status: 201,
  }),
  heartbeat: route({
    id: 'heartbeat', method: 'POST', path: '/api/play/heartbeat', tag: 'credit', auth: ['official'], bodyToken: true,
    summary: 'Heartbeats of a play session (one live beat, or the beats kept while offline)', body: HeartbeatRequest, response: HeartbeatResponse,
    maxBodyBytes: 256 * 1024,
  }),
  answerAttention: route({
    id: 'answerAttention', method: 'POST', path: '/api/play/attention', tag: 'credit', auth: ['official'],
    summary: 'Answer an attention check (防挂机)', body: AttentionAnswerRequest, response: OkResponse,
  }),
  endSession: route({
    id: 'endSession', method: 'POST', path: '/api/play/sessions/:id/end', tag: 'credit', auth: ['official'],
    summary: 'Close a play session', params: IdParams, response: OkResponse,
  }),
  lessonCredit: route({
    id: 'lessonCredit', method: 'GET', path: '/api/lessons/:id/credit', tag: 'credit', auth: ['official'],
    summary: 'What of a lesson was counted and what was not, with the reasons', params: IdParams, response: LessonCreditView,
  }),
  myProgress: route({
    id: 'myProgress', method: 'GET', path: '/api/my/progress', tag: 'credit', auth: ['official'],
    summary: 'The year\'s credited hours against the requirement, and each course\'s progress', response: MyProgressResponse,
  }),
  addCorrection: route({
    id: 'addCorrection', method: 'POST', path: '/api/credit/corrections', tag: 'credit', auth: ['sys_admin', 'org_admin'],
    summary: 'Correct an official\'s credit: a new ledger entry with a reason (never an edit)', body: CorrectionRequest, response: LedgerEntryView, status: 201,
  }),

  // question bank, quizzes and exams, evaluation (凡训必评)
  listQuestions: route({
    id: 'listQuestions', method: 'GET', path: '/api/courses/:id/questions', tag: 'assessment', auth: AUTHORS,
    summary: 'The course\'s question bank, with its tags and counts by type', params: IdParams, query: QuestionListQuery, response: QuestionListResponse,
  }),
  createQuestion: route({
    id: 'createQuestion', method: 'POST', path: '/api/courses/:id/questions', tag: 'assessment', auth: AUTHORS,
    summary: 'Add a question to the course\'s bank', params: IdParams, body: QuestionInput, response: QuestionView, status: 201,
  }),
  updateQuestion: route({
    id: 'updateQuestion', method: 'PUT', path: '/api/questions/:id', tag: 'assessment', auth: AUTHORS,
    summary: 'Replace a question (attempts already drawn keep the version they showed)', params: IdParams, body: QuestionInput, response: QuestionView,
  }),
  deleteQuestion: route({
    id: 'deleteQuestion', method: 'DELETE', path: '/api/questions/:id', tag: 'assessment', auth: AUTHORS,
    summary: 'Remove a question from the bank (past attempts keep it)', params: IdParams, response: OkResponse,
  }),
  importQuestions: route({
    id: 'importQuestions', method: 'POST', path: '/api/courses/:id/questions/import', tag: 'assessment', auth: AUTHORS,
    summary: 'Import questions from XLSX: all rows or none, with a row-by-row report', params: IdParams, response: QuestionImportReport,
    upload: { maxBytes: 5 * 1024 * 1024, accept: ['.xlsx'] },
  }),
  exportQuestions: route({
    id: 'exportQuestions', method: 'GET', path: '/api/courses/:id/questions/export', tag: 'assessment', auth: AUTHORS,
    summary: 'The course\'s question bank as XLSX (the import layout)', params: IdParams, download: 'question-bank.xlsx',
  }),
  listQuizzes: route({
    id: 'listQuizzes', method: 'GET', path: '/api/courses/:id/quizzes', tag: 'assessment', auth: 'authenticated',
    summary: 'The course\'s lesson quizzes and final exam (for an official, with their attempts)', params: IdParams,
    response: z.object({ items: z.array(QuizView) }),
  }),
  createQuiz: route({
    id: 'createQuiz', method: 'POST', path: '/api/courses/:id/quizzes', tag: 'assessment', auth: AUTHORS,
    summary: 'Add a lesson quiz or the final exam', params: IdParams, body: QuizInput, response: QuizView, status: 201,
  }),
  updateQuiz: route({
    id: 'updateQuiz', method: 'PATCH', path: '/api/quizzes/:id', tag: 'assessment', auth: AUTHORS,
    summary: 'Change a quiz\'s settings', params: IdParams, body: QuizUpdate, response: QuizView,
  }),
  deleteQuiz: route({
    id: 'deleteQuiz', method: 'DELETE', path: '/api/quizzes/:id', tag: 'assessment', auth: AUTHORS,
    summary: 'Remove a quiz nobody has attempted', params: IdParams, response: OkResponse,
  }),
  quizStats: route({
    id: 'quizStats', method: 'GET', path: '/api/quizzes/:id/stats', tag: 'assessment', auth: AUTHORS,
    summary: 'Scores, pass rate, distribution and per-question difficulty', params: IdParams, response: QuizStats,
  }),
  startAttempt: route({
    id: 'startAttempt', method: 'POST', path: '/api/quizzes/:id/attempts', tag: 'assessment', auth: ['official'],
    summary: 'Start an attempt (or get the one still open): questions drawn and shuffled, no answers', params: IdParams, response: AttemptView, status: 201,
  }),
  getAttempt: route({
    id: 'getAttempt', method: 'GET', path: '/api/attempts/:id', tag: 'assessment', auth: ['official'],
    summary: 'One of the caller\'s attempts, with saved answers (and the review once allowed)', params: IdParams, response: AttemptView,
  }),
  saveAnswer: route({
    id: 'saveAnswer', method: 'PUT', path: '/api/attempts/:id/answers', tag: 'assessment', auth: ['official'],
    summary: 'Save one answer as the official goes (refused after the deadline)', params: IdParams, body: SaveAnswerRequest, response: SaveAnswerResponse,
  }),
  submitAttempt: route({
    id: 'submitAttempt', method: 'POST', path: '/api/attempts/:id/submit', tag: 'assessment', auth: ['official'],
    summary: 'Hand in: graded once on the server (a second submit returns the same result)', params: IdParams, response: AttemptView,
  }),
  myEvaluation: route({
    id: 'myEvaluation', method: 'GET', path: '/api/courses/:id/evaluation', tag: 'assessment', auth: ['official'],
    summary: 'Whether the caller has evaluated the course, and how', params: IdParams, response: MyEvaluation,
  }),
  submitEvaluation: route({
    id: 'submitEvaluation', method: 'POST', path: '/api/courses/:id/evaluation', tag: 'assessment', auth: ['official'],
    summary: 'Evaluate the course (plan, content, teachers, management), once', params: IdParams, body: EvaluationInput, response: MyEvaluation, status: 201,
  }),
  evaluationResults: route({
    id: 'evaluationResults', method: 'GET', path: '/api/evaluation-results', tag: 'assessment', auth: [...AUTHORS, 'org_admin'],
    summary: 'Evaluation averages and distributions of a course, an instructor or an institution (from 3 responses, never with names)',
    query: EvaluationResultsQuery, response: EvaluationResults,
  }),
  courseCompletion: route({
    id: 'courseCompletion', method: 'GET', path: '/api/courses/:id/completion', tag: 'assessment', auth: ['official'],
    summary: 'What the course still needs of the caller before its hours are credited', params: IdParams, response: CourseCompletion,
  }),

  // training classes (班次): the model assessment needs; assessment records (P10)
  listClasses: route({
    id: 'listClasses', method: 'GET', path: '/api/classes', tag: 'classes', auth: 'authenticated',
    summary: 'The caller\'s classes: an institution\'s, an instructor\'s, a trainee\'s', response: z.object({ items: z.array(ClassView) }),
  }),
  createClass: route({
    id: 'createClass', method: 'POST', path: '/api/classes', tag: 'classes', auth: REVIEWERS,
    summary: 'Open a training class of the caller\'s institution', body: ClassInput, response: ClassView, status: 201,
  }),
  getClass: route({
    id: 'getClass', method: 'GET', path: '/api/classes/:id', tag: 'classes', auth: 'authenticated',
    summary: 'A class with its instructors and members', params: IdParams, response: ClassView,
  }),
  addClassMembers: route({
    id: 'addClassMembers', method: 'POST', path: '/api/classes/:id/members', tag: 'classes', auth: REVIEWERS,
    summary: 'Enrol officials in a class (all or none)', params: IdParams, body: ClassMembersRequest, response: ClassView, maxBodyBytes: 128 * 1024,
  }),
  classCandidates: route({
    id: 'classCandidates', method: 'GET', path: '/api/classes/:id/candidates', tag: 'classes', auth: REVIEWERS,
    summary: 'Officials the admin may enrol in the class (active, not members yet, in the institution\'s region), by name, username or staff number',
    params: IdParams, query: ClassCandidatesQuery, response: z.object({ items: z.array(ClassCandidate) }),
  }),
  listJournal: route({
    id: 'listJournal', method: 'GET', path: '/api/classes/:id/journal', tag: 'classes', auth: 'authenticated',
    summary: 'The learning journal (写实记录): a trainee\'s own entries, or every member\'s for the class\'s instructors',
    params: IdParams, query: JournalQuery, response: z.object({ items: z.array(JournalEntryView) }),
  }),
  addJournalEntry: route({
    id: 'addJournalEntry', method: 'POST', path: '/api/classes/:id/journal', tag: 'classes', auth: ['official'],
    summary: 'Write a dated journal entry', params: IdParams, body: JournalInput, response: JournalEntryView, status: 201,
  }),
  peerReviewState: route({
    id: 'peerReviewState', method: 'GET', path: '/api/classes/:id/peer-review', tag: 'classes', auth: ['official'],
    summary: 'The peer review (民主评议): its window and the classmates to rate', params: IdParams, response: PeerReviewState,
  }),
  submitPeerReview: route({
    id: 'submitPeerReview', method: 'POST', path: '/api/classes/:id/peer-review', tag: 'classes', auth: ['official'],
    summary: 'Rate a classmate on the four points, within the window (anonymous)', params: IdParams, body: PeerReviewInput, response: PeerReviewState,
  }),
  scoreTrainee: route({
    id: 'scoreTrainee', method: 'PUT', path: '/api/classes/:id/scores/:userId', tag: 'classes', auth: [...AUTHORS],
    summary: 'The instructor\'s four scores of a trainee', params: z.object({ id: Uuid, userId: Uuid }), body: InstructorScoreInput, response: AssessmentRecord,
  }),
  classAssessment: route({
    id: 'classAssessment', method: 'GET', path: '/api/classes/:id/assessment', tag: 'classes', auth: 'authenticated',
    summary: 'Assessment records: every member\'s for instructors and admins, one\'s own for a trainee',
    params: IdParams, response: z.object({ items: z.array(AssessmentRecord) }),
  }),

  updateClass: route({
    id: 'updateClass', method: 'PATCH', path: '/api/classes/:id', tag: 'classes', auth: REVIEWERS,
    summary: 'Change a class that has not finished; the rules are checked again (a published class must keep meeting them)',
    params: IdParams, body: ClassUpdate, response: ClassView,
  }),
  publishClass: route({
    id: 'publishClass', method: 'POST', path: '/api/classes/:id/publish', tag: 'classes', auth: REVIEWERS,
    summary: 'Publish a class: refused (409, naming each rule) while it breaks P3–P5', params: IdParams, response: ClassView,
  }),
  addClassSession: route({
    id: 'addClassSession', method: 'POST', path: '/api/classes/:id/sessions', tag: 'classes', auth: REVIEWERS,
    summary: 'Add an offline (脱产) session: a day or half a day, with its rule-of-law hours', params: IdParams, body: OfflineSessionInput, response: ClassView, status: 201,
  }),
  updateClassSession: route({
    id: 'updateClassSession', method: 'PUT', path: '/api/classes/:id/sessions/:sessionId', tag: 'classes', auth: REVIEWERS,
    summary: 'Change an offline session', params: ClassSessionParams, body: OfflineSessionInput, response: ClassView,
  }),
  deleteClassSession: route({
    id: 'deleteClassSession', method: 'DELETE', path: '/api/classes/:id/sessions/:sessionId', tag: 'classes', auth: REVIEWERS,
    summary: 'Remove an offline session (and its attendance) from an unfinished class', params: ClassSessionParams, response: ClassView,
  }),
  classAttendance: route({
    id: 'classAttendance', method: 'GET', path: '/api/classes/:id/attendance', tag: 'classes', auth: [...REVIEWERS, 'instructor'],
    summary: 'Attendance of every member at every offline session', params: IdParams, response: AttendanceView,
  }),
  recordAttendance: route({
    id: 'recordAttendance', method: 'PUT', path: '/api/classes/:id/attendance', tag: 'classes', auth: REVIEWERS,
    summary: 'Record attendance (all records or none)', params: IdParams, body: AttendanceUpdate, response: AttendanceView, maxBodyBytes: 3 * 1024 * 1024,
  }),
  addClassMembersByUnit: route({
    id: 'addClassMembersByUnit', method: 'POST', path: '/api/classes/:id/members/by-unit', tag: 'classes', auth: REVIEWERS,
    summary: 'Enrol every active official of an organisation node (and its sub-units)', params: IdParams, body: MembersByUnitRequest, response: ClassView,
  }),
  importClassMembers: route({
    id: 'importClassMembers', method: 'POST', path: '/api/classes/:id/members/import', tag: 'classes', auth: REVIEWERS,
    summary: 'Enrol from an XLSX list (人员编号 or 用户名 per row): a file with one bad row enrols nobody and names the rows',
    params: IdParams, response: MembersImportReport,
    upload: { maxBytes: 5 * 1024 * 1024, accept: ['.xlsx'] },
  }),
  removeClassMember: route({
    id: 'removeClassMember', method: 'DELETE', path: '/api/classes/:id/members/:userId', tag: 'classes', auth: REVIEWERS,
    summary: 'Take a trainee out of an unfinished class', params: ClassMemberParams, response: ClassView,
  }),
  classCompletion: route({
    id: 'classCompletion', method: 'GET', path: '/api/classes/:id/completion', tag: 'classes', auth: [...REVIEWERS, 'instructor'],
    summary: 'Each trainee against completion: required courses, attendance, assessment', params: IdParams, response: ClassCompletion,
  }),
  exportClassCompletion: route({
    id: 'exportClassCompletion', method: 'GET', path: '/api/classes/:id/completion.xlsx', tag: 'classes', auth: REVIEWERS,
    summary: 'The completion list as XLSX', params: IdParams, download: 'class-completion.xlsx',
  }),
  finishClass: route({
    id: 'finishClass', method: 'POST', path: '/api/classes/:id/finish', tag: 'classes', auth: REVIEWERS,
    summary: 'Close the class (结业): each trainee\'s offline days are credited to the ledger, once', params: IdParams, response: ClassCompletion,
  }),

  // policy settings, versioned by year (I8)
  getPolicy: route({
    id: 'getPolicy', method: 'GET', path: '/api/policy/:year', tag: 'policy', auth: 'authenticated',
    summary: 'The settings of a year', params: PolicyYearParams, response: PolicyYearView,
  }),
  updatePolicy: route({
    id: 'updatePolicy', method: 'PUT', path: '/api/policy/:year', tag: 'policy', auth: ['sys_admin'],
    summary: 'Change the current or a future year\'s settings; a past year is closed (409)', params: PolicyYearParams, body: PolicyUpdate, response: PolicyYearView,
  }),

  // yearly compliance (P1–P8), dashboards, reminders
  myCompliance: route({
    id: 'myCompliance', method: 'GET', path: '/api/compliance/me', tag: 'compliance', auth: ['official'],
    summary: 'The caller\'s year against every requirement that applies, with the shortfall', query: ComplianceQuery, response: OfficialCompliance,
  }),
  officialCompliance: route({
    id: 'officialCompliance', method: 'GET', path: '/api/compliance/officials/:id', tag: 'compliance', auth: ADMIN_ROLES,
    summary: 'An official\'s year, within the caller\'s scope', params: IdParams, query: ComplianceQuery, response: OfficialCompliance,
  }),
  complianceList: route({
    id: 'complianceList', method: 'GET', path: '/api/compliance/officials', tag: 'compliance', auth: ADMIN_ROLES,
    summary: 'Officials of the caller\'s scope against the yearly requirement, with filters (behind, at risk …)', query: ComplianceListQuery, response: pageOf(ComplianceRow),
  }),
  exportComplianceList: route({
    id: 'exportComplianceList', method: 'GET', path: '/api/compliance/officials.xlsx', tag: 'compliance', auth: ADMIN_ROLES,
    summary: 'The same list, every page, as XLSX', query: ComplianceListQuery, download: 'compliance.xlsx',
  }),
  complianceDashboard: route({
    id: 'complianceDashboard', method: 'GET', path: '/api/compliance/dashboard', tag: 'compliance', auth: ADMIN_ROLES,
    summary: 'Share meeting the requirement by unit, distribution of hours, trend through the year, the year-end projection', query: DashboardQuery, response: Dashboard,
  }),
  sendReminders: route({
    id: 'sendReminders', method: 'POST', path: '/api/compliance/reminders', tag: 'compliance', auth: ADMIN_ROLES,
    summary: 'Remind every official projected to miss the requirement, and their unit\'s admins', body: RemindersRequest, response: RemindersResponse,
  }),
  myNotifications: route({
    id: 'myNotifications', method: 'GET', path: '/api/notifications', tag: 'compliance', auth: 'authenticated',
    summary: 'The caller\'s in-app notifications, newest first', response: NotificationList,
  }),
  readNotification: route({
    id: 'readNotification', method: 'POST', path: '/api/notifications/:id/read', tag: 'compliance', auth: 'authenticated',
    summary: 'Mark a notification read', params: IdParams, response: NotificationList,
  }),

  // training archive (培训档案) and its public verification
  archive: route({
    id: 'archive', method: 'GET', path: '/api/archives/:userId/:year', tag: 'archives', auth: ['official', ...ADMIN_ROLES],
    summary: 'An official\'s training archive for a year, issued with a verification code', params: ArchiveParams, response: ArchiveView,
  }),
  archivePdf: route({
    id: 'archivePdf', method: 'GET', path: '/api/archives/:userId/:year/pdf', tag: 'archives', auth: ['official', ...ADMIN_ROLES],
    summary: 'The archive as PDF, with its verification code and QR code', params: ArchiveParams, download: 'archive.pdf',
  }),
  archiveXlsx: route({
    id: 'archiveXlsx', method: 'GET', path: '/api/archives/:userId/:year/xlsx', tag: 'archives', auth: ['official', ...ADMIN_ROLES],
    summary: 'The archive as XLSX', params: ArchiveParams, download: 'archive.xlsx',
  }),
  verifyArchive: route({
    id: 'verifyArchive', method: 'GET', path: '/api/verify/:code', tag: 'archives', auth: 'public',
    summary: 'Whether an issued archive still matches the ledger (public)', params: VerifyParams, response: VerifyResult,
  }),

  // appeals (申诉) and anomaly flags (异常提示)
  createAppeal: route({
    id: 'createAppeal', method: 'POST', path: '/api/appeals', tag: 'supervision', auth: ['official'],
    summary: 'Dispute a lesson\'s uncounted time', body: AppealInput, response: AppealView, status: 201,
  }),
  listAppeals: route({
    id: 'listAppeals', method: 'GET', path: '/api/appeals', tag: 'supervision', auth: ['official', 'org_admin', 'sys_admin'],
    summary: 'One\'s own appeals, or those of the admin\'s subtree', query: AppealListQuery, response: pageOf(AppealView),
  }),
  getAppeal: route({
    id: 'getAppeal', method: 'GET', path: '/api/appeals/:id', tag: 'supervision', auth: ['official', 'org_admin', 'sys_admin'],
    summary: 'An appeal with the credit explanation of its lesson', params: IdParams, response: AppealDetail,
  }),
  decideAppeal: route({
    id: 'decideAppeal', method: 'POST', path: '/api/appeals/:id/decision', tag: 'supervision', auth: ['org_admin', 'sys_admin'],
    summary: 'Accept (a correction entry is written with the reason) or reject an open appeal', params: IdParams, body: AppealDecision, response: AppealView,
  }),
  anomalies: route({
    id: 'anomalies', method: 'GET', path: '/api/anomalies', tag: 'supervision', auth: ['org_admin', 'sys_admin'],
    summary: 'Patterns for a supervisor to judge, with the evidence (no automatic penalty)', query: AnomalyQuery, response: z.object({ items: z.array(AnomalyView) }),
  }),
  exportAnomalies: route({
    id: 'exportAnomalies', method: 'GET', path: '/api/anomalies.xlsx', tag: 'supervision', auth: ['org_admin', 'sys_admin'],
    summary: 'The anomaly list as XLSX', query: AnomalyQuery, download: 'anomalies.xlsx',
  }),
  exportUsers: route({
    id: 'exportUsers', method: 'GET', path: '/api/users.xlsx', tag: 'users', auth: ADMIN_ROLES,
    summary: 'The user list (same filters), every page, as XLSX', query: UsersExportQuery, download: 'users.xlsx',
  }),
  exportAppeals: route({
    id: 'exportAppeals', method: 'GET', path: '/api/appeals.xlsx', tag: 'supervision', auth: ['org_admin', 'sys_admin'],
    summary: 'The appeal list as XLSX', query: AppealListQuery, download: 'appeals.xlsx',
  }),

  queueBoardTicket: route({
    id: 'queueBoardTicket', method: 'POST', path: '/api/admin/queue-board/tickets', tag: 'system', auth: ['sys_admin'],
    summary: 'A one-time link (valid 60 s) that opens the job-queue dashboard (bull-board) in this browser, bound to this sign-in',
    response: z.object({ url: z.string(), expiresAt: z.string() }), status: 201,
  }),
  auditLog: route({
    id: 'auditLog', method: 'GET', path: '/api/audit-log', tag: 'system', auth: ['sys_admin'],
    summary: 'Admin actions that changed something: who, what, on whom, when, from where', query: AuditQuery, response: pageOf(AuditEntryView),
  }),
  exportAuditLog: route({
    id: 'exportAuditLog', method: 'GET', path: '/api/audit-log.xlsx', tag: 'system', auth: ['sys_admin'],
    summary: 'The audit log (same filters, every page, newest first, at most 100 000 rows) as XLSX', query: AuditQuery, download: 'audit-log.xlsx',
  }),
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;
