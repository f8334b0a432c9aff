import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';

/**
 * One set of options for the app, the migration runner and the migration generator. With
 * `readUrls`, TypeORM's replication: `url` is the primary (master), the read replicas are its
 * slaves, and every query stays on the primary (defaultMode 'master', where TypeORM would send
 * every SELECT of a query builder to a replica) unless it asks for one: read-replica.ts.
 */
export function dataSourceOptions(url: string, extra: Partial<{ poolSize: number; logging: boolean; readUrls: string[] }> = {}): DataSourceOptions {
  const connection = extra.readUrls?.length
    ? { replication: { master: { url }, slaves: extra.readUrls.map((u) => ({ url: u })), defaultMode: 'master' as const } }
    : { url };
  return {
    type: 'postgres',
    ...connection,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to create
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: extra.logging ?? false,
    extra: { max: extra.poolSize ?? 10, connectionTimeoutMillis: 5000 },
  };
}

/** Used by the TypeORM CLI (`migration:generate`); reads DATABASE_URL. */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/xueshi'));
