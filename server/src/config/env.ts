import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The one environment schema, parsed once at boot. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  /** prefix of every Redis key and queue (a hash tag like {xueshi} under Redis Cluster) */
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
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_LOG_SQL: bool.default(false),
});
export type Env = z.infer<typeof EnvSchema>;

/** Parse the environment; a bad value names the variable and stops the process. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
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
