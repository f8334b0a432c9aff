import { readFile } from 'node:fs/promises';
import path from 'node:path';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { DEMO_PASSWORD } from '../../server/src/database/seed';
import { makePdf } from '../../server/src/modules/media/pdf';
import { publishedCourse, uploadVideo, waitForAsset } from '../../server/test/course-fixtures';
import type { TestApp } from '../../server/test/harness';
import { attrBecomes, expectText, inputOf, login } from './browser';
import { Platform, SHOTS, startPlatform } from './platform';

/**
 * 班次管理 in a real browser: an institution admin opens an initial class (初任培训) with the form,
 * sees the rules it breaks (too few days, no rule-of-law hours) and a refused publish; edits it
 * (only the changed fields are sent); adds offline sessions until it has 12 days with 4
 * rule-of-law hours and publishes it; enrols officials by name, by organisation node and from an
 * XLSX list (a list with a bad row enrols nobody); removes one; records attendance in one save;
 * reads the completion list and its XLSX export; and finishes the class: every trainee's attended
 * days reach their credit ledger once, and the class is read-only.
 */

const TITLE = '2026 年第三期新录用公务员初任培训班（班次管理 e2e）';
const RENAMED = '2026 年第三期新录用公务员初任培训班';
const COURSE = '宪法与法治政府建设（班次管理 e2e）';

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

/** A dialog over the page: the viewport only. */
async function shotDialog(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, name) });
}

