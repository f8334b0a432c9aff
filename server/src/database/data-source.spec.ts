import { parseEnv } from '../config/env';
import { dataSourceOptions } from './data-source';

const PRIMARY = 'postgres://u:p@db-primary:5432/xueshi';
const base = { DATABASE_URL: PRIMARY, REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'x'.repeat(32) };

describe('read replicas by configuration (DATABASE_READ_URLS)', () => {
  it('unset or empty: the single-node options, unchanged', () => {
    expect(parseEnv(base).DATABASE_READ_URLS).toBeUndefined();
    expect(parseEnv({ ...base, DATABASE_READ_URLS: '' }).DATABASE_READ_URLS).toEqual([]);
    const single = dataSourceOptions(PRIMARY, { poolSize: 3 });
    expect(single).toMatchObject({ type: 'postgres', url: PRIMARY });
    expect(single).not.toHaveProperty('replication');
    expect(dataSourceOptions(PRIMARY, { poolSize: 3, readUrls: [] })).toEqual(single);
  });

  it('a list of URLs: TypeORM replication with the primary as master, every query on it unless asked otherwise', () => {
    const urls = parseEnv({ ...base, DATABASE_READ_URLS: ' postgres://r:p@replica-1/xueshi, postgresql://r:p@replica-2:5433/xueshi ' }).DATABASE_READ_URLS;
    expect(urls).toEqual(['postgres://r:p@replica-1/xueshi', 'postgresql://r:p@replica-2:5433/xueshi']);
    const o = dataSourceOptions(PRIMARY, { readUrls: urls });
    expect(o).not.toHaveProperty('url');
    expect(o).toMatchObject({
      replication: { master: { url: PRIMARY }, slaves: [{ url: urls![0] }, { url: urls![1] }], defaultMode: 'master' },
    });
  });

  it('names the variable when a URL is bad', () => {
    expect(() => parseEnv({ ...base, DATABASE_READ_URLS: 'postgres://r@replica-1/x,mysql://r@replica-2/x' })).toThrow(/^Invalid environment:\n  DATABASE_READ_URLS\.1:/);
    expect(() => parseEnv({ ...base, DATABASE_READ_URLS: 'replica-1:5432' })).toThrow(/^Invalid environment:\n  DATABASE_READ_URLS\.0:/);
  });
});
