import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';

/** One set of options for the app, the migration runner and the migration generator. */
export function dataSourceOptions(url: string, extra: Partial<{ poolSize: number; logging: boolean }> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
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
