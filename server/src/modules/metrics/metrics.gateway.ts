import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { QueueName } from '../../queue/queues';
import { RedisService } from '../../queue/redis.service';
import { httpDuration, httpRequests, registry, SHARED } from './metrics';
import { SharedCounters } from './shared-counters';
import { dirtyKeys } from '../playback/keys';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * GET /api/metrics (Prometheus text), when METRICS_TOKEN is set, for a scraper presenting it as a
 * bearer token; otherwise the route does not exist. Request rate and latency by route, heartbeats
 * by outcome and reason, queue depth, the crediting backlog and its lag, and what the workers wrote.
 */
@Injectable()
export class MetricsGateway implements OnModuleInit {
  private queues: Queue[] = [];
  constructor(
    private readonly host: HttpAdapterHost,
    private readonly redis: RedisService,
    private readonly counters: SharedCounters,
    private readonly ds: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onModuleInit() {
    const fastify = this.host.httpAdapter.getInstance() as unknown as FastifyInstance;
    // the labelled series are looked up once and kept: the hot path only adds to them
    const counters = new Map<string, ReturnType<typeof httpRequests.labels>>();
    const timers = new Map<string, ReturnType<typeof httpDuration.labels>>();
    fastify.addHook('onResponse', (req, reply, done) => {
      const route = req.routeOptions?.url ?? 'unmatched';
      if (route !== '/api/metrics') {
        const rk = `${req.method} ${route}`;
        const ck = `${rk} ${reply.statusCode}`;
        let c = counters.get(ck);
        if (!c) counters.set(ck, (c = httpRequests.labels(req.method, route, String(reply.statusCode))));
        let h = timers.get(rk);
        if (!h) timers.set(rk, (h = httpDuration.labels(req.method, route)));
        c.inc();
        h.observe(reply.elapsedTime / 1000);
      }
      done();
    });
    if (!this.env.METRICS_TOKEN) return;
    fastify.get('/api/metrics', (req, reply) => this.serve(req, reply));
  }

  private async serve(req: FastifyRequest, reply: FastifyReply) {
    const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    if (!m || !same(m[1], this.env.METRICS_TOKEN!)) {
      return reply.status(401).header('www-authenticate', 'Bearer').send({ code: 'UNAUTHENTICATED', message: 'metrics token required', field: 'authorization' });
    }
    const extra: string[] = [];
    const line = (name: string, help: string, type: 'gauge' | 'counter', rows: [string, number][]) => {
      extra.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...rows.map(([labels, v]) => `${name}${labels} ${v}`));
    };
    try {
      if (!this.queues.length) {
        this.queues = Object.values(QueueName).map((q) => new Queue(q, { connection: this.redis.connection({ maxRetriesPerRequest: 3 }), prefix: this.redis.queuePrefix }));
      }
      const rows: [string, number][] = [];
      for (const q of this.queues) {
        const c = await q.getJobCounts('waiting', 'active', 'delayed', 'failed');
        for (const [state, n] of Object.entries(c)) rows.push([`{queue="${q.name}",state="${state}"}`, n]);
      }
      line('xueshi_queue_jobs', 'BullMQ jobs by queue and state', 'gauge', rows);
      // one due set per shard under Redis Cluster, one on one server (playback/keys.ts)
      const dues = await Promise.all(dirtyKeys(this.redis).map((k) => Promise.all([this.redis.client.zcard(k), this.redis.client.zrange(k, 0, 0, 'WITHSCORES')])));
      const size = dues.reduce((n, [c]) => n + c, 0);
      const heads = dues.filter(([, h]) => h.length).map(([, h]) => Number(h[1]));
      line('xueshi_credit_backlog_sessions', 'Play sessions with beats not yet credited', 'gauge', [['', size]]);
      const lag = heads.length ? Math.max(0, (Date.now() - Math.min(...heads)) / 1000) : 0;
      line('xueshi_credit_lag_seconds', 'How long the most overdue session has waited past its due time', 'gauge', [['', lag]]);
      const shared = await this.counters.all();
      line('xueshi_credit_sessions_flushed_total', 'Session batches the workers wrote to PostgreSQL', 'counter', [['', shared[SHARED.sessionsFlushed] ?? 0]]);
      line('xueshi_credit_beats_flushed_total', 'Heartbeats the workers wrote to PostgreSQL', 'counter', [['', shared[SHARED.beatsFlushed] ?? 0]]);
      line('xueshi_redis_up', 'Redis answered this scrape', 'gauge', [['', 1]]);
    } catch {
      line('xueshi_redis_up', 'Redis answered this scrape', 'gauge', [['', 0]]);
    }
    try {
      // ledger ids are a sequence: the highest is the number of entries ever written (credits and corrections)
      const [r] = await this.ds.query('SELECT coalesce(max(id), 0)::text AS n FROM credit_ledger');
      line('xueshi_credit_ledger_entries_total', 'Entries written to the credit ledger (course credits and corrections)', 'counter', [['', Number(r.n)]]);
    } catch {
      // the database is down: health says so
    }
    const body = `${await registry.metrics()}\n${extra.join('\n')}\n`;
    return reply.header('content-type', registry.contentType).header('cache-control', 'no-store').send(body);
  }

  async onModuleDestroy() {
    await Promise.allSettled(this.queues.map((q) => q.close()));
  }
}
