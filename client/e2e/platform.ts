import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { seedDemo } from '../../server/src/database/seed';
import { createTestDatabase, dropTestDatabase } from '../../server/test/harness';

const ROOT = path.resolve(__dirname, '../..');
export const SHOTS = path.join(ROOT, 'client/e2e/screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface Platform {
  url: string;
  databaseUrl: string;
  browser: Browser;
  newPage(lang?: 'zh-CN' | 'en-US'): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The built platform as a user gets it: the compiled api and worker as separate processes on a
 * fresh seeded database, serving the built client, and Debian's Chromium driving it headless.
 */
export async function startPlatform(): Promise<Platform> {
  for (const f of ['server/dist/server/src/main.js', 'server/dist/server/src/worker.js', 'client/dist/index.html']) {
    if (!existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run the e2e tests through \`npm test\`, which builds first`);
  }
  const databaseUrl = await createTestDatabase();
  const ds = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 1 }));
  await ds.initialize();
  await seedDemo(ds);
  await ds.destroy();
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL!,
    REDIS_PREFIX: `e2e${port}`,
    JWT_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'warn',
    CLIENT_DIST: path.join(ROOT, 'client/dist'),
    // credit at every pass, so that what the page shows can be checked against the database at once
    HEARTBEAT_FLUSH_DELAY_MS: '0',
  };
  const procs: ChildProcess[] = ['main', 'worker'].map((f) =>
    spawn(process.execPath, [path.join(ROOT, `server/dist/server/src/${f}.js`)], { env, stdio: ['ignore', 'inherit', 'inherit'] }),
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const h = await fetch(`${url}/api/health`);
      if (h.status === 200) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error('the platform did not become healthy');
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    url,
    databaseUrl,
    browser,
    async newPage(lang = 'zh-CN') {
      const ctx = await browser.newContext({ locale: lang, viewport: { width: 1366, height: 820 }, acceptDownloads: true });
      return ctx.newPage();
    },
    async close() {
      await browser.close();
      await Promise.all(
        procs.map(
          (p) =>
            new Promise<void>((resolve) => {
              if (p.exitCode !== null) return resolve();
              p.once('exit', () => resolve());
              p.kill('SIGTERM');
            }),
        ),
      );
      await dropTestDatabase(databaseUrl);
    },
  };
}
