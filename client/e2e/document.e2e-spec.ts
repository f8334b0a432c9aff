import path from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { makePdf } from '../../server/src/modules/media/pdf';
import { publishedCourse, uploadVideo, waitForAsset } from '../../server/test/course-fixtures';
import type { TestApp } from '../../server/test/harness';
import { Platform, SHOTS, startPlatform } from './platform';
import { expectText, login } from './browser';
import { processApp } from '../../server/test/processes';

/**
 * 学时 for documents in a real browser: an official reads a 3-page PDF in the pdf.js reader, each
 * page shown for its minimum time, and sees the lesson completed and the course credited; with the
 * window out of focus the page's reading time and the server's verified seconds stand still; an
 * instructor previews the same reader and nothing is counted.
 */

const POLICY = `INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1::jsonb)
                ON CONFLICT (year) DO UPDATE SET settings = EXCLUDED.settings`;
const FAST = { heartbeatIntervalSeconds: 2, attentionMeanMinutes: 0 };
const SHORT_TITLE = '公文写作规范（文档 e2e）';
const LONG_TITLE = '保密知识读本（文档 e2e）';

const verified = async (page: Page) => Number(await page.getByTestId('player-verified').getAttribute('data-seconds'));
const acked = async (page: Page) => Number(await page.getByTestId('learning-panel').getAttribute('data-acked'));
/** seconds the reader says the current page has been shown */
const pageShown = async (page: Page) => Number(await page.getByTestId('doc-page-progress').getAttribute('data-shown'));

async function answersAfter(page: Page, n: number, timeout = 20_000) {
  await page.waitForFunction(
    (min) => Number(document.querySelector('[data-testid="learning-panel"]')?.getAttribute('data-acked') ?? 0) >= min,
    n,
    { timeout },
  );
}

/** The page's canvas shows page `n`, drawn: some pixels are neither white nor transparent. */
async function pageDrawn(page: Page, n: number) {
  await page.locator(`[data-testid="doc-canvas"][data-page="${n}"]`).waitFor();
  await page.waitForFunction(
    () => {
      const c = document.querySelector('[data-testid="doc-canvas"]') as HTMLCanvasElement | null;
      if (!c || c.width < 100 || c.height < 100) return false;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4 * 16) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) ink++;
      return ink > 50;
    },
    null,
    { timeout: 20_000 },
  );
}

async function openLesson(page: Page, base: string, course: { courseId: string; lessonId: string }) {
  await page.goto(`${base}/lessons/${course.lessonId}?course=${course.courseId}`);
  await page.locator('[data-testid="learning-panel"][data-status="active"]').waitFor({ timeout: 20_000 });
  await page.getByTestId('doc-reader').waitFor();
}

/** The window loses focus (another window in front), or gets it back, as the browser would tell. */
async function setFocused(page: Page, focused: boolean) {
  await page.evaluate((f) => {
    if (f) delete (document as { hasFocus?: unknown }).hasFocus;
    else document.hasFocus = () => false;
    window.dispatchEvent(new Event(f ? 'focus' : 'blur'));
  }, focused);
}

