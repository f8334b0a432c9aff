import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The one environment schema, parsed once at boot. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  /**
   * PostgreSQL read replicas ("postgres://…,postgres://…") for the dashboards and exports; each such
   * query goes to one of them at random. Unset or empty: everything on DATABASE_URL.
   */
  DATABASE_READ_URLS: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(z.url({ protocol: /^postgres(ql)?$/ })))
    .optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  /** prefix of every Redis key and queue (under Redis Cluster the queues' prefix becomes {<prefix>}) */
  REDIS_PREFIX: z.string().min(1).max(40).default('xueshi'),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** failed logins before each further attempt must wait (doubling) */
  LOGIN_SLOWDOWN_AFTER: z.coerce.number().int().min(1).default(3),
  /** failed logins that lock the account */
  LOGIN_LOCK_AFTER: z.coerce.number().int().min(2).default(6),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** built client to serve at / (empty: API only) */
  CLIENT_DIST: z.string().default(''),
  /** media storage: a local folder, or S3-compatible object storage */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  MEDIA_DIR: z.string().default('.data/media'),
  S3_ENDPOINT: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY: z.string().optional(),
  S3_SECRET_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** where tus keeps partial uploads */
  UPLOAD_DIR: z.string().default('.data/uploads'),
  VIDEO_MAX_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024 * 1024),
  DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
  VIDEO_MAX_SECONDS: z.coerce.number().int().min(1).default(4 * 3600),
  /** lifetime of a signed media URL */
  MEDIA_URL_TTL_SECONDS: z.coerce.number().int().min(10).default(4 * 3600),
  FFMPEG_PATH: z.string().default('ffmpeg'),
  FFPROBE_PATH: z.string().default('ffprobe'),
  /** poppler's pdfinfo: reads a document's pages at upload */
  PDFINFO_PATH: z.string().default('pdfinfo'),
  /** how long a transcoding worker holds a job before another may take it over (a killed worker's job returns after this) */
  TRANSCODE_LOCK_MS: z.coerce.number().int().min(1000).default(60_000),
  /** how often the worker credits accepted heartbeats */
  HEARTBEAT_FLUSH_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  /**
   * How long a live session's accepted beats may wait before the worker credits them (a session
   * that ends is credited at the next pass): each live session is then flushed once per delay,
   * with all its beats of that time, instead of at every pass.
   */
  /** Redis through Sentinel: "host:port,host:port" of the sentinels (REDIS_URL still gives password and db) */
  REDIS_SENTINELS: z.string().regex(/^[\w.-]+(:\d+)?(,[\w.-]+(:\d+)?)*$/).optional(),
  REDIS_SENTINEL_NAME: z.string().default('mymaster'),
  /** Redis Cluster: "host:port,host:port" of some of its nodes (REDIS_URL still gives the password); keys then carry hash tags */
  REDIS_CLUSTER_NODES: z.string().regex(/^[\w.-]+(:\d+)?(,[\w.-]+(:\d+)?)*$/).optional(),
  /** under Redis Cluster, how many hash-tagged shards the play-session state is spread over (fixed while Redis holds unflushed beats) */
  REDIS_CLUSTER_SHARDS: z.coerce.number().int().min(1).max(1024).default(60),
  /** the one other origin allowed to call the API from a browser (CORS); unset, none */
  CORS_ORIGIN: z.url().optional(),
  /** the platform's public address, printed on archives for verification (unset: the address the request came to) */
  PUBLIC_URL: z.url().optional(),
  /** GET /api/metrics answers a scraper presenting this bearer token; unset, the route does not exist */
  METRICS_TOKEN: z.string().min(16).optional(),
  HEARTBEAT_FLUSH_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /**
   * Heartbeat rate limits (token buckets in Redis, so they hold across api replicas). Per official:
   * HEARTBEAT_LIMIT_BURST requests at once, refilled at HEARTBEAT_LIMIT_PER_MINUTE (0 turns every
   * heartbeat limit off). Per play session: HEARTBEAT_SESSION_BURST at once, refilled at
   * HEARTBEAT_SESSION_PER_INTERVAL requests per heartbeat interval of the year's policy.
   */
  HEARTBEAT_LIMIT_PER_MINUTE: z.coerce.number().min(0).default(60),
  HEARTBEAT_LIMIT_BURST: z.coerce.number().int().min(1).default(60),
  HEARTBEAT_SESSION_PER_INTERVAL: z.coerce.number().min(1).default(4),
  HEARTBEAT_SESSION_BURST: z.coerce.number().int().min(1).default(30),
  /** the largest JSON request body of a route that does not declare its own (maxBodyBytes) */
  JSON_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(64 * 1024),
  TRANSCODE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_LOG_SQL: bool.default(false),
});
export type Env = z.infer<typeof EnvSchema>;

const S3_NEEDS = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'] as const;

/** Parse the environment; a bad value names the variable and stops the process. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  if (result.data.STORAGE_DRIVER === 's3') {
    const missing = S3_NEEDS.filter((k) => !result.data[k]);
    if (missing.length) throw new Error(`Invalid environment:\n${missing.map((k) => `  ${k}: required when STORAGE_DRIVER=s3`).join('\n')}`);
  }
  if (result.data.REDIS_CLUSTER_NODES) {
    // the server tags keys itself under Cluster: a tag in the prefix would put every key in one slot
    const bad = [
      result.data.REDIS_SENTINELS && '  REDIS_CLUSTER_NODES: cannot be combined with REDIS_SENTINELS',
      /[{}]/.test(result.data.REDIS_PREFIX) && '  REDIS_PREFIX: no { or } under Redis Cluster (the server adds the hash tags)',
    ].filter(Boolean);
    if (bad.length) throw new Error(`Invalid environment:\n${bad.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Tests change the environment between apps. */
export function resetEnvCache(): void {
  cached = undefined;
}
