import { Module } from '@nestjs/common';
import { AssessmentModule } from '../assessment/assessment.module';
import { LedgerRepository } from '../credits/ledger.repository';
import { ClassAdminController } from './class-admin.controller';
import { ClassAdminService } from './class-admin.service';

/** 班次管理: the administration of training classes (P3–P5), their attendance and 结业. */
@Module({
  imports: [AssessmentModule],
  controllers: [ClassAdminController],
  providers: [ClassAdminService, LedgerRepository],
})
export class TrainingModule {}
