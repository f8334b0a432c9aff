import { createBrowserRouter, Outlet } from 'react-router';
import { AttemptPage } from '../features/assessment/attempt-page';
import { EvaluationPage } from '../features/assessment/evaluation-page';
import { QuizIntroPage } from '../features/assessment/quiz-intro-page';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { LoginPage } from '../features/auth/login-page';
import { CatalogPage } from '../features/catalog/catalog-page';
import { CourseDetailPage } from '../features/catalog/course-detail-page';
import { MyCoursesPage } from '../features/catalog/my-courses-page';
import { CategoriesPage } from '../features/categories/categories-page';
import { QueueBoardPage } from '../features/queue-board/queue-board-page';
import { ClassListPage } from '../features/classes/class-list-page';
import { ClassPage } from '../features/classes/class-page';
import { ManagedCoursesPage } from '../features/courses/managed-courses-page';
import { HomePage } from '../features/home/home-page';
import { LessonCreditPage } from '../features/learning/lesson-credit-page';
import { MyLearningPage } from '../features/learning/my-learning-page';
import { OrganizationPage } from '../features/organization/organization-page';
import { ReviewListPage } from '../features/review/review-list-page';
import { ImportPage } from '../features/users/import/import-page';
import { UsersPage } from '../features/users/users-page';
import { FullPageSpin, NotFound, RequireAuth, RequirePage, RequireRoles } from './guards';
import { AppLayout } from './layouts/app-layout';

/** who builds courses (the server's AUTHORS) and who reviews them */
const AUTHORS = ['instructor', 'institution_admin', 'sys_admin'] as const;
const REVIEWERS = ['institution_admin', 'sys_admin'] as const;

