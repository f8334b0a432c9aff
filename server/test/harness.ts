import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { resetEnvCache } from '../src/config/env';
import { createApp } from '../src/create-app';
import { dataSourceOptions } from '../src/database/data-source';
import { DEMO_PASSWORD, seedDemo } from '../src/database/seed';
import { createWorker } from '../src/worker';

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the tests with \`npm test\`, which provisions PostgreSQL and Redis`);
  return v;
}

/** A fresh database cloned from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<string> {
  const admin = need('TEST_PG_URL');
  const name = `xueshi_t_${randomBytes(5).toString('hex')}`;
  const c = new Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${need('TEST_TEMPLATE_DB')}"`);
  } finally {
    await c.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const c = new Client({ connectionString: need('TEST_PG_URL') });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: RequestInit["body"];
}

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestApp {
  url: string;
  databaseUrl: string;
  redisPrefix: string;
  ds: DataSource;
  app: NestFastifyApplication;
  worker?: INestApplicationContext;
  call<T = any>(method: string, path: string, opts?: CallOptions): Promise<Answer<T>>;
  /** log in a user and return the access token */
  login(username: string, password?: string): Promise<string>;
  startWorker(): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  worker?: boolean;
  seed?: boolean;
  databaseUrl?: string;
}

/** The real app over real HTTP on a free port, against real PostgreSQL and Redis. */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  const redisPrefix = `t${randomBytes(4).toString('hex')}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: need('TEST_REDIS_URL'),
    REDIS_PREFIX: redisPrefix,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    CLIENT_DIST: '',
    PORT: '0',
    DB_POOL_SIZE: '4',
    LOGIN_SLOWDOWN_AFTER: '3',
    LOGIN_LOCK_AFTER: '6',
    LOGIN_LOCK_MINUTES: '15',
    // credit at every pass, not a flush delay after the first beat
    HEARTBEAT_FLUSH_DELAY_MS: '0',
    ...opts.env,
  });
  resetEnvCache();
  const ds = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await ds.initialize();
  if (opts.seed !== false) await seedDemo(ds);
  const app = await createApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

  const t: TestApp = {
    url,
    databaseUrl,
    redisPrefix,
    ds,
    app,
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body: RequestInit["body"] | undefined = o.raw;
      if (o.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = JSON.stringify(o.body);
      }
      const res = await fetch(url + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed as any, headers: res.headers };
    },
    async login(username, password = DEMO_PASSWORD) {
      const r = await t.call('POST', '/api/auth/login', { body: { username, password } });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.accessToken as string;
    },
    async startWorker() {
      t.worker = await createWorker();
      return t.worker;
    },
    async close() {
      await t.worker?.close();
      await app.close();
      await ds.destroy();
      if (!opts.databaseUrl) await dropTestDatabase(databaseUrl);
    },
  };
  if (opts.worker) await t.startWorker();
  return t;
}

/** Multipart body with one file part named `file`. */
export function fileForm(content: Buffer | string, filename: string, type = 'application/octet-stream'): FormData {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? Buffer.from(content) : new Uint8Array(content)], { type }), filename);
  return form;
}
