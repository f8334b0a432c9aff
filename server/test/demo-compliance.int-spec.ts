import { seedDemoCompliance } from '../src/database/seed-compliance';
import { verifyLedger } from '../src/modules/credits/ledger.repository';
import { staleYearTotals } from '../src/modules/credits/year-totals';
import { startTestApp, TestApp } from './harness';

/** The demo's year (npm start): written through the ledger and the class services, so it holds their rules. */
describe('demo data for the dashboards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  it('seeds a year of credit and a finished 双基 class that verify, once', async () => {
    expect(await seedDemoCompliance(t.ds)).toBe(60);
    expect(await seedDemoCompliance(t.ds)).toBe(0);
    expect((await verifyLedger(t.ds)).broken).toEqual([]);
    expect(await staleYearTotals(t.ds)).toEqual([]);
    const [c] = await t.ds.query(`SELECT id, status FROM training_classes WHERE kind = 'grassroots'`);
    expect(c.status).toBe('finished');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM credit_ledger WHERE class_id = $1`, [c.id]);
    const [{ g }] = await t.ds.query(`SELECT count(*)::int AS g FROM users WHERE role = 'official' AND grassroots`);
    expect(n).toBe(g);
    const dash = await t.call('GET', '/api/compliance/dashboard', { token: await t.login('yz_admin') });
    expect(dash.body.officials).toBeGreaterThan(30);
    const trend = dash.body.trend.map((m: { averageHours: number }) => m.averageHours);
    const month = new Date(Date.now() + 8 * 3600_000).getUTCMonth();
    // cumulative: never falls, and has grown by this month
    for (let i = 1; i < trend.length; i++) expect(trend[i]).toBeGreaterThanOrEqual(trend[i - 1]);
    expect(trend[month]).toBeGreaterThan(trend[0]);
  }, 120_000);
});