// The builder (tus), the player and the review page (hls.js) load on first use: learners who
// never open them, and the login page, do not download those libraries.
const lazyBuilder = async () => ({ Component: (await import('../features/courses/course-builder-page')).CourseBuilderPage });
const lazyReview = async () => ({ Component: (await import('../features/review/review-page')).ReviewPage });
const lazyStats = async () => ({ Component: (await import('../features/assessment/quiz-stats-page')).QuizStatsPage });
// compliance, archives and supervision: admin pages with ECharts, and the public verification page
const lazyMyCompliance = async () => ({ Component: (await import('../features/compliance/my-compliance-page')).MyCompliancePage });
const lazyDashboard = async () => ({ Component: (await import('../features/compliance/dashboard-page')).DashboardPage });
const lazyOfficialCompliance = async () => ({ Component: (await import('../features/compliance/official-compliance-page')).OfficialCompliancePage });
const lazyPolicy = async () => ({ Component: (await import('../features/compliance/policy-page')).PolicyPage });
const lazyArchive = async () => ({ Component: (await import('../features/archive/archive-page')).ArchivePage });
const lazyVerify = async () => ({ Component: (await import('../features/archive/verify-page')).VerifyPage });
const lazyAppeals = async () => ({ Component: (await import('../features/supervision/appeals-page')).AppealsPage });
const lazyAppeal = async () => ({ Component: (await import('../features/supervision/appeal-page')).AppealPage });
const lazyAnomalies = async () => ({ Component: (await import('../features/supervision/anomalies-page')).AnomaliesPage });
const lazyPlayer = async () => ({ Component: (await import('../features/player/lesson-player-page')).LessonPlayerPage });

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // public: anyone holding an archive checks its verification code (培训档案核验)
  { path: '/verify/:code', hydrateFallbackElement: <FullPageSpin />, lazy: lazyVerify },
  {
    path: '/',
    // shown while a lazily loaded page arrives on the first load
    hydrateFallbackElement: <FullPageSpin />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'change-password', element: <ChangePasswordPage /> },
      { path: 'users', element: <RequirePage path="/users"><UsersPage /></RequirePage> },
      { path: 'organization', element: <RequirePage path="/organization"><OrganizationPage /></RequirePage> },
      { path: 'import', element: <RequirePage path="/import"><ImportPage /></RequirePage> },
      // courseware
      { path: 'catalog', element: <RequirePage path="/catalog"><CatalogPage /></RequirePage> },
      { path: 'my/courses', element: <RequirePage path="/my/courses"><MyCoursesPage /></RequirePage> },
      { path: 'my/learning', element: <RequirePage path="/my/learning"><MyLearningPage /></RequirePage> },
      { path: 'manage/courses', element: <RequirePage path="/manage/courses"><ManagedCoursesPage /></RequirePage> },
      { path: 'review', element: <RequirePage path="/review"><ReviewListPage /></RequirePage> },
      { path: 'review/:id', element: <RequireRoles roles={REVIEWERS}><Outlet /></RequireRoles>, children: [{ index: true, lazy: lazyReview }] },
      // 班次: whether the caller is in a class is the server's to decide (404 otherwise)
      { path: 'classes', element: <RequirePage path="/classes"><ClassListPage /></RequirePage> },
      { path: 'classes/:id', element: <RequirePage path="/classes"><ClassPage /></RequirePage> },
      { path: 'my/compliance', element: <RequirePage path="/my/compliance"><Outlet /></RequirePage>, children: [{ index: true, lazy: lazyMyCompliance }] },
      { path: 'compliance', element: <RequirePage path="/compliance"><Outlet /></RequirePage>, children: [{ index: true, lazy: lazyDashboard }] },
      { path: 'compliance/officials/:id', element: <RequirePage path="/compliance"><Outlet /></RequirePage>, children: [{ index: true, lazy: lazyOfficialCompliance }] },
      { path: 'policy', element: <RequirePage path="/policy"><Outlet /></RequirePage>, children: [{ index: true, lazy: lazyPolicy }] },
      { path: 'my/archive', element: <RequirePage path="/my/archive"><Outlet /></RequirePage>, children: [{ index: true, lazy: lazyArchive }] },
      { path: 'archive/:userId', element: <RequirePage path="/compliance"><Outlet /></RequirePage>, children: [{ index: true, lazy: lazyArchive }] },
      { path: 'appeals', element: <RequirePage path="/appeals"><Outlet /></RequirePage>, children: [{ index: true, lazy: lazyAppeals }] },
      { path: 'appeals/:id', element: <RequirePage path="/appeals"><Outlet /></RequirePage>, children: [{ index: true, lazy: lazyAppeal }] },
      { path: 'anomalies', element: <RequirePage path="/anomalies"><Outlet /></RequirePage>, children: [{ index: true, lazy: lazyAnomalies }] },
      { path: 'categories', element: <RequirePage path="/categories"><CategoriesPage /></RequirePage> },
      { path: 'queues', element: <RequirePage path="/queues"><QueueBoardPage /></RequirePage> },
      // visibility of one course is the server's to decide (published, enrolled, managed)
      { path: 'courses/:id', element: <CourseDetailPage /> },
      { path: 'courses/:id/edit', element: <RequireRoles roles={AUTHORS}><Outlet /></RequireRoles>, children: [{ index: true, lazy: lazyBuilder }] },
      { path: 'courses/:id/quizzes/:quizId/stats', element: <RequireRoles roles={AUTHORS}><Outlet /></RequireRoles>, children: [{ index: true, lazy: lazyStats }] },
      // 结业考试 / 课时测验 and 课程评估: an official's own
      { path: 'courses/:id/quizzes/:quizId', element: <RequireRoles roles={['official']}><QuizIntroPage /></RequireRoles> },
      { path: 'courses/:id/evaluate', element: <RequireRoles roles={['official']}><EvaluationPage /></RequireRoles> },
      { path: 'attempts/:id', element: <RequireRoles roles={['official']}><AttemptPage /></RequireRoles> },
      { path: 'lessons/:id', lazy: lazyPlayer },
      // 学时 details are an official's own
      { path: 'lessons/:id/credit', element: <RequireRoles roles={['official']}><LessonCreditPage /></RequireRoles> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
