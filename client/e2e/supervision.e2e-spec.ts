import { readFileSync } from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import type { Download, Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { publishedCourse, uploadVideo, waitForAsset } from '../../server/test/course-fixtures';
import type { TestApp } from '../../server/test/harness';
import { makeVideo } from '../../server/test/media-fixtures';
import { processApp } from '../../server/test/processes';
import { sleep, Viewer } from '../../server/test/viewer';
import { attrBecomes, expectText, inputOf, login } from './browser';
import { Platform, SHOTS, startPlatform } from './platform';

/**
 * 培训档案、申诉、异常提示 in a real browser: an official files an appeal from a lesson's credit
 * details and the district admin accepts it with 0.5 h (a correction entry with the reason); the
 * official opens the year's archive, downloads it as PDF and XLSX, and anyone checks its code on
 * the public verification page — valid, then "does not match the ledger" once an entry behind it
 * is altered in the database; identical session timings of two officials are flagged with their
 * evidence, for a human to judge.
 */

const POLICY = `INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1::jsonb)
                ON CONFLICT (year) DO UPDATE SET settings = EXCLUDED.settings`;
const FAST = { heartbeatIntervalSeconds: 1, attentionMeanMinutes: 0 };
const COURSE_TITLE = '政务服务“一网通办”实务（档案 e2e）';
const OFFLINE_REASON = '线下专题培训补录（档案 e2e）';
const APPEAL_REASON = '观看时家中网络中断约两分钟，恢复后继续学习，但中断前后的学习时间没有计入，请核实。';
const DECISION_REASON = '经核查播放会话记录，网络中断属实，补录 0.5 学时。';
const CODE = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

async function shot(page: Page, name: string) {
  // no tooltip of the last button clicked; a full-page shot taken scrolled would draw the sticky header mid-page
  await page.mouse.move(1, 400);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

/** A fresh browser window on Chongqing's clock, as the platform's users have it (the server's summaries are in China time). */
async function newPage(p: Platform, lang: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<Page> {
  const ctx = await p.browser.newContext({ locale: lang, timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 820 }, acceptDownloads: true });
  return ctx.newPage();
}

/** A time as the page shows it on China's clock: YYYY-MM-DD HH:mm:ss. */
const chinaTime = (d: Date) => d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false });

/** Click a button that starts a download and return the file's bytes. */
async function downloaded(page: Page, button: Locator): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
  return { d, bytes: readFileSync((await d.path())!) };
}

/** Every cell of every sheet of an XLSX file, as text. */
async function xlsxText(bytes: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((c) => out.push(typeof c.value === 'object' && c.value !== null ? JSON.stringify(c.value) : String(c.value)))),
  );
  expect(out.length).toBeGreaterThan(0);
  return out.join('\n');
}

