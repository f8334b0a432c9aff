import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobPayloads } from '../../queue/queues';
import { RefreshTokensRepository } from '../accounts/refresh-tokens.repository';

/** Housekeeping jobs. Each is safe to run twice. */
@Injectable()
export class MaintenanceProcessor {
  constructor(private readonly refreshTokens: RefreshTokensRepository) {}

  async purgeExpiredRefreshTokens(job: Job<JobPayloads[JobName.PurgeExpiredRefreshTokens]>): Promise<{ deleted: number }> {
    return { deleted: await this.refreshTokens.purge(job.data.olderThanDays) };
  }
}
