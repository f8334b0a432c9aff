import { DataSource } from 'typeorm';
import { parseEnv } from '../config/env';
import { dataSourceOptions } from './data-source';

/** Apply pending migrations to DATABASE_URL. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url, { poolSize: 2 }));
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL ?? parseEnv().DATABASE_URL;
  runMigrations(url)
    .then((names) => {
      console.log(names.length ? `migrations applied: ${names.join(', ')}` : 'migrations: schema up to date');
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