describe('the platform in a browser: training archive, its verification, appeals and anomaly flags', () => {
  let p: Platform;
  let ds: DataSource;
  let t: TestApp;
  let course: { courseId: string; lessonId: string };
  const ids: Record<string, string> = {};
  let offlineEntryId = '';

  beforeAll(async () => {
    p = await startPlatform();
    ds = new DataSource(dataSourceOptions(p.databaseUrl, { poolSize: 2 }));
    await ds.initialize();
    t = processApp(p.url, p.databaseUrl, '', ds);
    await ds.query(POLICY, [JSON.stringify(FAST)]);
    for (const u of ['official', 'official2', 'official3']) {
      const [row] = await ds.query('SELECT id FROM users WHERE username = $1', [u]);
      ids[u] = row.id;
    }

    const teacher = await t.login('teacher');
    const assetId = await uploadVideo(t, teacher, makeVideo('archive-e2e.mp4', 20));
    await waitForAsset(t, assetId, 'ready');
    course = await publishedCourse(t, assetId, COURSE_TITLE);
    const official = await t.login('official');
    expect((await t.call('POST', `/api/courses/${course.courseId}/enrol`, { token: official })).status).toBe(200);

    // hours in the official's ledger before anything else: offline training recorded by the system admin
    const fix = await t.call('POST', '/api/credit/corrections', { token: await t.login('sysadmin'), body: { userId: ids.official, hours: 3, reason: OFFLINE_REASON } });
    expect(fix.status).toBe(201);
    const [entry] = await ds.query(`SELECT id FROM credit_ledger WHERE user_id = $1 AND reason = $2`, [ids.official, OFFLINE_REASON]);
    offlineEntryId = entry.id;
  }, 240_000);

  afterAll(async () => {
    await ds?.destroy();
    await p?.close();
  });

  it('an official appeals a lesson\'s uncounted time from its credit details; the district admin accepts it with 0.5 h, written to the ledger with the reason', async () => {
    // a real session through the API: 3 s honestly at 1×, then 2 s at 4× (not counted), then ended
    const officialToken = await t.login('official');
    const v = new Viewer(t, officialToken, course.lessonId);
    await v.start();
    await v.fetch();
    const pos = await v.play(0, 3, 1000);
    await sleep(1000);
    const fast = await v.beat({ position: pos + 4, rate: 4, ranges: [[pos, pos + 4]] });
    expect(fast.status).toBe(200);
    expect((await t.call('POST', `/api/play/sessions/${v.sessionId}/end`, { token: officialToken })).status).toBeLessThan(300);
    // the worker writes the session to PostgreSQL within moments
    let credit = (await t.call('GET', `/api/lessons/${course.lessonId}/credit`, { token: officialToken })).body;
    const written = (c: typeof credit) => c.sessions.length === 1 && c.sessions[0].endedAt && c.verifiedSeconds > 0 && (c.uncounted.speed ?? 0) > 0;
    for (let i = 0; i < 100 && !written(credit); i++) {
      await sleep(200);
      credit = (await t.call('GET', `/api/lessons/${course.lessonId}/credit`, { token: officialToken })).body;
    }
    expect(written(credit)).toBeTruthy();
    expect(credit.verifiedSeconds).toBeGreaterThan(1);

    const page = await newPage(p);
    await login(page, p.url, 'official');
    await page.goto(`${p.url}/lessons/${course.lessonId}/credit?course=${course.courseId}`);
    await page.getByTestId('credit-sessions').locator('.ant-table-row').first().waitFor();
    // the 4× stretch is what the official disputes
    await page.getByTestId('credit-uncounted-speed').waitFor();
    await page.getByTestId('credit-appeal').click();
    await page.getByTestId('appeal-reason').waitFor();
    // the form checks the reason as the contract does (at least 10 characters)
    await page.getByTestId('appeal-reason').fill('太短了');
    await page.getByTestId('appeal-submit').click();
    await expectText(page.getByTestId('appeal-form'), '请说明申诉理由（至少 10 个字）');
    await page.getByTestId('appeal-reason').fill(APPEAL_REASON);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'appeal-file-zh.png') });
    await page.getByTestId('appeal-submit').click();
    await page.waitForURL(/\/appeals\/[0-9a-f-]{36}$/);
    const appealId = page.url().split('/').pop()!;
    await attrBecomes(page.getByTestId('appeal-status'), 'data-status', 'open');
    await expectText(page.getByTestId('appeal-reason-text'), APPEAL_REASON);
    // the official sees the evidence but cannot decide
    await page.getByTestId('appeal-evidence').getByTestId('credit-sessions').locator('.ant-table-row').first().waitFor();
    expect(await page.getByTestId('appeal-decide').count()).toBe(0);
    await page.getByTestId('menu-appeals').click();
    await attrBecomes(page.getByTestId(`appeal-status-${appealId}`), 'data-status', 'open');
    await expectText(page.getByTestId('appeals-table'), COURSE_TITLE);

    // 渝中区's admin reads the evidence and accepts with 0.5 h
    const admin = await newPage(p);
    await login(admin, p.url, 'yz_admin');
    await admin.getByTestId('menu-appeals').click();
    await expectText(admin.getByTestId('appeals-table'), '李明');
    await attrBecomes(admin.getByTestId(`appeal-status-${appealId}`), 'data-status', 'open');
    await shot(admin, 'appeals-admin-zh.png');
    const xlsx = await downloaded(admin, admin.getByTestId('appeals-export'));
    expect(xlsx.d.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(await xlsxText(xlsx.bytes)).toContain(APPEAL_REASON);

    await admin.getByTestId(`appeal-open-${appealId}`).click();
    const evidence = admin.getByTestId('appeal-evidence');
    await evidence.getByTestId('credit-sessions').locator('.ant-table-row').first().waitFor();
    expect(Number(await evidence.getByTestId('credit-verified').getAttribute('data-seconds'))).toBeCloseTo(credit.verifiedSeconds, 0);
    await evidence.getByTestId('credit-uncounted-speed').waitFor();
    await admin.getByTestId('appeal-decide').waitFor();
    // accepting needs the hours
    await admin.getByTestId('appeal-decision-reason').fill(DECISION_REASON);
    await admin.getByTestId('appeal-decide-submit').click();
    await expectText(admin.getByTestId('appeal-decide'), '请填写补录学时');
    await (await inputOf(admin.getByTestId('appeal-hours'))).fill('0.5');
    await shot(admin, 'appeal-decide-zh.png');
    await admin.getByTestId('appeal-decide-submit').click();
    await admin.getByTestId('appeal-confirm').click();
    await attrBecomes(admin.getByTestId('appeal-status'), 'data-status', 'accepted');
    await expectText(admin.getByTestId('appeal-outcome'), '已补录 0.5 学时');
    expect(await admin.getByTestId('appeal-decide').count()).toBe(0);
    await shot(admin, 'appeal-accepted-zh.png');

    // the ledger: a correction entry of 0.5 h carrying the reason, after the offline one
    const entries = await ds.query(`SELECT kind, hours::float AS hours, reason FROM credit_ledger WHERE user_id = $1 ORDER BY seq`, [ids.official]);
    const last = entries[entries.length - 1];
    expect(last.kind).toBe('correction');
    expect(last.hours).toBe(0.5);
    expect(last.reason).toContain(DECISION_REASON);
    const mine = await t.call('GET', '/api/my/progress', { token: officialToken });
    expect(mine.body.entries.some((e: { kind: string; hours: number; reason: string | null }) => e.kind === 'correction' && e.hours === 0.5 && e.reason?.includes(DECISION_REASON))).toBe(true);

    // the official sees the decision
    await page.getByTestId('appeals-refresh').click();
    await attrBecomes(page.getByTestId(`appeal-status-${appealId}`), 'data-status', 'accepted');
    await expectText(page.getByTestId(`appeal-decision-${appealId}`), '补录 0.5 学时');
    await shot(page, 'appeals-official-zh.png');
    await page.context().close();
    await admin.context().close();
  }, 120_000);

  it('the official\'s archive downloads as PDF and XLSX; its code verifies publicly, and no longer once the ledger behind it is altered', async () => {
    const page = await newPage(p);
    await login(page, p.url, 'official');
    await page.getByTestId('menu-my-archive').click();
    await expectText(page.getByTestId('archive-name'), '李明');
    const code = (await page.getByTestId('archive-code').innerText()).trim();
    expect(code).toMatch(CODE);
    // 3.0 offline + 0.5 from the appeal (the 20 s lesson is worth nothing on its own)
    const hours = Number(await page.getByTestId('archive-total-hours').innerText());
    expect(hours).toBeGreaterThanOrEqual(3.5);
    await expectText(page.getByTestId('archive-courses'), OFFLINE_REASON);
    await expectText(page.getByTestId('archive-courses'), DECISION_REASON);
    await expectText(page.getByTestId('archive-year'), String(dayjs().year()));
    await shot(page, 'archive-zh.png');

    const pdf = await downloaded(page, page.getByTestId('archive-pdf'));
    expect(pdf.d.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = await downloaded(page, page.getByTestId('archive-xlsx'));
    expect(xlsx.d.suggestedFilename()).toMatch(/\.xlsx$/);
    const text = await xlsxText(xlsx.bytes);
    expect(text).toContain('李明');
    expect(text).toContain(OFFLINE_REASON);
    // the ledger has not changed: the downloaded copy carries the code on the screen
    const copyCode = /[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(text)?.[0];
    expect(copyCode).toBe(code);
    expect((await t.call('GET', `/api/verify/${copyCode}`)).body).toMatchObject({ status: 'valid', year: dayjs().year() });

    // anyone, not signed in
    const anon = await newPage(p);
    await anon.goto(`${p.url}/verify/${code}`);
    await attrBecomes(anon.getByTestId('verify-status'), 'data-status', 'valid');
    await expectText(anon.getByTestId('verify-verdict'), '有效');
    const masked = await anon.getByTestId('verify-name').innerText();
    expect(masked).not.toBe('李明');
    expect(masked).toContain('*');
    await expectText(anon.getByTestId('verify-year'), String(dayjs().year()));
    await expectText(anon.getByTestId('verify-hours'), hours.toFixed(1));
    expect(await anon.getByTestId('header-user-name').count()).toBe(0);
    await shot(anon, 'verify-valid-zh.png');
    await anon.getByTestId('lang-switch').click();
    await expectText(anon.getByTestId('verify-verdict'), 'Valid');
    await shot(anon, 'verify-valid-en.png');
    await anon.getByTestId('lang-switch').click();
    await expectText(anon.getByTestId('verify-verdict'), '有效');

    // an entry behind the archive is altered in the database
    await ds.query('UPDATE credit_ledger SET hours = hours + 1 WHERE id = $1', [offlineEntryId]);
    try {
      await anon.reload();
      await attrBecomes(anon.getByTestId('verify-status'), 'data-status', 'mismatch');
      await expectText(anon.getByTestId('verify-verdict'), '与台账不符');
      await shot(anon, 'verify-mismatch-zh.png');
      await anon.getByTestId('lang-switch').click();
      await expectText(anon.getByTestId('verify-verdict'), 'Does not match the ledger');
      await shot(anon, 'verify-mismatch-en.png');
      await anon.getByTestId('lang-switch').click();
    } finally {
      await ds.query('UPDATE credit_ledger SET hours = hours - 1 WHERE id = $1', [offlineEntryId]);
    }

    // a code never issued, and one that is not a code at all (the server's 400 message)
    await anon.goto(`${p.url}/verify/ZZZZ-ZZZZ-ZZZ9`);
    await attrBecomes(anon.getByTestId('verify-status'), 'data-status', 'unknown');
    await expectText(anon.getByTestId('verify-verdict'), '未找到');
    await shot(anon, 'verify-unknown-zh.png');
    await anon.goto(`${p.url}/verify/not-a-code`);
    await expectText(anon.getByTestId('verify-error'), '核验码格式为 XXXX-XXXX-XXXX');
    // the form on the page checks another code
    await anon.getByTestId('verify-input').fill(code.toLowerCase());
    await anon.getByTestId('verify-submit').click();
    await anon.waitForURL(`${p.url}/verify/${code}`);
    await anon.getByTestId('verify-status').waitFor();
    await anon.context().close();

    // the district admin opens the same official's archive
    const admin = await newPage(p);
    await login(admin, p.url, 'yz_admin');
    await admin.goto(`${p.url}/archive/${ids.official}`);
    await expectText(admin.getByTestId('archive-name'), '李明');
    expect((await admin.getByTestId('archive-code').innerText()).trim()).toMatch(CODE);
    await admin.context().close();
    await page.context().close();
  }, 120_000);

  it('identical session timings of two officials are flagged with the sessions as evidence, for a human to judge', async () => {
    // three sessions each, to the second the same, on the same lesson: as if one person ran both accounts
    // (verified seconds a little under the wall clock, as real playback, so that only this pattern shows)
    const base = dayjs().subtract(6, 'hour').startOf('minute');
    for (const [i, who] of (['official', 'official2'] as const).entries()) {
      for (let k = 0; k < 3; k++) {
        const start = base.add(k * 70, 'minute');
        await ds.query(
          `INSERT INTO play_sessions (id, user_id, lesson_id, course_id, started_at, ended_at, end_reason, device, ip, verified_seconds)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'ended', 'Mozilla/5.0 (Windows NT 10.0) Chrome/131.0', $6, 1432.6)`,
          [ids[who], course.lessonId, course.courseId, start.toDate(), start.add(25, 'minute').toDate(), `10.0.${i}.${k + 10}`],
        );
      }
    }
    const admin = await newPage(p);
    await login(admin, p.url, 'yz_admin');
    await admin.getByTestId('menu-anomalies').click();
    await expectText(admin.getByTestId('anomalies-notice'), '不自动处罚');
    const card = admin.getByTestId('anomaly-kind-identical_timing');
    await card.waitFor({ timeout: 15_000 });
    const users = card.getByTestId('anomaly-users').first();
    await expectText(users, '李明');
    await expectText(users, '张丽');
    expect(Number(await admin.getByTestId('anomalies-count-identical_timing').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    await card.locator('[data-testid^="anomaly-expand-"]').first().click();
    const evidence = card.locator('[data-testid^="anomaly-evidence-"]').first();
    await expectText(evidence, '张丽');
    await expectText(evidence, '李明');
    await expectText(evidence, '第一讲');
    // newest first: the third pair
    await expectText(evidence, chinaTime(base.add(140, 'minute').toDate()));
    await shot(admin, 'anomalies-zh.png');

    const xlsx = await downloaded(admin, admin.getByTestId('anomalies-export'));
    expect(xlsx.d.suggestedFilename()).toMatch(/\.xlsx$/);
    const text = await xlsxText(xlsx.bytes);
    expect(text).toContain('李明');
    expect(text).toContain('张丽');

    // filtered to another kind, the flag is not listed
    await admin.getByTestId('anomalies-kind').click();
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '昼夜不间断播放' }).click();
    await admin.getByTestId('anomaly-kind-identical_timing').waitFor({ state: 'detached' });
    await admin.context().close();
  }, 90_000);
});
