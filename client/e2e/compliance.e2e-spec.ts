import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { DEMO_PASSWORD } from '../../server/src/database/seed';
import { Platform, SHOTS, startPlatform } from './platform';
import { attrBecomes, expectText, login } from './browser';

/**
 * 年度达标 (P1–P8) in a real browser. Credit is written through the API (admin corrections, real
 * ledger entries): 李明 (law enforcement) is 0.1 hour short of 90, 张丽 (双基) has almost
 * nothing, and six more 渝中区 officials and one more 江北区 official sit around the requirement.
 * The official sees the shortfall; 渝中区's admin sees the figures, the charts drawn, only
 * 渝中区 officials, the behind filter, the same rows in the XLSX export, and sends reminders
 * that light the bell of an official at risk; the system admin changes next year's requirement
 * and this year's result does not move.
 */

const YEAR = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()));

// extra officials, with the demo password: [username, name, staff no, unit code, hours of credit]
const EXTRA: [string, string, string, string, number][] = [
  ['yz_a', '王芳', 'YZ2018011', 'CQ-YZ-ZFB', 96],
  ['yz_b', '刘伟', 'YZ2016004', 'CQ-YZ-ZFB', 120.5],
  ['yz_c', '杨静', 'YZ2020032', 'CQ-YZ-SCJ', 62],
  ['yz_d', '赵磊', 'YZ2021007', 'CQ-YZ-SCJ', 91],
  ['yz_e', '黄敏', 'YZ2017019', 'CQ-YZ-JDJ', 40],
  ['yz_f', '周杰', 'YZ2022003', 'CQ-YZ-JDJ', 12],
  ['jb_a', '吴涛', 'JB2019015', 'CQ-JB-ZWB', 70],
];

async function shot(page: Page, name: string) {
  // a full-page shot taken scrolled would draw the sticky header mid-page
  await page.evaluate(() => window.scrollTo(0, 0));
  // ECharts animates for about a second after each redraw
  await page.waitForTimeout(page.url().includes('/compliance') && !page.url().includes('/my/') ? 1500 : 400);
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

/** How many pixels of a chart's canvas are drawn (not transparent). */
async function drawnPixels(page: Page, testId: string): Promise<number> {
  await attrBecomes(page.getByTestId(testId), 'data-ready', 'true');
  // the first frame of ECharts' animation is drawn on the next animation frames
  await page.waitForTimeout(1200);
  return page.getByTestId(testId).evaluate((el) => {
    const canvas = el.querySelector('canvas');
    if (!canvas || !canvas.width || !canvas.height) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}

/** The names in the table's rows, as shown. */
async function listedNames(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="cmp-table"] tbody tr[data-testid^="cmp-row-"]')
    .evaluateAll((rows) => rows.map((r) => (r.querySelector('a[data-testid^="cmp-link-"]') as HTMLElement | null)?.innerText.trim() ?? ''));
}

/** Wait until the list shows its answer for the current filters: the total, and that many rows (first page). */
async function listSettles(page: Page, total: number) {
  const list = page.getByTestId('cmp-list');
  await attrBecomes(list, 'data-total', String(total));
  await attrBecomes(list, 'data-loading', 'false');
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="cmp-table"] tbody tr[data-testid^="cmp-row-"]').length === n,
    Math.min(total, 20),
  );
}

