import { parseEnv } from './env';

const base = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/x',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
};

describe('environment schema', () => {
  it('fills defaults', () => {
    const e = parseEnv(base);
    expect(e).toMatchObject({ PORT: 3000, REDIS_PREFIX: 'xueshi', ACCESS_TOKEN_TTL_SECONDS: 900, LOGIN_LOCK_AFTER: 6 });
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['REDIS_URL', { REDIS_URL: undefined }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
  ])('names %s when its value is bad', (name, patch) => {
    expect(() => parseEnv({ ...base, ...patch })).toThrow(new RegExp(`^Invalid environment:\\n  ${name}:`));
  });

  it('Redis Cluster: the server tags the keys, so no tag in the prefix and no Sentinel beside it', () => {
    const cluster = { ...base, REDIS_CLUSTER_NODES: '10.0.0.1:6379,10.0.0.2:6379' };
    expect(parseEnv(cluster)).toMatchObject({ REDIS_CLUSTER_SHARDS: 60 });
    expect(() => parseEnv({ ...cluster, REDIS_PREFIX: '{xueshi}' })).toThrow(/REDIS_PREFIX: no \{ or \}/);
    expect(() => parseEnv({ ...cluster, REDIS_SENTINELS: '10.0.0.3:26379' })).toThrow(/REDIS_CLUSTER_NODES: cannot be combined/);
    expect(() => parseEnv({ ...cluster, REDIS_CLUSTER_NODES: 'a b' })).toThrow(/REDIS_CLUSTER_NODES/);
  });

  it('never puts a secret value in the error', () => {
    expect(() => parseEnv({ ...base, JWT_SECRET: 'tooshort-secret' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('tooshort-secret') }));
  });
});
