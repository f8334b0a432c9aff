import { ComplianceService } from '../modules/compliance/compliance.service';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { hostname } from 'node:os';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { MaintenanceProcessor } from '../modules/maintenance/maintenance.processor';
import { AttemptCloser } from '../modules/assessment/attempt-closer';
import { SHARED } from '../modules/metrics/metrics';
import { SharedCounters } from '../modules/metrics/shared-counters';
import { TranscodeProcessor } from '../modules/media/transcode.processor';
import { CreditFlushProcessor } from '../modules/playback/credit-flush.processor';
import { JobName, JOBS, QueueName, WORKER_BEAT_MS, WORKER_BEATS_KEY, WORKER_STALE_MS } from './queues';
import { RedisService } from './redis.service';

/** Starts a BullMQ worker per queue, registers the scheduled jobs, and beats so /api/health can see it. */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('worker');
  private readonly id = `${hostname()}:${process.pid}`;
  private workers: Worker[] = [];
  private queues: Queue[] = [];
  private beat?: NodeJS.Timeout;

  constructor(
    private readonly redis: RedisService,
    private readonly maintenance: MaintenanceProcessor,
    private readonly transcode: TranscodeProcessor,
    private readonly flush: CreditFlushProcessor,
    private readonly attempts: AttemptCloser,
    private readonly counters: SharedCounters,
    private readonly compliance: ComplianceService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  private handlers(): Record<JobName, (job: Job) => Promise<unknown>> {
    return {
      [JobName.PurgeExpiredRefreshTokens]: (job) => this.maintenance.purgeExpiredRefreshTokens(job),
      [JobName.Transcode]: (job) => this.transcode.process(job),
      [JobName.FlushHeartbeats]: async () => {
        const done = await this.flush.process();
        await this.counters.add({ [SHARED.sessionsFlushed]: done.sessions, [SHARED.beatsFlushed]: done.beats });
        return done;
      },
      [JobName.CloseExpiredAttempts]: () => this.attempts.closeExpired(),
      [JobName.SendReminders]: () => this.compliance.scheduledReminders(),
    };
  }

  async onApplicationBootstrap() {
    const handlers = this.handlers();
    for (const queue of Object.values(QueueName)) {
      const worker = new Worker(
        queue,
        async (job) => {
          const handler = handlers[job.name as JobName];
          if (!handler) throw new Error(`no handler for job ${job.name}`);
          return handler(job);
        },
        queue === QueueName.Media
          ? {
              connection: this.redis.connection(),
              prefix: this.redis.queuePrefix,
              concurrency: this.env.TRANSCODE_CONCURRENCY,
              // a killed worker's job is taken over once its lock lapses
              lockDuration: this.env.TRANSCODE_LOCK_MS,
              stalledInterval: Math.max(1000, Math.floor(this.env.TRANSCODE_LOCK_MS / 2)),
              // a busy machine can delay a lock renewal; a transcode is safe to rerun, so a stall is not a failure
              maxStalledCount: 5,
            }
          : {
              connection: this.redis.connection(),
              prefix: this.redis.queuePrefix,
              // one flush at a time per worker; replicas may overlap, which the flush numbers make harmless
              concurrency: queue === QueueName.Credit ? 1 : 2,
            },
      );
      worker.on('failed', (job, err) => this.log.warn(`job ${job?.name} ${job?.id} failed: ${err.message}`));
      // connection trouble: BullMQ reconnects by itself; say it once per error instead of crashing
      worker.on('error', (err) => this.log.warn(`queue ${queue}: ${err.message}`));
      this.workers.push(worker);
      const q = new Queue(queue, { connection: this.redis.connection(), prefix: this.redis.queuePrefix });
      q.on('error', (err) => this.log.warn(`queue ${queue}: ${err.message}`));
      this.queues.push(q);
      for (const [name, spec] of Object.entries(JOBS)) {
        if (spec.queue !== queue || !spec.every) continue;
        const repeat = 'cron' in spec.every
          ? { pattern: spec.every.cron, tz: 'Asia/Shanghai' }
          : { every: name === JobName.FlushHeartbeats ? this.env.HEARTBEAT_FLUSH_MS : spec.every.ms };
        await q.upsertJobScheduler(name, repeat, {
          name,
          data: spec.every.data,
          opts: { attempts: spec.attempts, backoff: { type: 'exponential', delay: spec.backoffMs }, removeOnComplete: spec.keepCompleted, removeOnFail: spec.keepFailed },
        });
      }
    }
    await this.sendBeat();
    this.beat = setInterval(() => void this.sendBeat(), WORKER_BEAT_MS);
    this.log.log(`worker ${this.id} started: ${Object.values(QueueName).join(', ')}`);
  }

  private async sendBeat() {
    const key = this.redis.key(WORKER_BEATS_KEY);
    const now = Date.now();
    try {
      await this.redis.client.multi().zadd(key, now, this.id).zremrangebyscore(key, '-inf', now - WORKER_STALE_MS * 4).exec();
    } catch {
      // Redis away: the beat resumes when it returns; health shows the worker down meanwhile.
    }
  }

  async onApplicationShutdown() {
    if (this.beat) clearInterval(this.beat);
    await Promise.allSettled(this.workers.map((w) => w.close()));
    await Promise.allSettled(this.queues.map((q) => q.close()));
    await this.redis.client.zrem(this.redis.key(WORKER_BEATS_KEY), this.id).catch(() => undefined);
  }
}
