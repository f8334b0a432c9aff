import { execFile } from 'node:child_process';
import path from 'node:path';
import { verifyLedger } from '../src/modules/credits/ledger.repository';
import { startTestApp, TestApp } from './harness';

function verifyCli(databaseUrl: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.resolve(__dirname, '../../scripts/ledger-verify.mjs')], { env: { ...process.env, DATABASE_URL: databaseUrl } }, (err, stdout) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout }),
    );
  });
}

describe('I7: the ledger is append-only, hash-chained, corrected only by new entries', () => {
  let t: TestApp;
  let sys: string;
  let officialId: string;
  beforeAll(async () => {
    t = await startTestApp();
    sys = await t.login('sysadmin');
    officialId = (await t.call('GET', '/api/users?q=official', { token: sys })).body.items.find((u: { username: string }) => u.username === 'official').id;
  });
  afterAll(async () => t.close());

  it('an admin corrects credit with a reason; each correction is a new entry in the chain', async () => {
    for (const [hours, reason] of [[1.5, '线下集中培训补录'], [-0.5, '重复录入的更正'], [2, '申诉核实后补记学时']] as const) {
      const r = await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId: officialId, hours, reason } });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ kind: 'correction', hours, reason });
    }
    const rows = await t.ds.query('SELECT seq, prev_hash, hash FROM credit_ledger WHERE user_id = $1 ORDER BY seq', [officialId]);
    expect(rows.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[2].prev_hash).toBe(rows[1].hash);
  });

  it('refuses a correction without a reason, of zero hours, or for someone outside the admin\'s subtree', async () => {
    expect((await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId: officialId, hours: 1, reason: '补' } })).body.field).toBe('reason');
    expect((await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId: officialId, hours: 0, reason: '没有学时的更正' } })).body.field).toBe('hours');
    const jb = await t.login('jb_admin');
    const outside = await t.call('POST', '/api/credit/corrections', { token: jb, body: { userId: officialId, hours: 1, reason: '越权更正学时' } });
    expect(outside.status).toBe(404);
    expect(outside.body.field).toBe('userId');
    const official = await t.login('official');
    expect((await t.call('POST', '/api/credit/corrections', { token: official, body: { userId: officialId, hours: 9, reason: '给自己加学时' } })).status).toBe(403);
  });

  it('npm run ledger:verify passes on an intact ledger and names the entry after one is edited in the database', async () => {
    expect(await verifyLedger(t.ds)).toMatchObject({ broken: [] });
    const ok = await verifyCli(t.databaseUrl);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('every chain intact');
    expect(ok.out).toContain('totals: every official-year matches the ledger');
    const [second] = await t.ds.query('SELECT id FROM credit_ledger WHERE user_id = $1 AND seq = 2', [officialId]);
    await t.ds.query('UPDATE credit_ledger SET hours = 9.5 WHERE id = $1', [second.id]);
    const bad = await verifyCli(t.databaseUrl);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`BROKEN at entry id=${second.id} (user ${officialId}, #2): content does not match its hash`);
    // the dashboards' totals were summed from the true entry: they no longer match the edited ledger either
    expect(bad.out).toContain(`totals: user ${officialId}`);
    await t.ds.query('UPDATE credit_ledger SET hours = -0.5 WHERE id = $1', [second.id]);
    expect((await verifyLedger(t.ds)).broken).toEqual([]);
    // removing an entry breaks the chain at the next one
    await t.ds.query('DELETE FROM credit_ledger WHERE id = $1', [second.id]);
    const gap = await verifyLedger(t.ds);
    expect(gap.broken).toEqual([expect.objectContaining({ userId: officialId, seq: 3, why: 'sequence gap: expected 2' })]);
  }, 60_000);
});
