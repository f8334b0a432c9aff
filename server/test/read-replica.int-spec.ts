import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runMigrations } from '../src/database/migrate';
import { onReplica, replicaReader } from '../src/database/read-replica';
import { chinaYear } from '../src/modules/policy/policy.service';
import { startTestApp, TestApp } from './harness';
import { waitFor } from './media-fixtures';
import { PgCluster } from './pg-replica';
import { freePort, NodeProcess, processApp } from './processes';
import { sheetRows } from './sheets';

const YEAR = chinaYear();

/**
 * PostgreSQL read replicas by configuration (DATABASE_READ_URLS): a primary and a real streaming
 * replica of it on this machine. The replica's replay is paused while the primary takes writes:
 * whatever still answers the old figures was read on the replica, whatever answers the new ones on
 * the primary. An api process given only DATABASE_URL (the single-node path) on the same data is
 * the reference the replica's answers must equal once replay has caught up.
 */
describe('read replicas: dashboards and exports from a streaming replica, writes and the rest on the primary', () => {
  let dir: string;
  let primary: PgCluster;
  let replica: PgCluster;
  let onPrimary: Client;
  let onStandby: Client;
  let t: TestApp;
  let single: NodeProcess;
  let ref: ReturnType<typeof processApp>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(process.env.TEST_RUN_DIR ?? os.tmpdir(), 'replica-'));
    primary = await PgCluster.primary(path.join(dir, 'primary'), await freePort());
    onPrimary = await primary.client();
    await onPrimary.query('CREATE DATABASE xueshi');
    // cloned before the schema exists: migrations and seed reach the replica by streaming
    replica = await PgCluster.replicaOf(primary, path.join(dir, 'replica'), await freePort());
    onStandby = await replica.client();
    await runMigrations(primary.url('xueshi'));
    t = await startTestApp({ databaseUrl: primary.url('xueshi'), env: { DATABASE_READ_URLS: replica.url('xueshi') } });
    const port = await freePort();
    // the single-node path: DATABASE_READ_URLS empty (the rest of the environment is the test app's)
    single = new NodeProcess('main', { PORT: String(port), HOST: '127.0.0.1', DATABASE_READ_URLS: '', LOG_LEVEL: 'error' });
    await single.start();
    ref = processApp(`http://127.0.0.1:${port}`, t.databaseUrl, t.redisPrefix, t.ds);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await single?.kill('SIGTERM');
    await onStandby?.end().catch(() => undefined);
    await onPrimary?.end().catch(() => undefined);
    await replica?.stop();
    await primary?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Wait until the replica has replayed everything the primary has written so far. */
  async function caughtUp() {
    const { rows } = await onPrimary.query('SELECT pg_current_wal_lsn()::text AS lsn');
    await waitFor('the replica to catch up', async () => (await onStandby.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [rows[0].lsn])).rows[0].ok, 30_000);
  }

  it('is a real streaming standby, and the read helpers are the only way onto it', async () => {
    const { rows: senders } = await onPrimary.query(`SELECT state FROM pg_stat_replication WHERE application_name = 'xueshi_test_replica'`);
    expect(senders).toEqual([{ state: 'streaming' }]);
    const ds = t.app.get(DataSource);
    const probe = 'SELECT pg_is_in_recovery() AS standby, inet_server_port() AS port';
    expect(await replicaReader(ds).query(probe)).toEqual([{ standby: true, port: replica.port }]);
    expect(await onReplica(ds, (m) => m.query(probe))).toEqual([{ standby: true, port: replica.port }]);
    // everything else is on the primary: plain queries, transactions, and query builders (TypeORM's
    // own default would send those to a replica)
    expect(await ds.query(probe)).toEqual([{ standby: false, port: primary.port }]);
    expect(await ds.transaction((m) => m.query(probe))).toEqual([{ standby: false, port: primary.port }]);
    expect(await ds.createQueryBuilder().select('pg_is_in_recovery()', 'standby').from('users', 'u').limit(1).getRawOne()).toEqual({ standby: false });
  });

  it('dashboards and exports answer from the replica (seconds old); writes, one official and the users list from the primary', async () => {
    const [sys, refSys] = [await t.login('sysadmin'), await ref.login('sysadmin')];
    const [cat] = await t.ds.query('SELECT id FROM categories ORDER BY sort LIMIT 1');
    const [inst] = await t.ds.query('SELECT id FROM institutions LIMIT 1');
    const [{ id: courseId }] = await t.ds.query(`INSERT INTO courses (title, category_id, institution_id, status) VALUES ('只读副本测试课', $1, $2, 'published') RETURNING id`, [cat.id, inst.id]);
    const [ch] = await t.ds.query(`INSERT INTO chapters (course_id, title, position) VALUES ($1, '第一章', 0) RETURNING id`, [courseId]);
    const [{ id: lessonId }] = await t.ds.query(`INSERT INTO lessons (course_id, chapter_id, title, kind, position) VALUES ($1, $2, '副本第一讲', 'video', 0) RETURNING id`, [courseId, ch.id]);
    const people: { id: string; username: string }[] = await t.ds.query(`SELECT id, username FROM users WHERE username IN ('official', 'official2') ORDER BY username`);
    const [o1, o2] = people.map((p) => p.id);
    const [unit] = await t.ds.query(`SELECT id FROM org_units WHERE code = 'CQ-YZ-ZFB'`);

    type App = Pick<TestApp, 'call' | 'url'>;
    const get = async (app: App, token: string, p: string) => {
      const r = await app.call('GET', p, { token });
      expect(r.status).toBe(200);
      return r.body;
    };
    // the export's own timestamp line differs between two exports; everything else must not
    const sheet = async (app: App, token: string, p: string) => {
      const r = await sheetRows(app as TestApp, p, token);
      expect(r.status).toBe(200);
      return r.rows.filter((row) => !row.some((c) => c.includes('导出时间')));
    };
    /** what the replica-backed routes answer */
    const reports = async (app: App, token: string) => ({
      dashboard: await get(app, token, `/api/compliance/dashboard?year=${YEAR}`),
      list: await get(app, token, `/api/compliance/officials?year=${YEAR}&pageSize=100`),
      listSheet: await sheet(app, token, `/api/compliance/officials.xlsx?year=${YEAR}`),
      anomalies: await get(app, token, `/api/anomalies?year=${YEAR}`),
      anomaliesSheet: await sheet(app, token, `/api/anomalies.xlsx?year=${YEAR}`),
      usersSheet: await sheet(app, token, '/api/users.xlsx'),
    });
    const hoursOf = (list: { items: { userId: string; hours: number }[] }, id: string) => list.items.find((i) => i.userId === id)?.hours;

    await caughtUp();
    const before = await reports(t, sys);
    expect(before).toEqual(await reports(ref, refSys));
    expect(before.dashboard.officials).toBeGreaterThan(0);

    await onStandby.query('SELECT pg_wal_replay_pause()');
    await waitFor('replay paused', async () => (await onStandby.query('SELECT pg_get_wal_replay_pause_state() AS s')).rows[0].s === 'paused', 10_000);

    // writes through the replicated app succeed: they went to the primary (the standby is read-only)
    const corr = await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId: o2, hours: 37.5, categoryId: cat.id, year: YEAR, reason: '测试：副本延迟期间补录学时' } });
    expect(corr.status).toBe(201);
    const created = await t.call('POST', '/api/users', { token: sys, body: { username: 'replica.lag', name: '副本延迟', role: 'official', orgUnitId: unit.id } });
    expect(created.status).toBe(201);
    // two officials whose sessions start and end in the same second (an anomaly)
    for (const uid of [o1, o2]) {
      await t.ds.query(
        `INSERT INTO play_sessions (id, user_id, lesson_id, course_id, started_at, ended_at, ip, verified_seconds)
         VALUES (gen_random_uuid(), $1, $2, $3, $4::timestamptz, $4::timestamptz + interval '40 minutes', '10.1.2.3', 2400)`,
        [uid, lessonId, courseId, `${YEAR}-01-02T09:00:00+08:00`],
      );
    }

    // read-your-own-writes stays on the primary: one official's compliance, the users list
    const official = await get(t, sys, `/api/compliance/officials/${o2}?year=${YEAR}`);
    const officialBefore = hoursOf(before.list, o2)!;
    expect(official.totals.hours).toBeCloseTo(officialBefore + 37.5, 5);
    expect((await get(t, sys, '/api/users?q=replica.lag')).items).toHaveLength(1);

    // the replica-backed reports: nothing of it yet, while the single-node api shows all of it
    const lagging = await reports(t, sys);
    expect(lagging).toEqual(before);
    const fresh = await reports(ref, refSys);
    expect(fresh.dashboard.officials).toBe(before.dashboard.officials + 1);
    expect(hoursOf(fresh.list, o2)).toBeCloseTo(officialBefore + 37.5, 5);
    expect(fresh.listSheet.length).toBe(before.listSheet.length + 1);
    expect(fresh.anomalies.items.filter((f: { kind: string }) => f.kind === 'identical_timing')).toHaveLength(1);
    expect(fresh.anomaliesSheet.length).toBeGreaterThan(before.anomaliesSheet.length);
    expect(fresh.usersSheet.some((row) => row.includes('replica.lag'))).toBe(true);
    expect(lagging.usersSheet.some((row) => row.includes('replica.lag'))).toBe(false);

    // replay resumes: once caught up, the replica's answers are the primary's
    await onStandby.query('SELECT pg_wal_replay_resume()');
    await caughtUp();
    const after = await reports(t, sys);
    expect(after).toEqual(await reports(ref, refSys));
    expect(after).toEqual(fresh);
  });

  it('without its replica the dashboards fail while writes and the primary reads go on', async () => {
    const sys = await t.login('sysadmin');
    const [o2] = await t.ds.query(`SELECT id FROM users WHERE username = 'official2'`);
    const [cat] = await t.ds.query('SELECT id FROM categories ORDER BY sort LIMIT 1');
    await onStandby.end();
    await replica.stop();
    expect((await t.call('GET', `/api/compliance/dashboard?year=${YEAR}`, { token: sys })).status).toBeGreaterThanOrEqual(500);
    expect((await t.call('GET', `/api/anomalies?year=${YEAR}`, { token: sys })).status).toBeGreaterThanOrEqual(500);
    expect((await t.call('GET', `/api/compliance/officials/${o2.id}?year=${YEAR}`, { token: sys })).status).toBe(200);
    const corr = await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId: o2.id, hours: 1.5, categoryId: cat.id, year: YEAR, reason: '测试：副本停机期间补录学时' } });
    expect(corr.status).toBe(201);
  });
});
