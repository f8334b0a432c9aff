import ExcelJS from 'exceljs';
import { ComplianceService } from '../src/modules/compliance/compliance.service';
import { staleYearTotals } from '../src/modules/credits/year-totals';
import { chinaYear } from '../src/modules/policy/policy.service';
import { startTestApp, TestApp } from './harness';

/**
 * Yearly compliance, one test per rule P1–P8 (DESIGN.md), each with an official who meets it
 * and one short by the smallest step; policy versioning; two districts' admins seeing only
 * their own subtree. Credit comes through the real paths: admin correction entries and
 * classes run to 结业 (sessions, attendance, scores, finish).
 */
const YEAR = chinaYear();
let seq = 0;

describe('yearly compliance (P1–P8)', () => {
  let t: TestApp;
  let sys: string;
  let inst: string;
  let yz: string;
  let jb: string;
  let legalCat: string;
  let otherCat: string;
  const who: Record<string, { id: string; token: string }> = {};

  async function official(name: string, unitCode: string, f: { law?: boolean; grassroots?: boolean; rank?: string; entry?: string; appointed?: string } = {}) {
    const [{ password_hash: hash }] = await t.ds.query(`SELECT password_hash FROM users WHERE username = 'official'`);
    const [unit] = await t.ds.query('SELECT id FROM org_units WHERE code = $1', [unitCode]);
    const username = `c${YEAR}x${++seq}${Math.random().toString(36).slice(2, 6)}`;
    const [u] = await t.ds.query(
      `INSERT INTO users (username, password_hash, name, role, org_unit_id, law_enforcement, grassroots, rank_level, civil_service_entry_date, appointment_date, staff_no)
       VALUES ($1,$2,$3,'official',$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
      [username, hash, name, unit.id, f.law ?? false, f.grassroots ?? false, f.rank ?? 'clerk', f.entry ?? '2015-07-01', f.appointed ?? null, `T${username}`],
    );
    return { id: u.id as string, token: await t.login(username) };
  }

  async function credit(userId: string, hours: number, categoryId = otherCat) {
    const r = await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId, hours, categoryId, year: YEAR, reason: '测试：补录线下学习学时' } });
    expect(r.status).toBe(201);
  }

  async function mine(token: string, year = YEAR) {
    const r = await t.call('GET', `/api/compliance/me?year=${year}`, { token });
    expect(r.status).toBe(200);
    return r.body;
  }
  const itemOf = async (token: string, rule: string) => (await mine(token)).items.find((i: { rule: string }) => i.rule === rule);

  /** A class run to 结业: sessions [days, rule-of-law hours]; each trainee attends all but the sessions listed, and is scored. */
  async function runClass(kind: string, level: string | null, sessions: [number, number][], trainees: { id: string; miss?: number[]; score?: number }[]) {
    const c = await t.call('POST', '/api/classes', {
      token: inst,
      body: { title: `${kind} 测试班 ${++seq}`, kind, appointmentLevel: level, startsOn: `${YEAR}-01-05`, endsOn: `${YEAR}-03-31`, weights: { instructor: 100, peer: 0, exam: 0 }, passScore: 60 },
    });
    expect(c.status).toBe(201);
    const id = c.body.id;
    for (const [i, [days, law]] of sessions.entries()) {
      const day = String(5 + i).padStart(2, '0');
      const s = await t.call('POST', `/api/classes/${id}/sessions`, { token: inst, body: { sessionDate: `${YEAR}-01-${day}`, title: `第 ${i + 1} 讲`, days, ruleOfLawHours: law } });
      expect(s.status).toBe(201);
    }
    const pub = await t.call('POST', `/api/classes/${id}/publish`, { token: inst });
    expect([pub.status, pub.body.problems ?? pub.body]).toEqual([200, []]);
    expect((await t.call('POST', `/api/classes/${id}/members`, { token: inst, body: { userIds: trainees.map((x) => x.id) } })).status).toBe(200);
    const view = await t.call('GET', `/api/classes/${id}`, { token: inst });
    const records = trainees.flatMap((x) => view.body.sessions.map((s: { id: string }, i: number) => ({ sessionId: s.id, userId: x.id, present: !(x.miss ?? []).includes(i) })));
    expect((await t.call('PUT', `/api/classes/${id}/attendance`, { token: inst, body: { records } })).status).toBe(200);
    for (const x of trainees) {
      const s = x.score ?? 80;
      const r = await t.call('PUT', `/api/classes/${id}/scores/${x.id}`, { token: inst, body: { attitude: s, participation: s, interaction: s, results: s } });
      expect(r.status).toBe(200);
    }
    const fin = await t.call('POST', `/api/classes/${id}/finish`, { token: inst });
    expect(fin.status).toBe(200);
    return { id, finish: fin.body };
  }

  beforeAll(async () => {
    t = await startTestApp();
    [sys, inst, yz, jb] = await Promise.all(['sysadmin', 'inst_admin', 'yz_admin', 'jb_admin'].map((u) => t.login(u)));
    [{ id: legalCat }] = await t.ds.query(`SELECT id FROM categories WHERE legal ORDER BY sort LIMIT 1`);
    [{ id: otherCat }] = await t.ds.query(`SELECT id FROM categories WHERE NOT legal ORDER BY sort LIMIT 1`);

    who.p1ok = await official('达标甲', 'CQ-YZ-ZFB');
    who.p1short = await official('差一点乙', 'CQ-YZ-ZFB');
    await credit(who.p1ok.id, 45);
    await credit(who.p1ok.id, 45);
    await credit(who.p1short.id, 45);
    await credit(who.p1short.id, 44.9);

    who.p2ok = await official('执法丙', 'CQ-YZ-SCJ', { law: true });
    who.p2short = await official('执法丁', 'CQ-YZ-SCJ', { law: true });
    await credit(who.p2ok.id, 24, legalCat);
    await credit(who.p2short.id, 23.9, legalCat);

    // initial class: 12 days, 4 rule-of-law hours (3.9 + 0.1); the second trainee misses the 0.1-hour day
    who.newOk = await official('新录用戊', 'CQ-JB-SFJ', { entry: `${YEAR}-01-02` });
    who.newShort = await official('新录用己', 'CQ-JB-SFJ', { entry: `${YEAR}-01-02` });
    await runClass('initial', null, [[1, 3.9], [1, 0.1], ...Array.from({ length: 10 }, () => [1, 0] as [number, number])], [{ id: who.newOk.id }, { id: who.newShort.id, miss: [1] }]);

    // section-level appointment class: 14 × 1 day + 2 × 0.5 day = 15 days
    who.appOk = await official('任职庚', 'CQ-YZ-ZFB', { rank: 'section', appointed: `${YEAR}-01-03` });
    who.appShort = await official('任职辛', 'CQ-YZ-ZFB', { rank: 'section', appointed: `${YEAR}-01-03` });
    await runClass('appointment', 'section', [[1, 4], ...Array.from({ length: 13 }, () => [1, 0] as [number, number]), [0.5, 0], [0.5, 0]],
      [{ id: who.appOk.id }, { id: who.appShort.id, miss: [15] }]);

    // 双基 officials in an in-service class of 6 days (5 × 1 + 2 × 0.5); scored 60 and 59.9 against a pass mark of 60 (P8)
    who.baseOk = await official('基层壬', 'CQ-YZ-JDJ', { grassroots: true });
    who.baseShort = await official('基层癸', 'CQ-YZ-JDJ', { grassroots: true });
    await runClass('in_service', null, [...Array.from({ length: 5 }, () => [1, 0] as [number, number]), [0.5, 0], [0.5, 0]],
      [{ id: who.baseOk.id, score: 60 }, { id: who.baseShort.id, miss: [6], score: 59.9 }]);
  }, 180_000);
  afterAll(async () => t?.close());

  it('P1: 90.0 hours meets the yearly requirement; 89.9 falls short by 0.1', async () => {
    expect(await itemOf(who.p1ok.token, 'P1')).toMatchObject({ met: true, actual: 90, required: 90, shortfall: 0 });
    const short = await mine(who.p1short.token);
    expect(short.totals.hours).toBe(89.9);
    expect(short.items[0]).toMatchObject({ rule: 'P1', met: false, shortfall: 0.1 });
    expect(short.met).toBe(false);
  });

  it('P2: a law-enforcement official with 24 legal hours meets it; 23.9 falls short by 0.1', async () => {
    expect(await itemOf(who.p2ok.token, 'P2')).toMatchObject({ met: true, actual: 24, required: 24 });
    expect(await itemOf(who.p2short.token, 'P2')).toMatchObject({ met: false, actual: 23.9, shortfall: 0.1 });
    // not a law-enforcement post: no P2 at all
    expect(await itemOf(who.p1ok.token, 'P2')).toBeUndefined();
  });

  it('P3: a class with 3.9 rule-of-law hours cannot be published; a trainee who missed 0.1 of the 4 hours falls short', async () => {
    const c = await t.call('POST', '/api/classes', { token: inst, body: { title: '法治不足的初任班', kind: 'initial', startsOn: `${YEAR}-05-01`, endsOn: `${YEAR}-06-30` } });
    for (let i = 0; i < 12; i++) {
      await t.call('POST', `/api/classes/${c.body.id}/sessions`, { token: inst, body: { sessionDate: `${YEAR}-05-${String(i + 1).padStart(2, '0')}`, title: `第 ${i + 1} 讲`, days: 1, ruleOfLawHours: i === 0 ? 3.9 : 0 } });
    }
    const refused = await t.call('POST', `/api/classes/${c.body.id}/publish`, { token: inst });
    expect(refused.status).toBe(409);
    expect(refused.body.field).toBe('ruleOfLawHours');
    expect(refused.body.message).toContain('法治教育不少于 4 学时');
    const fixed = await t.call('PUT', `/api/classes/${c.body.id}/sessions/${(await t.call('GET', `/api/classes/${c.body.id}`, { token: inst })).body.sessions[0].id}`, {
      token: inst, body: { sessionDate: `${YEAR}-05-01`, title: '宪法与依法行政', days: 1, ruleOfLawHours: 4 },
    });
    expect(fixed.body.problems).toEqual([]);
    expect((await t.call('POST', `/api/classes/${c.body.id}/publish`, { token: inst })).body.status).toBe('published');

    expect(await itemOf(who.newOk.token, 'P3')).toMatchObject({ met: true, actual: 4 });
    expect(await itemOf(who.newShort.token, 'P3')).toMatchObject({ met: false, actual: 3.9, shortfall: 0.1 });
  });

  it('P4: 12 days of initial training meets it; 11 days falls short by one; an 11-day class cannot be published', async () => {
    expect(await itemOf(who.newOk.token, 'P4')).toMatchObject({ met: true, actual: 12, required: 12 });
    expect(await itemOf(who.newShort.token, 'P4')).toMatchObject({ met: false, actual: 11, shortfall: 1 });
    expect((await mine(who.newShort.token)).met).toBe(false);
    // not newly recruited this year: P4 does not apply
    expect(await itemOf(who.p1ok.token, 'P4')).toBeUndefined();

    const c = await t.call('POST', '/api/classes', { token: inst, body: { title: '十一天的初任班', kind: 'initial', startsOn: `${YEAR}-07-01`, endsOn: `${YEAR}-07-31` } });
    for (let i = 0; i < 11; i++) {
      await t.call('POST', `/api/classes/${c.body.id}/sessions`, { token: inst, body: { sessionDate: `${YEAR}-07-${String(i + 1).padStart(2, '0')}`, title: `第 ${i + 1} 讲`, days: 1, ruleOfLawHours: i === 0 ? 4 : 0 } });
    }
    const refused = await t.call('POST', `/api/classes/${c.body.id}/publish`, { token: inst });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('初任培训不少于 12 天');
    expect((await t.call('GET', `/api/classes/${c.body.id}`, { token: inst })).body.status).toBe('draft');
    // a published class cannot be cut below its rule either
    const ok = await t.call('POST', `/api/classes/${c.body.id}/sessions`, { token: inst, body: { sessionDate: `${YEAR}-07-12`, title: '第 12 讲', days: 1, ruleOfLawHours: 0 } });
    expect((await t.call('POST', `/api/classes/${c.body.id}/publish`, { token: inst })).body.status).toBe('published');
    const last = ok.body.sessions.at(-1).id;
    const cut = await t.call('DELETE', `/api/classes/${c.body.id}/sessions/${last}`, { token: inst });
    expect(cut.status).toBe(409);
    expect((await t.call('GET', `/api/classes/${c.body.id}`, { token: inst })).body.sessions).toHaveLength(12);
  });

  it('P5: a section-level appointee with 15 days meets it; 14.5 days falls short by 0.5', async () => {
    expect(await itemOf(who.appOk.token, 'P5')).toMatchObject({ met: true, actual: 15, required: 15 });
    expect(await itemOf(who.appShort.token, 'P5')).toMatchObject({ met: false, actual: 14.5, shortfall: 0.5 });
    // the appointment class's offline days are credited hours too: 15 × 7.5
    expect((await mine(who.appOk.token)).totals).toMatchObject({ offlineDays: 15, offlineHours: 112.5, hours: 112.5 });
  });

  it('P6: a 双基 official with 6 off-the-job days meets it; 5.5 days falls short by 0.5', async () => {
    expect(await itemOf(who.baseOk.token, 'P6')).toMatchObject({ met: true, actual: 6, required: 6 });
    expect(await itemOf(who.baseShort.token, 'P6')).toMatchObject({ met: false, actual: 5.5, shortfall: 0.5 });
  });

  it('P7: the class, its days and the assessment are written into the year (the archive reads them from the ledger)', async () => {
    const entries = await t.ds.query(`SELECT kind, hours::float, evidence FROM credit_ledger WHERE user_id = $1 AND kind = 'class'`, [who.baseShort.id]);
    expect(entries).toHaveLength(1);
    expect(entries[0].hours).toBe(41.3); // 5.5 days × 7.5
    expect(entries[0].evidence).toMatchObject({ classKind: 'in_service', offlineDays: 5.5, assessmentPassed: false, completed: false });
    const a = await t.call('GET', `/api/archives/${who.baseShort.id}/${YEAR}`, { token: who.baseShort.token });
    expect(a.status).toBe(200);
    expect(a.body.classes).toEqual([expect.objectContaining({ kind: 'in_service', attendedDays: 5.5, assessmentPassed: false, completed: false })]);
    const ok = await t.call('GET', `/api/archives/${who.baseOk.id}/${YEAR}`, { token: who.baseOk.token });
    expect(ok.body.classes).toEqual([expect.objectContaining({ attendedDays: 6, assessmentTotal: 60, assessmentPassed: true, completed: true })]);
  });

  it('P8: an assessment passed at 60 leaves "excellent" open; 59.9 bars it', async () => {
    const ok = await mine(who.baseOk.token);
    expect(ok.excellentBarred).toBe(false);
    expect(ok.items.find((i: { rule: string }) => i.rule === 'P8')).toMatchObject({ met: true });
    const short = await mine(who.baseShort.token);
    expect(short.excellentBarred).toBe(true);
    expect(short.items.find((i: { rule: string }) => i.rule === 'P8')).toMatchObject({ met: false });
  });

  it('a finished class is closed: no second 结业, no edits, and its entries credit once', async () => {
    const [c] = await t.ds.query(`SELECT id FROM training_classes WHERE kind = 'in_service' AND status = 'finished' LIMIT 1`);
    expect((await t.call('POST', `/api/classes/${c.id}/finish`, { token: inst })).status).toBe(409);
    expect((await t.call('PATCH', `/api/classes/${c.id}`, { token: inst, body: { title: '改个名字' } })).status).toBe(409);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM credit_ledger WHERE class_id = $1`, [c.id]);
    expect(n).toBe(2);
  });

  it('policy versioning: changing next year leaves this year\'s compliance identical; a past year is closed', async () => {
    const before = await Promise.all(Object.values(who).map((w) => mine(w.token)));
    const next = await t.call('PUT', `/api/policy/${YEAR + 1}`, { token: sys, body: { yearlyHours: 100, legalHoursLawEnforcement: 30, grassrootsDays: 8 } });
    expect(next.status).toBe(200);
    expect(next.body.settings).toMatchObject({ yearlyHours: 100, yearlyDays: 12 });
    const after = await Promise.all(Object.values(who).map((w) => mine(w.token)));
    const strip = (x: { projectedHours: unknown }[]) => x.map((y) => ({ ...y, projectedHours: null }));
    expect(strip(after)).toEqual(strip(before));
    expect((await mine(who.p1ok.token, YEAR + 1)).items[0].zh).toContain('100 学时');
    const past = await t.call('PUT', `/api/policy/${YEAR - 1}`, { token: sys, body: { yearlyHours: 80 } });
    expect([past.status, past.body.field]).toEqual([409, 'year']);
    expect((await t.call('PUT', `/api/policy/${YEAR + 1}`, { token: yz, body: { yearlyHours: 80 } })).status).toBe(403);
    expect((await t.call('PUT', `/api/policy/${YEAR + 1}`, { token: sys, body: { yearlyHours: -1 } })).body.field).toBe('yearlyHours');
  });

  it('two districts: each admin\'s list and dashboard hold only their subtree', async () => {
    const ids = (r: { body: { items: { userId: string }[] } }) => r.body.items.map((i) => i.userId);
    const yzList = await t.call('GET', `/api/compliance/officials?year=${YEAR}&pageSize=200`, { token: yz });
    const jbList = await t.call('GET', `/api/compliance/officials?year=${YEAR}&pageSize=200`, { token: jb });
    expect(ids(yzList)).toEqual(expect.arrayContaining([who.p1ok.id, who.p2short.id, who.baseShort.id]));
    expect(ids(yzList)).not.toContain(who.newOk.id);
    expect(ids(jbList)).toEqual(expect.arrayContaining([who.newOk.id, who.newShort.id]));
    expect(ids(jbList)).not.toContain(who.p1ok.id);
    const [{ n: yzCount }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM users u JOIN org_units ou ON ou.id = u.org_unit_id WHERE u.role = 'official' AND NOT u.disabled AND ou.code LIKE 'CQ-YZ%'`);
    expect(yzList.body.total).toBe(yzCount);

    const dash = await t.call('GET', `/api/compliance/dashboard?year=${YEAR}`, { token: yz });
    expect(dash.status).toBe(200);
    expect(dash.body.officials).toBe(yzCount);
    expect(dash.body.byUnit.map((u: { name: string }) => u.name).every((n: string) => n.startsWith('渝中区'))).toBe(true);
    expect(dash.body.byUnit.reduce((a: number, u: { officials: number }) => a + u.officials, 0)).toBe(yzCount);
    expect(dash.body.distribution.reduce((a: number, d: { count: number }) => a + d.count, 0)).toBe(yzCount);
    const [jbUnit] = await t.ds.query(`SELECT id FROM org_units WHERE code = 'CQ-JB-SFJ'`);
    expect((await t.call('GET', `/api/compliance/dashboard?orgUnitId=${jbUnit.id}`, { token: yz })).status).toBe(404);
    expect((await t.call('GET', `/api/compliance/officials/${who.newOk.id}`, { token: yz })).status).toBe(404);
    expect((await t.call('GET', `/api/compliance/officials/${who.newOk.id}`, { token: jb })).status).toBe(200);
    // the institution sees its trainees, wherever they work
    const instList = await t.call('GET', `/api/compliance/officials?pageSize=200`, { token: inst });
    expect(ids(instList)).toEqual(expect.arrayContaining([who.newOk.id, who.baseOk.id]));
    expect(ids(instList)).not.toContain(who.p1ok.id);
  });

  it('the list\'s `met` is the per-official rule, the filters hold, and the export has the same rows', async () => {
    const list = await t.call('GET', `/api/compliance/officials?year=${YEAR}&pageSize=200`, { token: sys });
    for (const w of Object.values(who)) {
      const row = list.body.items.find((i: { userId: string }) => i.userId === w.id);
      expect([w.id, row.met]).toEqual([w.id, (await mine(w.token)).met]);
    }
    const behind = await t.call('GET', `/api/compliance/officials?year=${YEAR}&status=behind&pageSize=200&lawEnforcement=true`, { token: yz });
    expect(behind.body.items.map((i: { userId: string }) => i.userId)).toContain(who.p2short.id);
    expect(behind.body.items.every((i: { met: boolean; lawEnforcement: boolean }) => !i.met && i.lawEnforcement)).toBe(true);

    const x = await fetch(`${t.url}/api/compliance/officials.xlsx?year=${YEAR}&status=behind&lawEnforcement=true`, { headers: { authorization: `Bearer ${yz}` } });
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('姓名');
    expect(ws.rowCount - 1).toBe(behind.body.total);
    expect(ws.getColumn(1).values).toContain('执法丁');
  });

  it('reminders reach those projected to miss the year and their unit\'s admins, once a month', async () => {
    const late = await official('进度慢', 'CQ-YZ-ZFB');
    await credit(late.id, 1);
    const first = await t.call('POST', '/api/compliance/reminders', { token: yz, body: {} });
    expect(first.status).toBe(200);
    // before December the year is not over: 1 hour is projected short, whatever the month
    expect(first.body.officials).toBeGreaterThan(0);
    const n = await t.call('GET', '/api/notifications', { token: late.token });
    expect(n.body.unread).toBe(1);
    expect(n.body.items[0].zh).toContain('学时');
    const again = await t.call('POST', '/api/compliance/reminders', { token: yz, body: {} });
    expect(again.status).toBe(200);
    expect((await t.call('GET', '/api/notifications', { token: late.token })).body.items).toHaveLength(1);
    const admin = await t.call('GET', '/api/notifications', { token: yz });
    expect(admin.body.items.filter((i: { kind: string }) => i.kind === 'reminder_admin')).toHaveLength(1);
    const read = await t.call('POST', `/api/notifications/${n.body.items[0].id}/read`, { token: late.token });
    expect(read.body.unread).toBe(0);
    expect((await t.call('POST', `/api/notifications/${n.body.items[0].id}/read`, { token: yz })).status).toBe(404);
  });

  it('the worker\'s daily look: nothing before April, then once a month, leaving a read reminder read', async () => {
    const svc = t.app.get(ComplianceService);
    const late = await official('每日提醒', 'CQ-JB-ZWB');
    await credit(late.id, 1);
    expect(await svc.scheduledReminders(new Date(`${YEAR}-02-01T09:00:00+08:00`))).toMatchObject({ officials: 0, skipped: expect.any(String) });
    expect((await svc.scheduledReminders(new Date(`${YEAR}-10-15T09:00:00+08:00`))).officials).toBeGreaterThan(0);
    let n = await t.call('GET', '/api/notifications', { token: late.token });
    expect(n.body.unread).toBe(1);
    await t.call('POST', `/api/notifications/${n.body.items[0].id}/read`, { token: late.token });
    await svc.scheduledReminders(new Date(`${YEAR}-10-16T09:00:00+08:00`));
    n = await t.call('GET', '/api/notifications', { token: late.token });
    expect([n.body.unread, n.body.items.length]).toEqual([0, 1]);
    // the 江北区 admin above the official has this month's summary
    const admin = await t.call('GET', '/api/notifications', { token: jb });
    expect(admin.body.items.some((i: { kind: string }) => i.kind === 'reminder_admin')).toBe(true);
  });

  it('the pre-aggregated totals equal a fresh sum of the ledger', async () => {
    expect(await staleYearTotals(t.ds)).toEqual([]);
  });
});
