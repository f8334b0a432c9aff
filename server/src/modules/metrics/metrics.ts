import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The api process's metrics (Prometheus). Counters that only the worker sees are kept in Redis
 * (`SharedCounters`) so that any api replica reports the cluster's figures.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'xueshi_' });

export const httpRequests = new Counter({
  name: 'xueshi_http_requests_total',
  help: 'HTTP requests answered, by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'xueshi_http_request_duration_seconds',
  help: 'HTTP request latency, by method and route',
  labelNames: ['method', 'route'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
  registers: [registry],
});

export const heartbeats = new Counter({
  name: 'xueshi_heartbeats_total',
  help: 'Heartbeats judged by this api: accepted, or rejected with the reason',
  labelNames: ['outcome', 'reason'] as const,
  registers: [registry],
});

export const uncountedSeconds = new Counter({
  name: 'xueshi_uncounted_seconds_total',
  help: 'Seconds of accepted beats that earned nothing, by reason (paused, hidden, speed, …)',
  labelNames: ['reason'] as const,
  registers: [registry],
});

/** Names of the cluster-wide counters kept in Redis (hash `<prefix>:metrics`). */
export const SHARED = {
  sessionsFlushed: 'sessions_flushed',
  beatsFlushed: 'beats_flushed',
} as const;

const accepted = heartbeats.labels('accepted', '');
const rejectedBy = new Map<string, ReturnType<typeof heartbeats.labels>>();
const uncountedBy = new Map<string, ReturnType<typeof uncountedSeconds.labels>>();

/** Count one heartbeat answer (labelled series kept, not looked up per request). */
export function countHeartbeats(r: { accepted: number; rejected: { reason: string }[]; uncounted: Record<string, number> }) {
  if (r.accepted) accepted.inc(r.accepted);
  for (const x of r.rejected) {
    let c = rejectedBy.get(x.reason);
    if (!c) rejectedBy.set(x.reason, (c = heartbeats.labels('rejected', x.reason)));
    c.inc();
  }
  for (const [reason, s] of Object.entries(r.uncounted)) {
    let c = uncountedBy.get(reason);
    if (!c) uncountedBy.set(reason, (c = uncountedSeconds.labels(reason)));
    c.inc(s);
  }
}
