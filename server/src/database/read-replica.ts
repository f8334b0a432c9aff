import type { DataSource, EntityManager } from 'typeorm';

/** Raw SQL on some connection: the DataSource (the primary), an EntityManager, or a replica reader. */
export type Reader = Pick<EntityManager, 'query'>;

/*
 * Where a read may come from a replica (DATABASE_READ_URLS), decided here and nowhere else.
 *
 * Replicas replay the primary's WAL asynchronously: what they answer can be some seconds old.
 * That is fine for the admins' dashboards and exports (the compliance dashboard, list and export,
 * the anomaly list and export, the users export) and nothing else: every write, and every read
 * that must see a write just made (the ledger and crediting, one official's compliance, archives
 * and their verification digest, anything read inside a transaction), uses the DataSource itself,
 * which is always the primary. Without read replicas both helpers use the primary too, exactly
 * as `ds.query` does.
 */

/** Each query on its own replica connection (one of the replicas at random), released after it. */
export function replicaReader(ds: DataSource): Reader {
  return {
    query: async (sql: string, params?: unknown[]) => {
      const runner = ds.createQueryRunner('slave');
      try {
        return await runner.query(sql, params);
      } finally {
        await runner.release();
      }
    },
  } as Reader;
}

/** Several statements on one replica connection (an export's pages), released after `fn`. */
export async function onReplica<T>(ds: DataSource, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner('slave');
  try {
    return await fn(runner.manager);
  } finally {
    await runner.release();
  }
}
