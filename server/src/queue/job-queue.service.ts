import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, JobPayloads, JOBS, QueueName } from './queues';
import { RedisService } from './redis.service';

/** Add a job with the options of the registry (also used by scripts that run without Nest). */
export async function addJob<N extends JobName>(queue: Queue, name: N, data: JobPayloads[N]): Promise<string | undefined> {
  const spec = JOBS[name];
  const job = await queue.add(name, data, {
    jobId: spec.jobId?.(data),
    attempts: spec.attempts,
    backoff: { type: 'exponential', delay: spec.backoffMs },
    removeOnComplete: spec.keepCompleted,
    removeOnFail: spec.keepFailed,
  });
  return job.id;
}

/** Adds jobs with the options of the registry; one producer connection per queue. */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly queues = new Map<QueueName, Queue>();
  constructor(private readonly redis: RedisService) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.redis.connection({ maxRetriesPerRequest: 3 }), prefix: this.redis.queuePrefix });
      // Redis away: the add that needed it fails and says so; the idle connection only reconnects
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }

  add<N extends JobName>(name: N, data: JobPayloads[N]): Promise<string | undefined> {
    return addJob(this.queue(JOBS[name].queue), name, data);
  }

  async onModuleDestroy() {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}
