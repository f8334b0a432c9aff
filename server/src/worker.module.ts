import { ComplianceModule } from './modules/compliance/compliance.module';
import { Module } from '@nestjs/common';
import { CommonModule } from './common/common.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { MaintenanceProcessor } from './modules/maintenance/maintenance.processor';
import { MediaModule } from './modules/media/media.module';
import { TranscodeProcessor } from './modules/media/transcode.processor';
import { CourseCompletion } from './modules/credits/course-completion';
import { AttemptCloser } from './modules/assessment/attempt-closer';
import { SharedCounters } from './modules/metrics/shared-counters';
import { LedgerRepository } from './modules/credits/ledger.repository';
import { CreditFlushProcessor } from './modules/playback/credit-flush.processor';
import { PolicyModule } from './modules/policy/policy.module';
import { RedisModule } from './queue/queue.module';
import { WorkerRunner } from './queue/worker-runner';

/** The worker process: the same modules, no HTTP, the BullMQ processors. */
@Module({
  imports: [ConfigModule, CommonModule, DatabaseModule, RedisModule, AccountsModule, MediaModule, PolicyModule, ComplianceModule],
  providers: [MaintenanceProcessor, TranscodeProcessor, CreditFlushProcessor, LedgerRepository, CourseCompletion, AttemptCloser, SharedCounters, WorkerRunner],
})
export class WorkerModule {}
