import ExcelJS from 'exceljs';
import { startTestApp, TestApp } from './harness';

/** ASVS V7: who changed which user or credit, when, from where — and nothing else. */
describe('audit log of admin actions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('records an admin\'s successful changes with actor, target and address, secrets removed; not reads, refusals or officials', async () => {
    const sys = await t.login('sysadmin');
    const yz = await t.login('yz_admin');
    const [official] = await t.ds.query(`SELECT id FROM users WHERE username = 'official'`);
    const [unit] = await t.ds.query(`SELECT id FROM org_units WHERE code = 'CQ-YZ-ZFB'`);
    expect((await t.call('PATCH', `/api/users/${official.id}`, { token: yz, body: { position: '一级科员' } })).status).toBe(200);
    expect((await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId: official.id, hours: 1.5, reason: '线下集中培训补录' } })).status).toBe(201);
    const made = await t.call('POST', '/api/users', {
      token: yz,
      body: { username: 'audit_new', role: 'official', name: '审计', staffNo: 'YZ9000001', orgUnitId: unit.id, password: 'Initial2026x' },
    });
    expect(made.status).toBe(201);
    // a refusal and a read change nothing
    expect((await t.call('PATCH', `/api/users/${official.id}`, { token: yz, body: { position: 5 } })).status).toBe(400);
    await t.call('GET', `/api/users/${official.id}`, { token: yz });
    await t.call('POST', `/api/courses/00000000-0000-4000-8000-000000000000/enrol`, { token: await t.login('official') });

    const log = await t.call('GET', '/api/audit-log?pageSize=10', { token: sys });
    expect(log.status).toBe(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['createUser', 'addCorrection', 'updateUser']);
    const [create, correction, update] = log.body.items;
    expect(update).toMatchObject({ actorRole: 'org_admin', targetId: official.id, status: 200, details: { body: { position: '一级科员' } } });
    expect(update.ip).toBeTruthy();
    expect(correction).toMatchObject({ actorRole: 'sys_admin', targetId: official.id, status: 201, details: { body: { hours: 1.5, reason: '线下集中培训补录' } } });
    expect(create.details.body.password).toBe('[removed]');
    expect(JSON.stringify(log.body)).not.toContain('Initial2026x');
    // filters
    expect((await t.call('GET', `/api/audit-log?targetId=${official.id}`, { token: sys })).body.total).toBe(2);
    // only system admins read it
    expect((await t.call('GET', '/api/audit-log', { token: yz })).status).toBe(403);
    expect((await t.call('GET', '/api/audit-log.xlsx', { token: yz })).status).toBe(403);
    // and export it, with the same filters, as XLSX (passwords removed there too)
    const x = await fetch(`${t.url}/api/audit-log.xlsx?targetId=${official.id}`, { headers: { authorization: `Bearer ${sys}` } });
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('时间');
    expect(ws.rowCount - 1).toBe(2);
    expect(ws.getColumn(4).values.slice(2)).toEqual(['addCorrection', 'updateUser']);
    const all = await fetch(`${t.url}/api/audit-log.xlsx`, { headers: { authorization: `Bearer ${sys}` } });
    const wbAll = new ExcelJS.Workbook();
    await wbAll.xlsx.load(Buffer.from(await all.arrayBuffer()) as never);
    const cells: string[] = [];
    wbAll.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells.some((c) => c.includes('createUser'))).toBe(true);
    expect(cells.some((c) => c.includes('Initial2026x'))).toBe(false);
  });
});
