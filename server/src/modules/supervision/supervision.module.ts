import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { LedgerRepository } from '../credits/ledger.repository';
import { OrganizationsModule } from '../organizations/organizations.module';
import { CreditQueryService } from '../playback/credit-query.service';
import { PlaybackRepository } from '../playback/playback.repository';
import { AnomaliesController } from './anomalies.controller';
import { AnomaliesRepository } from './anomalies.repository';
import { AnomaliesService } from './anomalies.service';
import { AppealsController } from './appeals.controller';
import { AppealsRepository } from './appeals.repository';
import { AppealsService } from './appeals.service';

/**
 * 申诉 and 异常提示: appeals against uncounted time (decided with a correction entry) and anomaly
 * flags for a supervisor. The credit explanation and the ledger are the playback and credits
 * modules' classes, provided here too (they hold no state).
 */
@Module({
  imports: [CoursesModule, OrganizationsModule],
  controllers: [AppealsController, AnomaliesController],
  providers: [AppealsService, AppealsRepository, AnomaliesService, AnomaliesRepository, CreditQueryService, PlaybackRepository, LedgerRepository],
})
export class SupervisionModule {}
