import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard } from './common/auth/auth.guard';
import { AllExceptionsFilter } from './common/exception.filter';
import { ValidationInterceptor } from './common/validation.interceptor';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { HealthModule } from './modules/health/health.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { RedisModule } from './queue/queue.module';
import { CommonModule } from './common/common.module';
import { CoursesModule } from './modules/courses/courses.module';
import { MediaHttpModule } from './modules/media/media-http.module';
import { PlaybackModule } from './modules/playback/playback.module';
import { PolicyModule } from './modules/policy/policy.module';
import { CreditsModule } from './modules/credits/credits.module';
import { AssessmentModule } from './modules/assessment/assessment.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { AuditModule } from './modules/audit/audit.module';
import { TrainingModule } from './modules/training/training.module';
import { ComplianceModule } from './modules/compliance/compliance.module';
import { ArchivesModule } from './modules/archives/archives.module';
import { SupervisionModule } from './modules/supervision/supervision.module';
import { QueueBoardModule } from './modules/queue-board/queue-board.module';

/** The api process. */
@Module({
  imports: [ConfigModule, CommonModule, DatabaseModule, RedisModule, HealthModule, OrganizationsModule, AccountsModule, CoursesModule, MediaHttpModule, PolicyModule, PlaybackModule, CreditsModule, AssessmentModule, TrainingModule, ComplianceModule, ArchivesModule, SupervisionModule, MetricsModule, AuditModule, QueueBoardModule],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: ValidationInterceptor },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}

