/** The one list of queues, jobs, their payloads and their options. */

export enum QueueName {
  Maintenance = 'maintenance',
}

export enum JobName {
  PurgeExpiredRefreshTokens = 'purge-expired-refresh-tokens',
}

export interface JobPayloads {
  [JobName.PurgeExpiredRefreshTokens]: { olderThanDays: number };
}

export interface JobSpec {
  queue: QueueName;
  attempts: number;
  backoffMs: number;
  /** completed/failed jobs kept for inspection */
  keepCompleted: number;
  keepFailed: number;
  /** scheduled jobs: how often, with the payload */
  every?: { ms: number; data: JobPayloads[JobName] };
}

export const JOBS: Record<JobName, JobSpec> = {
  [JobName.PurgeExpiredRefreshTokens]: {
    queue: QueueName.Maintenance,
    attempts: 3,
    backoffMs: 10_000,
    keepCompleted: 10,
    keepFailed: 50,
    every: { ms: 6 * 60 * 60 * 1000, data: { olderThanDays: 7 } },
  },
};

/** Sorted set of worker liveness beats (member: worker id, score: ms). */
export const WORKER_BEATS_KEY = 'workers';
export const WORKER_BEAT_MS = 5_000;
export const WORKER_STALE_MS = 15_000;