describe('the platform in a browser: yearly compliance, the dashboard, reminders and policy settings', () => {
  let p: Platform;
  let ds: DataSource;
  const ids: Record<string, string> = {};
  let yzOfficials: { id: string; name: string; username: string }[] = [];
  const hours: Record<string, number> = {};

  async function api(method: string, route: string, o: { token?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = {};
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(p.url + route, { method, headers, body: o.body !== undefined ? JSON.stringify(o.body) : undefined });
    const text = await res.text();
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: res.status, body };
  }
  async function token(username: string) {
    const r = await api('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.accessToken as string;
  }
  async function credit(admin: string, username: string, h: number, categoryId?: string) {
    const r = await api('POST', '/api/credit/corrections', {
      token: admin,
      body: { userId: ids[username], hours: h, categoryId, reason: '线下专题培训补录（e2e）' },
    });
    if (r.status !== 201) throw new Error(`correction ${username} ${h}: ${r.status} ${JSON.stringify(r.body)}`);
    hours[username] = Math.round(((hours[username] ?? 0) + h) * 10) / 10;
  }

  beforeAll(async () => {
    p = await startPlatform();
    ds = new DataSource(dataSourceOptions(p.databaseUrl, { poolSize: 2 }));
    await ds.initialize();
    for (const [username, name, staffNo, unit] of EXTRA) {
      await ds.query(
        `INSERT INTO users (username, password_hash, name, role, org_unit_id, staff_no, rank_level, position)
         SELECT $1, u.password_hash, $2, 'official', o.id, $3, 'clerk', '科员' FROM users u, org_units o WHERE u.username = 'official' AND o.code = $4`,
        [username, name, staffNo, unit],
      );
    }
    for (const r of await ds.query(`SELECT id, username FROM users`)) ids[r.username] = r.id;
    yzOfficials = await ds.query(
      `SELECT u.id, u.name, u.username FROM users u JOIN org_units o ON o.id = u.org_unit_id
        WHERE u.role = 'official' AND o.code LIKE 'CQ-YZ%' ORDER BY u.username`,
    );
    expect(yzOfficials.length).toBe(8);

    const [legal] = await ds.query(`SELECT id FROM categories WHERE code = 'rule-of-law'`);
    const yz = await token('yz_admin');
    const jb = await token('jb_admin');
    // 李明: 30 legal hours (P2 met) and 59.9 more: 0.1 hour short of the 90 of P1
    await credit(yz, 'official', 30, legal.id);
    await credit(yz, 'official', 59.9);
    // 张丽 (双基): almost nothing, far behind the year's pace
    await credit(yz, 'official2', 0.5);
    for (const [username, , , unit, h] of EXTRA) await credit(unit.startsWith('CQ-YZ') ? yz : jb, username, h);
    await credit(jb, 'official3', 30, legal.id);
    // 陈刚 (江北区) fails the assessment of a 2-day in-service class (P8)
    const inst = await token('inst_admin');
    const c = await api('POST', '/api/classes', {
      token: inst,
      body: { title: '依法行政专题在职培训班（e2e）', kind: 'in_service', appointmentLevel: null, startsOn: `${YEAR}-01-05`, endsOn: `${YEAR}-01-31`, weights: { instructor: 100, peer: 0, exam: 0 }, passScore: 60 },
    });
    if (c.status !== 201) throw new Error(`createClass: ${c.status} ${JSON.stringify(c.body)}`);
    for (const day of ['05', '06']) {
      const r = await api('POST', `/api/classes/${c.body.id}/sessions`, { token: inst, body: { sessionDate: `${YEAR}-01-${day}`, title: `${day} 日专题`, days: 1, ruleOfLawHours: 0 } });
      if (r.status !== 201) throw new Error(`addClassSession: ${r.status} ${JSON.stringify(r.body)}`);
    }
    for (const [method, route, body] of [
      ['POST', `/api/classes/${c.body.id}/publish`, undefined],
      ['POST', `/api/classes/${c.body.id}/members`, { userIds: [ids.official3] }],
    ] as const) {
      const r = await api(method, route, { token: inst, body });
      if (r.status !== 200) throw new Error(`${route}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    const view = await api('GET', `/api/classes/${c.body.id}`, { token: inst });
    const records = view.body.sessions.map((x: { id: string }) => ({ sessionId: x.id, userId: ids.official3, present: true }));
    for (const [method, route, body] of [
      ['PUT', `/api/classes/${c.body.id}/attendance`, { records }],
      ['PUT', `/api/classes/${c.body.id}/scores/${ids.official3}`, { attitude: 50, participation: 50, interaction: 50, results: 50 }],
      ['POST', `/api/classes/${c.body.id}/finish`, undefined],
    ] as const) {
      const r = await api(method, route, { token: inst, body });
      if (r.status !== 200) throw new Error(`${route}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    // an admin corrects only within their subtree
    const outside = await api('POST', '/api/credit/corrections', { token: jb, body: { userId: ids.official, hours: 1, reason: '越权补录（e2e）' } });
    expect(outside.status).toBeGreaterThanOrEqual(400);
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
    await p?.close();
  });

  it('an official sees the year against each requirement, 0.1 hour short', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'official');
    await page.getByTestId('menu-my-compliance').click();
    await page.waitForURL(/\/my\/compliance$/);
    await page.getByTestId('compliance-view').waitFor();
    await expectText(page.getByTestId('cmp-total-hours'), '89.9');
    await expectText(page.getByTestId('cmp-legal-hours'), '30.0');
    // P1: 0.1 hour short; P2 (law enforcement, 24 legal hours): met
    expect(await page.getByTestId('cmp-item-P1').getAttribute('data-met')).toBe('false');
    await expectText(page.getByTestId('cmp-shortfall-P1'), '还差 0.1 学时');
    await expectText(page.getByTestId('cmp-actual-P1'), '89.9');
    await expectText(page.getByTestId('cmp-required-P1'), '90.0');
    expect(await page.getByTestId('cmp-item-P2').getAttribute('data-met')).toBe('true');
    // not 双基: no P6
    expect(await page.getByTestId('cmp-item-P6').count()).toBe(0);
    expect(await page.getByTestId('cmp-overall').getAttribute('data-met')).toBe('false');
    // at this pace the year ends above 90: a projection, not a risk
    await expectText(page.getByTestId('cmp-projection'), '预计年底');
    expect(await page.getByTestId('cmp-excellent-barred').count()).toBe(0);
    expect(await page.getByTestId('cmp-archive-link').getAttribute('href')).toContain('/my/archive');
    await shot(page, 'compliance-official-zh.png');

    // last year: nothing credited, a closed year without projection
    await page.getByTestId('cmp-year').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: String(YEAR - 1) }).click();
    await page.waitForURL(new RegExp(`year=${YEAR - 1}`));
    await attrBecomes(page.getByTestId('compliance-view'), 'data-year', String(YEAR - 1));
    await expectText(page.getByTestId('cmp-total-hours'), '0.0');
    await expectText(page.getByTestId('cmp-shortfall-P1'), '还差 90.0 学时');
    await expectText(page.getByTestId('cmp-projection'), '该年度已结束');

    // 张丽 (双基): P6 applies, far behind, at risk
    const page2 = await p.newPage();
    await login(page2, p.url, 'official2');
    await page2.goto(`${p.url}/my/compliance`);
    await page2.getByTestId('compliance-view').waitFor();
    await page2.getByTestId('cmp-item-P6').waitFor();
    await expectText(page2.getByTestId('cmp-shortfall-P1'), '还差 89.5 学时');
    expect(await page2.getByTestId('compliance-view').getAttribute('data-at-risk')).toBe('true');
    await page.context().close();
    await page2.context().close();

    // 陈刚 failed the assessment of his class: P8 bars "excellent"; the class's 2 days count
    const page3 = await p.newPage();
    await login(page3, p.url, 'official3');
    await page3.goto(`${p.url}/my/compliance`);
    await page3.getByTestId('compliance-view').waitFor();
    await expectText(page3.getByTestId('cmp-excellent-barred'), '不得评为“优秀”');
    expect(await page3.getByTestId('cmp-item-P8').getAttribute('data-met')).toBe('false');
    await expectText(page3.getByTestId('cmp-offline-days'), '2');
    await shot(page3, 'compliance-excellent-barred-zh.png');
    await page3.context().close();
  });

  it('渝中区\'s admin sees the figures, the charts drawn and only 渝中区 officials', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'yz_admin');
    await page.getByTestId('menu-compliance').click();
    await page.waitForURL(/\/compliance$/);
    await page.getByTestId('dashboard').waitFor();
    await expectText(page.getByTestId('dash-scope'), '渝中区');
    await expectText(page.getByTestId('kpi-officials'), String(yzOfficials.length));
    // met: the extra officials with 90 hours or more (neither law enforcement nor 双基)
    const met = EXTRA.filter(([, , , unit, h]) => unit.startsWith('CQ-YZ') && h >= 90).length;
    await expectText(page.getByTestId('kpi-meeting'), String(met));
    const avg = yzOfficials.reduce((s, o) => s + (hours[o.username] ?? 0), 0) / yzOfficials.length;
    await expectText(page.getByTestId('kpi-average'), (Math.round(avg * 10) / 10).toFixed(1));

    for (const chart of ['chart-by-unit', 'chart-distribution', 'chart-trend']) {
      expect(await drawnPixels(page, chart)).toBeGreaterThan(2000);
    }

    await listSettles(page, yzOfficials.length);
    await expectText(page.getByTestId('cmp-total'), `共 ${yzOfficials.length} 条`);
    const names = await listedNames(page);
    expect(names.sort()).toEqual(yzOfficials.map((o) => o.name).sort());
    expect(names).not.toContain('陈刚');
    expect(names).not.toContain('吴涛');
    const li = page.getByTestId(`cmp-row-${ids.official}`);
    expect(await li.getAttribute('data-met')).toBe('false');
    await expectText(page.getByTestId(`cmp-row-status-${ids.official}`), '还差 0.1 学时');
    await shot(page, 'compliance-dashboard-zh.png');

    // a unit of the tree: its officials only, figures and list alike
    await page.getByTestId('dash-org').click();
    await page.keyboard.type('人民政府办公室');
    const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '渝中区人民政府办公室' }).first();
    await node.waitFor();
    await node.click();
    await expectText(page.getByTestId('kpi-officials'), '2');
    await listSettles(page, 2);
    expect((await listedNames(page)).sort()).toEqual(['刘伟', '王芳'].sort());
    await expectText(page.getByTestId('kpi-meeting'), '2');
    await page.getByTestId('dash-org').locator('.ant-select-clear').click({ force: true });
    await listSettles(page, yzOfficials.length);
    await expectText(page.getByTestId('kpi-officials'), String(yzOfficials.length));

    // the search finds one by name
    await page.getByTestId('cmp-search').locator('input').fill('李明');
    await page.getByTestId('cmp-search').locator('input').press('Enter');
    await listSettles(page, 1);
    expect(await listedNames(page)).toEqual(['李明']);
    await page.getByTestId('cmp-search').locator('input').fill('');
    await page.getByTestId('cmp-search').locator('input').press('Enter');
    await listSettles(page, yzOfficials.length);

    // the row opens the official's year, with the archive link
    await page.getByTestId(`cmp-link-${ids.official}`).click();
    await page.waitForURL(new RegExp(`/compliance/officials/${ids.official}`));
    await page.getByTestId('compliance-view').waitFor();
    await expectText(page.getByTestId('cmp-official-name'), '李明');
    await expectText(page.getByTestId('cmp-shortfall-P1'), '还差 0.1 学时');
    expect(await page.getByTestId('cmp-archive-link').getAttribute('href')).toContain(`/archive/${ids.official}`);
    await shot(page, 'compliance-official-admin-zh.png');
    await page.context().close();

    // 江北区's admin cannot open a 渝中区 official
    const jb = await p.newPage();
    await login(jb, p.url, 'jb_admin');
    await jb.goto(`${p.url}/compliance/officials/${ids.official}`);
    await jb.locator('.ant-result-warning').waitFor();
    expect(await jb.getByTestId('compliance-view').count()).toBe(0);
    await jb.goto(`${p.url}/compliance`);
    await listSettles(jb, 2);
    expect((await listedNames(jb)).sort()).toEqual(['吴涛', '陈刚'].sort());
    await jb.context().close();
  });

  it('the behind filter, and the XLSX export with the same rows', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'yz_admin');
    await page.goto(`${p.url}/compliance`);
    await listSettles(page, yzOfficials.length);
    await page.getByTestId('cmp-status-behind').click();
    // behind: 李明 (0.1 short), 张丽 (双基, 0.5 hours), and the extra officials under 90 hours
    const behind = ['李明', '张丽', ...EXTRA.filter(([, , , unit, h]) => unit.startsWith('CQ-YZ') && h < 90).map((e) => e[1])].sort();
    await listSettles(page, behind.length);
    expect((await listedNames(page)).sort()).toEqual(behind);
    for (const m of await page.locator('[data-testid="cmp-table"] tbody tr[data-testid^="cmp-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-met')))) {
      expect(m).toBe('false');
    }
    await shot(page, 'compliance-behind-zh.png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cmp-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(tmpdir(), `compliance-export-${process.pid}.xlsx`);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const cells: string[][] = [];
    ws.eachRow((row) => cells.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(typeof v === 'object' && v && 'result' in v ? (v as { result: unknown }).result : v)))));
    const headerAt = cells.findIndex((r) => r.includes('姓名'));
    expect(headerAt).toBeGreaterThanOrEqual(0);
    const nameCol = cells[headerAt].indexOf('姓名');
    const exported = cells.slice(headerAt + 1).map((r) => r[nameCol]).filter((n) => n);
    expect(exported.sort()).toEqual(behind);
    // 李明's row carries his hours
    const liRow = cells.slice(headerAt + 1).find((r) => r[nameCol] === '李明')!;
    expect(liRow.some((v) => Number(v) === 89.9)).toBe(true);
    rmSync(file, { force: true });
    await page.context().close();
  });

  it('reminders light the bell of an official at risk, once', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'yz_admin');
    await page.goto(`${p.url}/compliance`);
    await page.getByTestId('dashboard').waitFor();
    const atRisk = Number((await page.getByTestId('kpi-at-risk').innerText()).replace(/\D/g, ''));
    expect(atRisk).toBeGreaterThanOrEqual(1);
    await page.getByTestId('dash-remind').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('dash-remind-result').waitFor();
    expect(Number(await page.getByTestId('dash-remind-result').getAttribute('data-officials'))).toBe(atRisk);
    expect(Number(await page.getByTestId('dash-remind-result').getAttribute('data-admins'))).toBeGreaterThanOrEqual(1);
    await expectText(page.getByTestId('dash-remind-result'), `已提醒 ${atRisk} 名学员`);
    await shot(page, 'compliance-reminded-zh.png');
    await page.context().close();

    // 张丽 (0.5 hours in late in the year) is at risk: one unread notification
    const official = await p.newPage();
    await login(official, p.url, 'official2');
    await attrBecomes(official.getByTestId('notif-bell'), 'data-count', '1');
    await expectText(official.getByTestId('notif-count'), '1');
    await official.getByTestId('notif-bell').click();
    await official.getByTestId('notif-list').waitFor();
    const items = official.locator('[data-testid^="notif-item-"]');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-read')).toBe('false');
    await official.waitForTimeout(300);
    await official.screenshot({ path: path.join(SHOTS, 'compliance-notifications-zh.png') });
    const [n] = (await api('GET', '/api/notifications', { token: await token('official2') })).body.items;
    await items.first().click();
    await attrBecomes(official.getByTestId('notif-bell'), 'data-count', '0');
    if (n.link) await official.waitForURL((u) => u.pathname + u.search === n.link || u.href === n.link);
    const after = await api('GET', '/api/notifications', { token: await token('official2') });
    expect(after.body.unread).toBe(0);
    expect(after.body.items[0].readAt).not.toBeNull();
    await official.context().close();

    // 李明 ends the year above 90 at his pace: no reminder; 江北区 is outside the scope
    expect((await api('GET', '/api/notifications', { token: await token('official') })).body.unread).toBe(0);
    expect((await api('GET', '/api/notifications', { token: await token('official3') })).body.unread).toBe(0);
  });

  it('the system admin changes next year\'s requirement; this year\'s result stays', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'sysadmin');
    await page.getByTestId('menu-policy').click();
    await page.waitForURL(/\/policy$/);
    await attrBecomes(page.getByTestId('policy-view'), 'data-year', String(YEAR));
    expect(await page.getByTestId('policy-view').getAttribute('data-editable')).toBe('true');

    // next year: the defaults until saved
    await page.goto(`${p.url}/policy?year=${YEAR + 1}`);
    await attrBecomes(page.getByTestId('policy-view'), 'data-year', String(YEAR + 1));
    expect(await page.getByTestId('policy-view').getAttribute('data-default')).toBe('true');
    const input = page.getByTestId('policy-group-groupYearly').locator('input').first();
    expect(await input.inputValue()).toBe('90.0');
    await input.fill('100');
    await input.blur();
    await attrBecomes(page.getByTestId('policy-changed'), 'data-count', '1');
    await shot(page, 'compliance-policy-zh.png');
    const [put] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith(`/api/policy/${YEAR + 1}`)),
      page.getByTestId('policy-save').click(),
    ]);
    expect(put.postDataJSON()).toEqual({ yearlyHours: 100 });
    await attrBecomes(page.getByTestId('policy-view'), 'data-default', 'false');
    expect(await page.getByTestId('policy-custom').count()).toBe(1);
    await attrBecomes(page.getByTestId('policy-changed'), 'data-count', '0');
    const next = await api('GET', `/api/policy/${YEAR + 1}`, { token: await token('sysadmin') });
    expect(next.body.settings.yearlyHours).toBe(100);
    // only the changed field was sent: the others keep the defaults
    expect(next.body.settings.yearlyDays).toBe(12);
    expect(next.body.settings.legalHoursLawEnforcement).toBe(24);
    const now = await api('GET', `/api/policy/${YEAR}`, { token: await token('sysadmin') });
    expect(now.body.settings.yearlyHours).toBe(90);

    // a past year is read only, and says why
    await page.goto(`${p.url}/policy?year=${YEAR - 1}`);
    await attrBecomes(page.getByTestId('policy-view'), 'data-year', String(YEAR - 1));
    await page.getByTestId('policy-closed').waitFor();
    expect(await page.getByTestId('policy-save').count()).toBe(0);
    expect(await page.getByTestId('policy-group-groupYearly').locator('input').first().isDisabled()).toBe(true);
    await shot(page, 'compliance-policy-closed-zh.png');
    await page.context().close();

    // this year's compliance of the official is unchanged: still 90 required, 0.1 short
    const official = await p.newPage();
    await login(official, p.url, 'official');
    await official.goto(`${p.url}/my/compliance`);
    await official.getByTestId('compliance-view').waitFor();
    await expectText(official.getByTestId('cmp-required-P1'), '90.0');
    await expectText(official.getByTestId('cmp-shortfall-P1'), '还差 0.1 学时');
    await official.context().close();
  });

  it('in English', async () => {
    const page = await p.newPage('en-US');
    await login(page, p.url, 'official');
    await page.getByTestId('lang-switch').click();
    await page.goto(`${p.url}/my/compliance`);
    await page.getByTestId('compliance-view').waitFor();
    await expectText(page.getByTestId('cmp-shortfall-P1'), '0.1 hours short');
    await shot(page, 'compliance-official-en.png');
    await page.context().close();

    const admin = await p.newPage('en-US');
    await login(admin, p.url, 'yz_admin');
    await admin.getByTestId('lang-switch').click();
    await admin.goto(`${p.url}/compliance`);
    await admin.getByTestId('dashboard').waitFor();
    await listSettles(admin, yzOfficials.length);
    await admin.waitForTimeout(1200);
    await shot(admin, 'compliance-dashboard-en.png');
    await admin.context().close();
  });

  it('an institution admin sees their trainees\' scope without the organisation picker', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'inst_admin');
    await page.getByTestId('menu-compliance').click();
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getByTestId('dash-org').count()).toBe(0);
    await page.context().close();
  });
});