describe('the platform in a browser: reading a document earns credit hours', () => {
  let p: Platform;
  let ds: DataSource;
  let t: TestApp;
  /** 3 pages × 2 s */
  let short: { courseId: string; lessonId: string };
  /** 2 pages × 30 s */
  let long: { courseId: string; lessonId: string };

  beforeAll(async () => {
    p = await startPlatform();
    ds = new DataSource(dataSourceOptions(p.databaseUrl, { poolSize: 2 }));
    await ds.initialize();
    t = processApp(p.url, p.databaseUrl, '', ds);

    // a document's axis is fixed when it is uploaded: seconds per page from that year's policy
    const teacher = await t.login('teacher');
    await ds.query(POLICY, [JSON.stringify({ ...FAST, documentMinSecondsPerPage: 2 })]);
    const shortPdf = makePdf(
      ['Chapter 1  Official documents', 'Chapter 2  Formats and headings\nTitles, numbers, issuers.', 'Chapter 3  Review and release\nProofreading before release.'],
      'Document writing (e2e)',
    );
    const shortAsset = await uploadVideo(t, teacher, shortPdf, 'writing.pdf', 'document');
    await waitForAsset(t, shortAsset, 'ready');
    short = await publishedCourse(t, shortAsset, SHORT_TITLE, 'document');

    await ds.query(POLICY, [JSON.stringify({ ...FAST, documentMinSecondsPerPage: 30 })]);
    const longAsset = await uploadVideo(t, teacher, makePdf(['Part 1  Secrecy basics\nWhat is classified.', 'Part 2  Devices and networks'], 'Secrecy (e2e)'), 'secrecy.pdf', 'document');
    await waitForAsset(t, longAsset, 'ready');
    long = await publishedCourse(t, longAsset, LONG_TITLE, 'document');
    await ds.query(POLICY, [JSON.stringify(FAST)]);

    for (const [who, c] of [['official', short], ['official3', long]] as const) {
      const token = await t.login(who);
      expect((await t.call('POST', `/api/courses/${c.courseId}/enrol`, { token })).status).toBe(200);
      // the course evaluation (P9) up front: reading alone decides the credit here
      expect((await t.call('POST', `/api/courses/${c.courseId}/evaluation`, { token, body: { plan: 5, content: 4, teachers: 5, management: 4 } })).status).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
    await p?.close();
  });

  it('an official reads every page for its time, in order: the lesson is completed and the course credited', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'official');
    await openLesson(page, p.url, short);
    await expectText(page.getByTestId('doc-page-indicator'), '1 / 3');
    await pageDrawn(page, 1);
    await expectText(page.getByTestId('credit-note'), '2 秒');
    expect(await page.getByTestId('doc-page-mark-1').getAttribute('data-done')).toBe('false');
    expect(await page.getByTestId('doc-prev').isDisabled()).toBe(true);

    // page 1 is counting: its progress line grows
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="doc-page-progress"]')?.getAttribute('data-shown')) >= 0.5, null, {
      timeout: 10_000,
    });
    await expectText(page.getByTestId('doc-page-progress'), '本页已阅读');
    await expectText(page.getByTestId('player-counting'), '计时中');
    await page.screenshot({ path: path.join(SHOTS, 'document-reading-zh.png'), fullPage: true });
    await page.locator('[data-testid="doc-page-mark-1"][data-done="true"]').waitFor({ timeout: 10_000 });
    await expectText(page.getByTestId('doc-page-progress'), '本页已读满');
    await expectText(page.getByTestId('player-counting'), '本页已读满，请翻页');

    // 下一页: page 2, drawn, and counting from zero
    await page.getByTestId('doc-next').click();
    await expectText(page.getByTestId('doc-page-indicator'), '2 / 3');
    await pageDrawn(page, 2);
    await page.locator('[data-testid="doc-page-mark-2"][data-done="true"]').waitFor({ timeout: 10_000 });
    // → on the keyboard turns to page 3
    await page.keyboard.press('ArrowRight');
    await expectText(page.getByTestId('doc-page-indicator'), '3 / 3');
    await pageDrawn(page, 3);
    expect(await page.getByTestId('doc-next').isDisabled()).toBe(true);
    await page.locator('[data-testid="doc-page-mark-3"][data-done="true"]').waitFor({ timeout: 10_000 });
    await expectText(page.getByTestId('doc-pages-done'), '全部页面已读满');

    // the last page full is the end: the session finishes and the worker completes the lesson
    await page.locator('[data-testid="learning-panel"][data-status="finished"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('player-completed').waitFor({ timeout: 20_000 });
    expect(await verified(page)).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: path.join(SHOTS, 'document-finished-zh.png'), fullPage: true });

    // the server's account: the whole axis covered, reading in order was no seek
    const officialToken = await t.login('official');
    const credit = await t.call('GET', `/api/lessons/${short.lessonId}/credit`, { token: officialToken });
    expect(credit.status).toBe(200);
    expect(credit.body.completed).toBe(true);
    expect(credit.body.durationSeconds).toBe(6);
    expect(credit.body.coveredSeconds).toBeGreaterThanOrEqual(5.7);
    expect(credit.body.verifiedSeconds).toBeGreaterThanOrEqual(5.4);
    expect(credit.body.uncounted.seek ?? 0).toBe(0);
    expect(credit.body.uncounted.not_fetched ?? 0).toBe(0);

    // 我的学习: the course credited
    await page.getByTestId('menu-my-learning').click();
    const credited = page.getByTestId(`course-credited-${short.courseId}`);
    for (let i = 0; i < 20 && !(await credited.count()); i++) {
      await page.waitForTimeout(500);
      await page.getByTestId('mine-refresh').click();
    }
    await credited.waitFor();
    await expectText(credited, '已获学时');
    await expectText(page.getByTestId(`course-lessons-done-${short.courseId}`), '1/1');
    await page.screenshot({ path: path.join(SHOTS, 'document-my-learning-zh.png'), fullPage: true });

    // opened again: every page is marked read, from the server's coverage
    await openLesson(page, p.url, short);
    await page.locator('[data-testid="doc-page-mark-3"][data-done="true"]').waitFor();
    for (const n of [1, 2, 3]) expect(await page.getByTestId(`doc-page-mark-${n}`).getAttribute('data-done')).toBe('true');
    await page.context().close();
  }, 150_000);

  it('with the window out of focus the page time and the verified seconds stand still, and go on when it is back', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'official3');
    await openLesson(page, p.url, long);
    await pageDrawn(page, 1);
    await expectText(page.getByTestId('doc-page-progress'), '/ 30 秒');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="doc-page-progress"]')?.getAttribute('data-shown')) >= 1, null, {
      timeout: 10_000,
    });
    const sessionId = (await page.getByTestId('learning-panel').getAttribute('data-session'))!;

    await setFocused(page, false);
    await page.getByTestId('doc-not-in-front').waitFor();
    await expectText(page.getByTestId('doc-not-in-front'), '阅读时间暂不计入学时');
    await expectText(page.getByTestId('player-counting'), '未计时');
    // the beat that closed the window in front has been answered once the next one is
    await answersAfter(page, (await acked(page)) + 2);
    const shownAtBlur = await pageShown(page);
    const verifiedAtBlur = await verified(page);
    expect(verifiedAtBlur).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'document-not-in-front-zh.png'), fullPage: true });

    // ~6 s out of focus, with the heartbeats going on
    const from = await acked(page);
    const until = Date.now() + 6000;
    await answersAfter(page, from + 3);
    while (Date.now() < until) await page.waitForTimeout(250);
    expect(await pageShown(page)).toBe(shownAtBlur);
    expect(await verified(page)).toBe(verifiedAtBlur);

    // the server's account, once flushed: the time out of focus is 'hidden', none of it verified
    let credit: { verifiedSeconds: number; uncounted: Record<string, number> } = { verifiedSeconds: 0, uncounted: {} };
    for (let i = 0; i < 60; i++) {
      const r = await t.call('GET', `/api/lessons/${long.lessonId}/credit`, { token: await t.login('official3') });
      credit = r.body;
      if ((credit.uncounted.hidden ?? 0) >= 5) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(credit.uncounted.hidden).toBeGreaterThanOrEqual(5);
    const [row] = await ds.query('SELECT verified_seconds::float AS v FROM play_sessions WHERE id = $1', [sessionId]);
    expect(row.v).toBeLessThanOrEqual(verifiedAtBlur + 0.1);
    expect(credit.verifiedSeconds).toBeLessThanOrEqual(verifiedAtBlur + 0.1);

    // back in front: counting again, and the learner is told the time away did not count
    await setFocused(page, true);
    await page.getByTestId('doc-not-in-front').waitFor({ state: 'detached' });
    await expectText(page.getByTestId('player-hidden-notice'), '页面不在前台期间不计学时');
    await page.waitForFunction((v) => Number(document.querySelector('[data-testid="doc-page-progress"]')?.getAttribute('data-shown')) > v + 1, shownAtBlur, {
      timeout: 10_000,
    });
    await page.waitForFunction((v) => Number(document.querySelector('[data-testid="player-verified"]')?.getAttribute('data-seconds')) > v, verifiedAtBlur, {
      timeout: 15_000,
    });

    // the reader in English
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('doc-page-progress'), 's read on this page');
    await expectText(page.getByTestId('doc-page-indicator'), 'Page 1 / 2');
    await page.screenshot({ path: path.join(SHOTS, 'document-reading-en.png'), fullPage: true });
    await page.getByTestId('lang-switch').click();
    await page.context().close();
  }, 120_000);

  it('an instructor previews the same reader: pages turn, nothing is counted', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'teacher');
    await page.goto(`${p.url}/lessons/${short.lessonId}?course=${short.courseId}`);
    await page.getByTestId('doc-reader').waitFor();
    await pageDrawn(page, 1);
    await expectText(page.getByTestId('doc-page-indicator'), '1 / 3');
    await page.getByTestId('doc-next').click();
    await pageDrawn(page, 2);
    expect(await page.getByTestId('learning-panel').count()).toBe(0);
    expect(await page.getByTestId('doc-page-progress').count()).toBe(0);
    await expectText(page.getByTestId('credit-note'), '预览模式');
    await page.screenshot({ path: path.join(SHOTS, 'document-preview-zh.png'), fullPage: true });

    // the course builder shows a document's pages where a video shows its length
    await page.goto(`${p.url}/courses/${short.courseId}/edit`);
    await expectText(page.getByTestId(`lesson-${short.lessonId}`).getByTestId('lesson-pages'), '3 页');
    await page.context().close();
  }, 60_000);
});
