import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { createTestDatabase, dropTestDatabase } from './harness';

describe('migrations', () => {
  let url: string;
  beforeAll(async () => {
    url = await createTestDatabase();
  });
  afterAll(async () => dropTestDatabase(url));

  it('build exactly the schema the entities describe (run `npm run migrations:generate` when this fails)', async () => {
    const ds = new DataSource(dataSourceOptions(url, { poolSize: 1 }));
    await ds.initialize();
    try {
      const diff = await ds.driver.createSchemaBuilder().log();
      expect(diff.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('are all applied in the template and running them again does nothing', async () => {
    expect(await runMigrations(url)).toEqual([]);
  });
});
