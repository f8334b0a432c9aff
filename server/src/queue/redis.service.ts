import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis, { Cluster, ClusterOptions, RedisOptions } from 'ioredis';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';

/** One Redis server (or Sentinel's master), or a Redis Cluster: the commands are the same. */
export type RedisClient = Redis | Cluster;

type RedisEnv = Pick<Env, 'REDIS_URL' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME' | 'REDIS_CLUSTER_NODES'>;

const hosts = (list: string, port: number) =>
  list.split(',').map((hp) => {
    const [host, p] = hp.trim().split(':');
    return { host, port: Number(p || port) };
  });

/**
 * A Redis connection as configured: REDIS_URL (one server); with REDIS_SENTINELS, the master that
 * Sentinel names REDIS_SENTINEL_NAME; with REDIS_CLUSTER_NODES, a Redis Cluster (password, and for
 * the first two the database, still from REDIS_URL). ioredis follows a fail-over or a resharding by itself.
 */
export function connectRedis(env: RedisEnv, opts: RedisOptions = {}): RedisClient {
  const u = new URL(env.REDIS_URL);
  const auth = {
    password: u.password ? decodeURIComponent(u.password) : undefined,
    username: u.username ? decodeURIComponent(u.username) : undefined,
  };
  if (env.REDIS_CLUSTER_NODES) {
    // options of the cluster as a whole; the rest apply to each node's connection
    const { enableOfflineQueue, lazyConnect, retryStrategy, ...node } = opts;
    const cluster: ClusterOptions = { redisOptions: { ...auth, ...(u.protocol === 'rediss:' ? { tls: {} } : {}), ...node } };
    if (enableOfflineQueue !== undefined) cluster.enableOfflineQueue = enableOfflineQueue;
    if (lazyConnect !== undefined) cluster.lazyConnect = lazyConnect;
    if (retryStrategy) cluster.clusterRetryStrategy = (n) => retryStrategy(n);
    return new Cluster(hosts(env.REDIS_CLUSTER_NODES, 6379), cluster);
  }
  if (!env.REDIS_SENTINELS) return new Redis(env.REDIS_URL, opts);
  return new Redis({
    sentinels: hosts(env.REDIS_SENTINELS, 26379),
    name: env.REDIS_SENTINEL_NAME,
    ...auth,
    db: Number(u.pathname.slice(1) || 0),
    ...opts,
  });
}

/** BullMQ's prefix: under Cluster a hash tag, so that each queue's keys share a slot (BullMQ's rule). */
export function queuePrefix(env: Pick<Env, 'REDIS_PREFIX' | 'REDIS_CLUSTER_NODES'>): string {
  return env.REDIS_CLUSTER_NODES ? `{${env.REDIS_PREFIX}}` : env.REDIS_PREFIX;
}

/** CRC16-XMODEM, the hash of Redis Cluster's key slots (cluster spec, appendix A). */
function crc16(s: string): number {
  let crc = 0;
  for (const byte of Buffer.from(s)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export const CLUSTER_SLOTS = 16384;
/** the slot of a hash tag's content, i.e. of every key carrying {tag} */
export const slotOfTag = (tag: string) => crc16(tag) % CLUSTER_SLOTS;

/**
 * n hash tags, the i-th landing in the middle half of the i-th n-th of the slot space: shards then
 * spread over the masters as evenly as their slot ranges do (a plain "prefix.i" would clump).
 */
export function shardTags(prefix: string, n: number): string[] {
  const width = CLUSTER_SLOTS / n;
  return Array.from({ length: n }, (_, i) => {
    const lo = (i + 0.25) * width;
    const hi = (i + 0.75) * width;
    for (let k = 0; ; k++) {
      const tag = `${prefix}.${i}.${k}`;
      const slot = slotOfTag(tag);
      if (slot >= Math.floor(lo) && slot <= Math.ceil(hi)) return tag;
    }
  });
}

/** Redis connections: one shared client for commands, one that never queues (health), and BullMQ's. */
@Injectable()
export class RedisService implements OnModuleDestroy {
  readonly client: RedisClient;
  /** fails at once when Redis is away instead of queueing: for health checks */
  readonly probe: RedisClient;
  /** a Redis Cluster: multi-key scripts need their keys in one slot (see modules/playback/keys.ts) */
  readonly cluster: boolean;
  /** hash tags of the play-state shards under Cluster; one untagged shard otherwise */
  readonly shardTags: readonly (string | null)[];
  private readonly extra: RedisClient[] = [];

  constructor(@Inject(ENV) private readonly env: Env) {
    this.cluster = !!env.REDIS_CLUSTER_NODES;
    this.shardTags = this.cluster ? shardTags(env.REDIS_PREFIX, env.REDIS_CLUSTER_SHARDS) : [null];
    this.client = connectRedis(env, { maxRetriesPerRequest: 3, lazyConnect: false });
    this.probe = connectRedis(env, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: (n) => Math.min(n * 200, 1000),
    });
    // Errors surface through the commands that fail; an idle reconnect loop must not crash the process.
    this.client.on('error', () => {});
    this.probe.on('error', () => {});
  }

  get prefix(): string {
    return this.env.REDIS_PREFIX;
  }

  /** BullMQ's prefix (a hash tag under Cluster) */
  get queuePrefix(): string {
    return queuePrefix(this.env);
  }

  key(...parts: string[]): string {
    return [this.env.REDIS_PREFIX, ...parts].join(':');
  }

  /** A dedicated connection, as BullMQ workers need (blocking commands). */
  connection(opts: RedisOptions = {}): RedisClient {
    const c = connectRedis(this.env, { maxRetriesPerRequest: null, ...opts });
    c.on('error', () => {});
    this.extra.push(c);
    return c;
  }

  async onModuleDestroy() {
    // quit() waits for a reply: only ask a connection that can give one
    await Promise.allSettled(
      [this.client, this.probe, ...this.extra].map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c.disconnect())),
    );
  }
}
