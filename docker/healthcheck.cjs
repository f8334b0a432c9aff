// Container health checks for the server image (used by docker/compose.yaml):
//
//   node docker/healthcheck.cjs api     the api answers GET /api/health and reaches PostgreSQL and Redis
//   node docker/healthcheck.cjs worker  this container's worker process has beaten in Redis lately
//
// Exit 0 = healthy, 1 = unhealthy; one line on stdout says why (docker inspect shows it).
//
// The api check deliberately ignores the `worker` field of /api/health: when no worker runs, the
// api still accepts heartbeats (they wait in Redis and are credited when a worker returns), so an
// api container must not be reported unhealthy — or taken out of a load balancer — for that.
// /api/health itself answers 503 in that case; alert on it, do not route on it.
'use strict';

const mode = process.argv[2];
const TIMEOUT_MS = 4000;

function done(ok, why) {
  process.stdout.write(`${ok ? 'healthy' : 'unhealthy'}: ${why}\n`);
  process.exit(ok ? 0 : 1);
}
setTimeout(() => done(false, `no answer within ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref();

async function api() {
  const port = process.env.PORT || '3000';
  let res;
  try {
    res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(TIMEOUT_MS - 500) });
  } catch (e) {
    return done(false, `GET /api/health failed: ${e.message}`);
  }
  let body = {};
  try {
    body = await res.json();
  } catch {
    return done(false, `GET /api/health answered ${res.status} without JSON`);
  }
  const summary = `HTTP ${res.status} db=${body.db} redis=${body.redis} worker=${body.worker}`;
  done(body.db === 'up' && body.redis === 'up', summary);
}

async function worker() {
  // The worker beats every 5 s into the sorted set <prefix>:workers, member "<hostname>:<pid>"
  // (server/src/queue/worker-runner.ts); /api/health calls a worker stale after 15 s.
  const Redis = require('ioredis');
  const os = require('node:os');
  const prefix = process.env.REDIS_PREFIX || 'xueshi';
  const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 2000 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    const members = await redis.zrangebyscore(`${prefix}:workers`, Date.now() - 15_000, '+inf');
    const mine = members.filter((m) => m.startsWith(`${os.hostname()}:`));
    redis.disconnect();
    done(mine.length > 0, mine.length ? `worker ${mine.join(', ')} beating` : `no recent beat from ${os.hostname()} in ${prefix}:workers`);
  } catch (e) {
    redis.disconnect();
    done(false, `Redis: ${e.message}`);
  }
}

if (mode === 'api') void api();
else if (mode === 'worker') void worker();
else done(false, 'usage: node docker/healthcheck.cjs api|worker');