/** Pick an option of an antd Select by typing and clicking the option with this text. */
async function pick(page: Page, select: Locator, typed: string, option: string) {
  // under load a click can land while the dropdown is still opening: the choice is made once the
  // select shows it, else the dropdown is closed and the choice made again
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    await page.keyboard.type(typed);
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
    await item.waitFor();
    await item.click();
    for (let i = 0; i < 20; i++) {
      if ((await select.innerText().catch(() => '')).includes(option)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.keyboard.press('Escape');
  }
  expect(await select.innerText()).toContain(option);
}

/** An XLSX list with the given header and rows. */
async function sheet(header: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the platform in a browser: class administration (班次管理)', () => {
  let p: Platform;
  let ds: DataSource;
  let page: Page;
  let classId: string;
  let courseId: string;
  const ids: Record<string, string> = {};
  const start = dayjs().subtract(16, 'day');
  const end = dayjs().subtract(3, 'day');
  const day = (n: number) => start.add(n, 'day').format('YYYY-MM-DD');

  async function api(method: string, route: string, o: { token?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = {};
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(p.url + route, { method, headers, body: o.body !== undefined ? JSON.stringify(o.body) : undefined });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  async function token(username: string) {
    const r = await api('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.accessToken as string;
  }
  const sessionsOf = async () =>
    (await ds.query(`SELECT id, to_char(session_date, 'YYYY-MM-DD') AS d, title, days::float AS days, rule_of_law_hours::float AS law FROM class_sessions WHERE class_id = $1 ORDER BY session_date, created_at`, [
      classId,
    ])) as { id: string; d: string; title: string; days: number; law: number }[];
  const memberCount = async () => (await ds.query('SELECT count(*)::int AS n FROM class_members WHERE class_id = $1', [classId]))[0].n as number;

  beforeAll(async () => {
    p = await startPlatform();
    ds = new DataSource(dataSourceOptions(p.databaseUrl, { poolSize: 2 }));
    await ds.initialize();
    // two officials of 江北区政务服务管理办公室 (a unit with nobody else), enrolled by their node
    await ds.query(
      `INSERT INTO users (username, password_hash, name, role, org_unit_id, staff_no)
       SELECT v.username, u.password_hash, v.name, 'official', (SELECT id FROM org_units WHERE code = 'CQ-JB-ZWB'), v.staff_no FROM users u,
              (VALUES ('zwb1', '周敏', 'JB2026101'), ('zwb2', '吴昊', 'JB2026102')) AS v(username, name, staff_no)
        WHERE u.username = 'official3'`,
    );
    for (const r of await ds.query(`SELECT id, username FROM users`)) ids[r.username] = r.id;

    // a published course of the institution, to be a required online course
    const t = { url: p.url, databaseUrl: p.databaseUrl, ds, call: api, login: token } as unknown as TestApp;
    const teacher = await token('teacher');
    const asset = await uploadVideo(t, teacher, makePdf(['The Constitution and law-based government'], 'Constitution (class admin e2e)'), 'law.pdf', 'document');
    await waitForAsset(t, asset, 'ready');
    courseId = (await publishedCourse(t, asset, COURSE, 'document')).courseId;

    page = await p.newPage();
    await login(page, p.url, 'inst_admin');
  }, 180_000);

  afterAll(async () => {
    await page?.context().close();
    await ds?.destroy();
    await p?.close();
  });

  it('an institution admin opens an initial class with the form and sees the rules it breaks; publishing is refused', async () => {
    await page.getByTestId('menu-classes').click();
    await page.getByTestId('class-create').click();
    const modal = page.getByTestId('class-create-form');
    await modal.waitFor();
    await (await inputOf(page.getByTestId('class-title'))).fill(TITLE);
    await expectText(page.getByTestId('class-kind-select'), '初任培训');
    await expectText(page.getByTestId('class-kind-rule'), '初任培训须满足规定的培训天数');
    const dates = modal.locator('.ant-picker-range').first().locator('input');
    await dates.nth(0).click();
    await dates.nth(0).fill(day(0));
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(end.format('YYYY-MM-DD'));
    await dates.nth(1).press('Enter');
    await page.keyboard.press('Escape');
    await pick(page, page.getByTestId('class-instructors'), '王', '王老师');
    await page.keyboard.press('Escape');
    // no peer review window: its weight is 0
    await (await inputOf(page.getByTestId('class-weight-peer'))).fill('0');
    await shotDialog(page, 'class-admin-create-zh.png');
    await page.getByTestId('class-create-submit').click();
    await page.waitForURL(/\/classes\/[0-9a-f-]{36}\?tab=info$/);
    classId = new URL(page.url()).pathname.split('/').pop()!;

    // a draft, with its two problems: too few days (P4), no rule-of-law hours (P3)
    await attrBecomes(page.getByTestId('class-status'), 'data-status', 'draft');
    await expectText(page.getByTestId('class-status'), '草稿');
    await attrBecomes(page.getByTestId('class-problems'), 'data-count', '2');
    const rules = await page.getByTestId('class-problem').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules.sort()).toEqual(['P3', 'P4']);
    await expectText(page.getByTestId('class-problems'), '初任培训不少于 12 天');
    await expectText(page.getByTestId('class-problems'), '法治教育不少于 4 学时');
    await expectText(page.getByTestId('class-total-offline'), '0');
    const [c] = await ds.query(
      `SELECT kind, status, to_char(starts_on, 'YYYY-MM-DD') AS s, to_char(ends_on, 'YYYY-MM-DD') AS e, weights,
              (SELECT array_agg(user_id) FROM class_instructors WHERE class_id = c.id) AS instructors FROM training_classes c WHERE id = $1`,
      [classId],
    );
    expect(c).toEqual({ kind: 'initial', status: 'draft', s: day(0), e: end.format('YYYY-MM-DD'), weights: { instructor: 40, peer: 0, exam: 40 }, instructors: [ids.teacher] });
    await shot(page, 'class-admin-draft-problems-zh.png');

    // publishing now: the server refuses, naming the rules, and the page says so in Chinese
    await page.getByTestId('class-publish').click();
    await expectText(page.getByTestId('publish-confirm'), '发布将被拒绝');
    await page.getByTestId('publish-ok').click();
    await page.getByTestId('publish-refused').waitFor();
    await expectText(page.getByTestId('publish-refused'), '未能发布');
    await expectText(page.getByTestId('publish-refused'), '初任培训不少于 12 天，本班次现有 0 天');
    const refused = await page.getByTestId('publish-refused-rule').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(refused.sort()).toEqual(['P3', 'P4']);
    await shot(page, 'class-admin-publish-refused-zh.png');
    expect((await ds.query('SELECT status FROM training_classes WHERE id = $1', [classId]))[0].status).toBe('draft');
  }, 120_000);

  it('the edit form asks for the level of an appointment class and sends only the fields changed, leaving the others as they were', async () => {
    // a second draft, made through the API: one instructor, its own weights and pass mark
    const admin = await token('inst_admin');
    const made = await api('POST', '/api/classes', {
      token: admin,
      body: { title: TITLE, kind: 'initial', startsOn: day(0), endsOn: end.format('YYYY-MM-DD'), weights: { instructor: 50, peer: 0, exam: 50 }, passScore: 70, instructorIds: [ids.teacher] },
    });
    expect(made.status).toBe(201);
    const otherId = made.body.id as string;
    await page.goto(`${p.url}/classes/${otherId}`);
    await attrBecomes(page.getByTestId('class-status'), 'data-status', 'draft');
    await expectText(page.getByTestId('class-info'), '未设必修网络课程');

    await page.getByTestId('class-edit').click();
    const form = page.getByTestId('class-edit-form');
    await form.waitFor();
    expect(await (await inputOf(page.getByTestId('class-edit-title'))).inputValue()).toBe(TITLE);
    // nothing changed: nothing sent
    await page.getByTestId('class-edit-submit').click();
    await page.getByTestId('class-edit-unchanged').waitFor();

    // 任职培训 needs 科级 or 处级
    await pick(page, page.getByTestId('class-kind-select'), '任职', '任职培训');
    await page.getByTestId('class-level').waitFor();
    await page.getByTestId('class-edit-submit').click();
    await expectText(form, '任职培训须选择科级或处级');
    await shotDialog(page, 'class-admin-edit-level-zh.png');
    await pick(page, page.getByTestId('class-kind-select'), '初任', '初任培训');
    await page.getByTestId('class-level').waitFor({ state: 'detached' });

    // a new title, and a required online course from the catalogue
    await (await inputOf(page.getByTestId('class-edit-title'))).fill(RENAMED);
    await pick(page, page.getByTestId('class-required-courses'), '宪法', COURSE);
    await page.keyboard.press('Escape');
    await shotDialog(page, 'class-admin-edit-zh.png');
    const patch = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/api/classes/${otherId}`));
    await page.getByTestId('class-edit-submit').click();
    expect((await patch).postDataJSON()).toEqual({ title: RENAMED, requiredCourseIds: [courseId] });
    await form.waitFor({ state: 'hidden' });
    await expectText(page.getByTestId('class-title'), RENAMED);
    await expectText(page.getByTestId('info-required-courses'), COURSE);
    expect((await ds.query('SELECT array_agg(course_id) AS c FROM class_courses WHERE class_id = $1', [otherId]))[0].c).toEqual([courseId]);
    // what was not sent did not change
    const [c] = await ds.query(
      `SELECT title, weights, pass_score, (SELECT array_agg(user_id) FROM class_instructors WHERE class_id = c.id) AS instructors FROM training_classes c WHERE id = $1`,
      [otherId],
    );
    expect(c).toEqual({ title: RENAMED, weights: { instructor: 50, peer: 0, exam: 50 }, pass_score: 70, instructors: [ids.teacher] });
  }, 60_000);

  it('offline sessions bring the class to 12 days with 4 rule-of-law hours, and it is published', async () => {
    await page.goto(`${p.url}/classes/${classId}?tab=sessions`);
    await expectText(page.getByTestId('sessions-table'), '还没有安排脱产课程');

    // the first session: the opening day with the oath, 2 rule-of-law hours
    await page.getByTestId('session-add').click();
    const form = page.getByTestId('session-form');
    await form.waitFor();
    await page.getByTestId('session-submit').click();
    await expectText(form, '请填写课程内容');
    expect(await (await inputOf(page.getByTestId('session-date'))).inputValue()).toBe(day(0));
    await (await inputOf(page.getByTestId('session-title'))).fill('开班仪式暨宪法宣誓');
    await (await inputOf(page.getByTestId('session-law-hours'))).fill('2');
    await shotDialog(page, 'class-admin-session-modal-zh.png');
    await page.getByTestId('session-submit').click();
    await form.waitFor({ state: 'detached' });
    await attrBecomes(page.getByTestId('class-total-offline'), 'data-value', '1');
    await attrBecomes(page.getByTestId('class-total-law'), 'data-value', '2');

    // the second: half a day, on the next day (offered by the form)
    await page.getByTestId('session-add').click();
    await form.waitFor();
    expect(await (await inputOf(page.getByTestId('session-date'))).inputValue()).toBe(day(1));
    await (await inputOf(page.getByTestId('session-title'))).fill('《公务员法》专题');
    await page.getByTestId('session-days').getByText('半天').click();
    await page.getByTestId('session-submit').click();
    await form.waitFor({ state: 'detached' });
    await attrBecomes(page.getByTestId('class-total-offline'), 'data-value', '1.5');

    // nine more days, prepared through the API
    const admin = await token('inst_admin');
    for (let i = 2; i <= 10; i++) {
      const r = await api('POST', `/api/classes/${classId}/sessions`, { token: admin, body: { sessionDate: day(i), title: `业务知识专题（${i - 1}）`, days: 1, ruleOfLawHours: 0 } });
      expect(r.status).toBe(201);
    }
    await page.reload();
    await page.getByTestId('sessions-table').waitFor();
    await attrBecomes(page.getByTestId('class-total-offline'), 'data-value', '10.5');
    await expectText(page.getByTestId('class-problems'), '本班次现有 10.5 天');

    // the half day becomes a full day
    const second = (await sessionsOf())[1];
    await page.getByTestId(`session-edit-${second.id}`).click();
    await form.waitFor();
    expect(await (await inputOf(page.getByTestId('session-title'))).inputValue()).toBe('《公务员法》专题');
    await page.getByTestId('session-days').getByText('1 天').click();
    await page.getByTestId('session-submit').click();
    await form.waitFor({ state: 'detached' });
    await attrBecomes(page.getByTestId(`session-days-${second.id}`), 'data-days', '1');
    await attrBecomes(page.getByTestId('class-total-offline'), 'data-value', '11');

    // a session added by mistake, and deleted
    await page.getByTestId('session-add').click();
    await form.waitFor();
    await (await inputOf(page.getByTestId('session-title'))).fill('临时安排（误加）');
    await page.getByTestId('session-submit').click();
    await form.waitFor({ state: 'detached' });
    await attrBecomes(page.getByTestId('class-total-offline'), 'data-value', '12');
    const mistake = (await sessionsOf()).find((s) => s.title === '临时安排（误加）')!;
    await page.getByTestId(`session-delete-${mistake.id}`).click();
    await page.getByTestId('session-delete-ok').click();
    await page.getByTestId(`session-row-${mistake.id}`).waitFor({ state: 'detached' });
    await attrBecomes(page.getByTestId('class-total-offline'), 'data-value', '11');

    // the twelfth day: 依法行政, 2 more rule-of-law hours; the class now meets the rules
    await page.getByTestId('session-add').click();
    await form.waitFor();
    expect(await (await inputOf(page.getByTestId('session-date'))).inputValue()).toBe(day(11));
    await (await inputOf(page.getByTestId('session-title'))).fill('依法行政与行政执法规范');
    await (await inputOf(page.getByTestId('session-law-hours'))).fill('2');
    await page.getByTestId('session-submit').click();
    await form.waitFor({ state: 'detached' });
    await attrBecomes(page.getByTestId('class-total-offline'), 'data-value', '12');
    await attrBecomes(page.getByTestId('class-total-days'), 'data-value', '12');
    await attrBecomes(page.getByTestId('class-total-law'), 'data-value', '4');
    await page.getByTestId('class-problems-none').waitFor();
    await expectText(page.getByTestId('class-problems-none'), '可以发布');
    // the refusal shown earlier goes once the class meets the rules
    expect(await page.getByTestId('publish-refused').count()).toBe(0);
    const sessions = await sessionsOf();
    expect(sessions.map((s) => [s.d, s.days])).toEqual(Array.from({ length: 12 }, (_, i) => [day(i), 1]));
    expect(sessions.reduce((n, s) => n + s.law, 0)).toBe(4);
    await shot(page, 'class-admin-sessions-zh.png');

    await page.getByTestId('class-publish').click();
    await page.getByTestId('publish-confirm').waitFor();
    expect(await page.getByTestId('publish-confirm').innerText()).not.toContain('发布将被拒绝');
    await page.getByTestId('publish-ok').click();
    await attrBecomes(page.getByTestId('class-status'), 'data-status', 'published');
    await expectText(page.getByTestId('class-status'), '已发布');
    expect(await page.getByTestId('class-publish').count()).toBe(0);
    expect((await ds.query('SELECT status FROM training_classes WHERE id = $1', [classId]))[0].status).toBe('published');
  }, 120_000);

  it('officials are enrolled by name, by organisation node and from an XLSX list; a bad list enrols nobody', async () => {
    await page.getByTestId('tab-info').click();
    await page.getByTestId('members-card').waitFor();

    // by name
    await page.getByTestId('members-add').click();
    await page.getByTestId('members-form').waitFor();
    await pick(page, page.getByTestId('members-select'), '李明', '李明');
    await page.getByTestId('members-form').locator('.ant-typography').first().click();
    await page.getByTestId('members-submit').click();
    await page.getByTestId('members-form').waitFor({ state: 'hidden' });
    await page.getByTestId(`member-row-${ids.official}`).waitFor();

    // by organisation node: 江北区政务服务管理办公室 (周敏, 吴昊)
    await page.getByTestId('members-add-unit').click();
    await page.getByTestId('unit-members-form').waitFor();
    await page.getByTestId('unit-members-node').click();
    await page.keyboard.type('政务服务');
    const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '江北区政务服务管理办公室' }).first();
    await node.waitFor();
    await node.click();
    await shotDialog(page, 'class-admin-by-unit-zh.png');
    await page.getByTestId('unit-members-submit').click();
    await expectText(page.getByTestId('unit-members-result'), '已编入 2 人');
    await page.getByTestId('unit-members-submit').click();
    await page.getByTestId(`member-row-${ids.zwb1}`).waitFor();
    await page.getByTestId(`member-row-${ids.zwb2}`).waitFor();
    expect(await memberCount()).toBe(3);

    // from XLSX: one row names nobody, so nobody is enrolled
    await page.getByTestId('members-import').click();
    await page.getByTestId('import-members-modal').waitFor();
    const file = page.getByTestId('import-members-modal').getByTestId('import-file-input');
    await file.setInputFiles({
      name: '名单（有错）.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await sheet(['人员编号', '用户名', '姓名'], [['YZ2025017', '', '张丽'], ['YZ9999999', '', '查无此人']]),
    });
    await page.getByTestId('import-members-run').click();
    await attrBecomes(page.getByTestId('import-members-report'), 'data-refused', 'true');
    await expectText(page.getByTestId('import-members-summary'), '未编入任何学员');
    await expectText(page.getByTestId('import-members-row-3'), 'YZ9999999');
    expect(await page.getByTestId('import-members-row-2').count()).toBe(0);
    await shotDialog(page, 'class-admin-import-refused-zh.png');
    expect(await memberCount()).toBe(3);

    // the corrected list: 张丽 by staff number, 陈刚 by username
    await file.setInputFiles({
      name: '名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await sheet(['人员编号', '用户名', '姓名'], [['YZ2025017', '', '张丽'], ['', 'official3', '陈刚']]),
    });
    await page.getByTestId('import-members-run').click();
    await attrBecomes(page.getByTestId('import-members-report'), 'data-refused', 'false');
    await expectText(page.getByTestId('import-members-summary'), '已编入 2 人');
    await page.getByTestId(`member-row-${ids.official3}`).waitFor();
    await shotDialog(page, 'class-admin-import-done-zh.png');
    await page.getByTestId('import-members-close').click();
    await expectText(page.getByTestId('class-member-count'), '5 人');
    expect(await memberCount()).toBe(5);

    // 吴昊 is taken out again
    await page.getByTestId(`member-remove-${ids.zwb2}`).click();
    await page.getByTestId('member-remove-ok').click();
    await page.getByTestId(`member-row-${ids.zwb2}`).waitFor({ state: 'detached' });
    await expectText(page.getByTestId('class-member-count'), '4 人');
    expect(await memberCount()).toBe(4);
    await shot(page, 'class-admin-members-zh.png');
  }, 120_000);

  it('attendance is ticked in the grid and saved in one go; unsaved changes are shown', async () => {
    await page.getByTestId('tab-attendance').click();
    await page.getByTestId('attendance-table').waitFor();
    const sessions = await sessionsOf();
    expect(await page.getByTestId('attendance-table').locator('tbody tr.ant-table-row').count()).toBe(4);
    expect(await page.getByTestId('attendance-save').isDisabled()).toBe(true);
    for (const s of sessions) await page.getByTestId(`att-all-${s.id}`).first().click();
    // 陈刚 missed the first two days
    for (const s of sessions.slice(0, 2)) await page.getByTestId(`att-${ids.official3}-${s.id}`).click();
    await attrBecomes(page.getByTestId(`att-${ids.official3}-${sessions[0].id}`), 'data-present', 'false');
    await attrBecomes(page.getByTestId('attendance-unsaved'), 'data-count', String(4 * 12 - 2));
    await expectText(page.getByTestId('attendance-unsaved'), '46 处修改未保存');
    await attrBecomes(page.getByTestId(`att-days-${ids.official3}`), 'data-days', '10');
    await shot(page, 'class-admin-attendance-unsaved-zh.png');
    expect((await ds.query('SELECT count(*)::int AS n FROM class_attendance WHERE class_id = $1', [classId]))[0].n).toBe(0);

    // leaving asks first
    await page.getByTestId('tab-completion').click();
    await expectText(page.locator('.ant-modal-confirm'), '考勤修改尚未保存');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /取\s*消/ }).click();
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('tab')).toBe('attendance');

    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith(`/api/classes/${classId}/attendance`));
    await page.getByTestId('attendance-save').click();
    expect((await put).postDataJSON().records).toHaveLength(46);
    await page.getByTestId('attendance-unsaved').waitFor({ state: 'detached' });
    const rows = await ds.query('SELECT user_id, count(*)::int AS n FROM class_attendance WHERE class_id = $1 GROUP BY user_id', [classId]);
    expect(Object.fromEntries(rows.map((r: { user_id: string; n: number }) => [r.user_id, r.n]))).toEqual({
      [ids.official]: 12, [ids.official2]: 12, [ids.official3]: 10, [ids.zwb1]: 12,
    });
    await shot(page, 'class-admin-attendance-zh.png');
  }, 90_000);

  it('the completion list, its XLSX export, and 结业: the attended days reach each ledger once and the class is read-only', async () => {
    // the instructor's scores (the class counts only them: no exam, no peer review)
    const teacher = await token('teacher');
    for (const [u, s] of [['official', 90], ['official2', 82], ['zwb1', 78], ['official3', 50]] as const) {
      const r = await api('PUT', `/api/classes/${classId}/scores/${ids[u]}`, { token: teacher, body: { attitude: s, participation: s, interaction: s, results: s, comment: '' } });
      expect(r.status).toBe(200);
    }
    await page.getByTestId('tab-completion').click();
    await page.getByTestId('completion-table').waitFor();
    await attrBecomes(page.getByTestId(`comp-result-${ids.official}`), 'data-completed', 'true');
    await expectText(page.getByTestId(`comp-result-${ids.official}`), '可结业');
    await attrBecomes(page.getByTestId(`comp-assessment-${ids.official}`), 'data-total', '90');
    await expectText(page.getByTestId(`comp-days-${ids.official}`), '12 / 12');
    await attrBecomes(page.getByTestId(`comp-result-${ids.official3}`), 'data-completed', 'false');
    await expectText(page.getByTestId(`comp-days-${ids.official3}`), '10 / 12');
    await expectText(page.getByTestId(`comp-missing-${ids.official3}`), '脱产出勤 10/12 天');
    await expectText(page.getByTestId(`comp-missing-${ids.official3}`), '结业考核未通过');
    await expectText(page.getByTestId(`comp-assessment-${ids.official3}`), '不合格');
    await attrBecomes(page.getByTestId('completion-done-count'), 'data-value', '3');
    await shot(page, 'class-admin-completion-zh.png');

    // the export is a real workbook with the same rows
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('completion-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await readFile((await download.path())!));
    const ws = wb.worksheets[0];
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    const header = values(1);
    expect(header).toEqual(expect.arrayContaining(['姓名', '单位', '脱产出勤（天）', '考核总分', '结业']));
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => values(i + 2)).filter((r) => r.some((v) => v !== ''));
    expect(rows.map((r) => r[header.indexOf('姓名')]).sort()).toEqual(['周敏', '张丽', '李明', '陈刚'].sort());
    const chen = rows.find((r) => r[header.indexOf('姓名')] === '陈刚')!;
    expect(Number(chen[header.indexOf('脱产出勤（天）')])).toBe(10);
    expect(chen[header.indexOf('考核结果')]).toBe('不合格');

    // 结业, after a confirmation that says what it does
    await page.getByTestId('class-finish').click();
    await expectText(page.getByTestId('finish-confirm'), '学时台账，只记一次');
    await expectText(page.getByTestId('finish-confirm'), '不能再修改');
    await expectText(page.getByTestId('finish-confirm'), '4 名学员中有 3 人达到结业要求');
    await shotDialog(page, 'class-admin-finish-confirm-zh.png');
    await page.getByTestId('finish-ok').click();
    await attrBecomes(page.getByTestId('class-status'), 'data-status', 'finished');
    await expectText(page.getByTestId('class-status'), '已结业');
    await page.getByTestId('completion-finished').waitFor();
    await page.getByTestId('class-finished-note').waitFor();
    expect(await page.getByTestId('class-finish').count()).toBe(0);
    expect(await page.getByTestId('class-edit').count()).toBe(0);
    await shot(page, 'class-admin-finished-zh.png');

    // each trainee's ledger: one class entry, the attended days at 7.5 hours a day
    const ledger = await ds.query(`SELECT user_id, hours::float AS hours, evidence FROM credit_ledger WHERE kind = 'class' AND class_id = $1`, [classId]);
    expect(Object.fromEntries(ledger.map((l: { user_id: string; hours: number }) => [l.user_id, l.hours]))).toEqual({
      [ids.official]: 90, [ids.official2]: 90, [ids.official3]: 75, [ids.zwb1]: 90,
    });
    expect(ledger.find((l: { user_id: string }) => l.user_id === ids.official3).evidence).toMatchObject({ offlineDays: 10, completed: false });

    // read-only: no sessions to add, no ticks, no enrolment; the server refuses a change all the same
    await page.getByTestId('tab-sessions').click();
    await page.getByTestId('sessions-table').waitFor();
    expect(await page.getByTestId('session-add').count()).toBe(0);
    await page.getByTestId('tab-attendance').click();
    await page.getByTestId('attendance-readonly').waitFor();
    expect(await page.getByTestId('attendance-save').count()).toBe(0);
    expect(await page.getByTestId(`att-${ids.official}-${(await sessionsOf())[0].id}`).isDisabled()).toBe(true);
    await page.getByTestId('tab-info').click();
    await page.getByTestId('members-card').waitFor();
    expect(await page.getByTestId('members-add').count()).toBe(0);
    expect(await page.locator('[data-testid^="member-remove-"]').count()).toBe(0);
    const admin = await token('inst_admin');
    expect((await api('PATCH', `/api/classes/${classId}`, { token: admin, body: { title: '结业后改名' } })).status).toBe(409);
    expect((await api('POST', `/api/classes/${classId}/finish`, { token: admin })).status).toBe(409);
    expect((await ds.query(`SELECT count(*)::int AS n FROM credit_ledger WHERE kind = 'class' AND class_id = $1`, [classId]))[0].n).toBe(4);

    // the finished list as the institution sees it, in English too
    await page.getByTestId('tab-completion').click();
    await page.getByTestId('completion-finished').waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('class-status'), 'Finished');
    await shot(page, 'class-admin-completion-en.png');
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('class-status'), '已结业');
  }, 120_000);
});
