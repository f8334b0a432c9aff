/** The one list of queues, jobs, their payloads and their options. */

export enum QueueName {
  Maintenance = 'maintenance',
  Media = 'media',
  Credit = 'credit',
}

export enum JobName {
  PurgeExpiredRefreshTokens = 'purge-expired-refresh-tokens',
  Transcode = 'transcode',
  FlushHeartbeats = 'flush-heartbeats',
  CloseExpiredAttempts = 'close-expired-attempts',
  SendReminders = 'send-reminders',
}

export interface JobPayloads {
  [JobName.PurgeExpiredRefreshTokens]: { olderThanDays: number };
  [JobName.Transcode]: { assetId: string };
  [JobName.FlushHeartbeats]: Record<string, never>;
  [JobName.CloseExpiredAttempts]: Record<string, never>;
  [JobName.SendReminders]: Record<string, never>;
}

export interface JobSpec<N extends JobName = JobName> {
  queue: QueueName;
  attempts: number;
  backoffMs: number;
  /** completed/failed jobs kept for inspection */
  keepCompleted: number;
  keepFailed: number;
  /** deterministic job id where a duplicate would be harmful */
  jobId?: (data: JobPayloads[N]) => string;
  /** scheduled jobs: how often (or at which times, a cron pattern in China time), with the payload */
  every?: { ms: number; data: JobPayloads[N] } | { cron: string; data: JobPayloads[N] };
}

export const JOBS: { [N in JobName]: JobSpec<N> } = {
  [JobName.PurgeExpiredRefreshTokens]: {
    queue: QueueName.Maintenance,
    attempts: 3,
    backoffMs: 10_000,
    keepCompleted: 10,
    keepFailed: 50,
    every: { ms: 6 * 60 * 60 * 1000, data: { olderThanDays: 7 } },
  },
  [JobName.Transcode]: {
    queue: QueueName.Media,
    attempts: 3,
    backoffMs: 5_000,
    keepCompleted: 200,
    keepFailed: 500,
    // one transcode per asset in the queue at a time
    jobId: (d) => `transcode-${d.assetId}`,
  },
  [JobName.FlushHeartbeats]: {
    queue: QueueName.Credit,
    // a failed flush leaves its batch pending in Redis; the next run takes it up again
    attempts: 1,
    backoffMs: 1000,
    keepCompleted: 20,
    keepFailed: 100,
    every: { ms: 2000, data: {} },
  },
  [JobName.CloseExpiredAttempts]: {
    queue: QueueName.Maintenance,
    // an attempt left open closes itself at its deadline with what was saved (and may complete a course)
    attempts: 1,
    backoffMs: 1000,
    keepCompleted: 10,
    keepFailed: 50,
    every: { ms: 30_000, data: {} },
  },
  [JobName.SendReminders]: {
    queue: QueueName.Maintenance,
    // the year-end projection's reminders, to officials projected short and their unit's admins:
    // looked at daily at 09:00 (not at each worker start), sent at most once a month each
    attempts: 2,
    backoffMs: 60_000,
    keepCompleted: 10,
    keepFailed: 50,
    every: { cron: '0 9 * * *', data: {} },
  },
};

/** Sorted set of worker liveness beats (member: worker id, score: ms). */
export const WORKER_BEATS_KEY = 'workers';
export const WORKER_BEAT_MS = 5_000;
export const WORKER_STALE_MS = 15_000;
