import { RefreshTokenEntity } from '../modules/accounts/refresh-token.entity';
import { UserEntity } from '../modules/accounts/user.entity';
import { CategoryEntity } from '../modules/courses/category.entity';
import { ChapterEntity } from '../modules/courses/chapter.entity';
import { CourseInstructorEntity } from '../modules/courses/course-instructor.entity';
import { CourseEntity } from '../modules/courses/course.entity';
import { EnrolmentEntity } from '../modules/courses/enrolment.entity';
import { LessonEntity } from '../modules/courses/lesson.entity';
import { MediaAssetEntity } from '../modules/media/media-asset.entity';
import { InstitutionEntity } from '../modules/organizations/institution.entity';
import { OrgUnitEntity } from '../modules/organizations/org-unit.entity';
import { LedgerEntryEntity } from '../modules/credits/ledger-entry.entity';
import { HeartbeatRejectionEntity } from '../modules/playback/heartbeat-rejection.entity';
import { LessonProgressEntity } from '../modules/playback/lesson-progress.entity';
import { PlaySessionEntity } from '../modules/playback/play-session.entity';
import { PolicyVersionEntity } from '../modules/policy/policy-version.entity';
import { CourseEvaluationEntity } from '../modules/assessment/course-evaluation.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { QuestionEntity } from '../modules/assessment/question.entity';
import { QuizAttemptEntity } from '../modules/assessment/quiz-attempt.entity';
import { QuizEntity } from '../modules/assessment/quiz.entity';
import {
  ClassInstructorEntity, ClassMemberEntity, InstructorScoreEntity, JournalEntryEntity, PeerReviewEntity, TrainingClassEntity,
} from '../modules/assessment/training-class.entity';
import { ClassAttendanceEntity, ClassCourseEntity, ClassResultEntity, ClassSessionEntity } from '../modules/training/class-admin.entities';
import { OfficialYearTotalsEntity } from '../modules/compliance/official-year-totals.entity';
import { NotificationEntity } from '../modules/compliance/notification.entity';
import { ArchiveIssueEntity } from '../modules/archives/archive-issue.entity';
import { AppealEntity } from '../modules/supervision/appeal.entity';

/** Every entity, in one list shared by the app and the migration tooling. */
export const ENTITIES = [
  OrgUnitEntity,
  InstitutionEntity,
  UserEntity,
  RefreshTokenEntity,
  CategoryEntity,
  CourseEntity,
  CourseInstructorEntity,
  ChapterEntity,
  LessonEntity,
  EnrolmentEntity,
  MediaAssetEntity,
  PolicyVersionEntity,
  PlaySessionEntity,
  LessonProgressEntity,
  HeartbeatRejectionEntity,
  LedgerEntryEntity,
  QuestionEntity,
  QuizEntity,
  QuizAttemptEntity,
  CourseEvaluationEntity,
  TrainingClassEntity,
  ClassMemberEntity,
  ClassInstructorEntity,
  JournalEntryEntity,
  PeerReviewEntity,
  InstructorScoreEntity,
  AuditEntryEntity,
  ClassCourseEntity,
  ClassSessionEntity,
  ClassAttendanceEntity,
  ClassResultEntity,
  OfficialYearTotalsEntity,
  NotificationEntity,
  ArchiveIssueEntity,
  AppealEntity,
];
