import path from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { publishedCourse, uploadVideo, waitForAsset } from '../../server/test/course-fixtures';
import type { TestApp } from '../../server/test/harness';
import { makeVideo } from '../../server/test/media-fixtures';
import { Platform, SHOTS, startPlatform } from './platform';
import { expectText, login } from './browser';
import { processApp } from '../../server/test/processes';

/**
 * 学时 in a real browser: an official plays a real HLS lesson to the end and sees the course
 * credited; a second official's 4× playback and hidden tab earn nothing, on screen and on the
 * server; a second window takes the session over; an attention check pauses the video.
 */

const POLICY = `INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1::jsonb)
                ON CONFLICT (year) DO UPDATE SET settings = EXCLUDED.settings`;
const FAST = { heartbeatIntervalSeconds: 2, attentionMeanMinutes: 0 };
const COURSE_TITLE = '“互联网+政务服务”实务（e2e）';

/** the verified seconds the player shows (its data attribute; the text is mm:ss) */
const verified = async (page: Page) => Number(await page.getByTestId('player-verified').getAttribute('data-seconds'));
/** how many heartbeat answers the player has had in this session */
const acked = async (page: Page) => Number(await page.getByTestId('learning-panel').getAttribute('data-acked'));

async function answersAfter(page: Page, n: number, timeout = 20_000) {
  await page.waitForFunction(
    (min) => Number(document.querySelector('[data-testid="learning-panel"]')?.getAttribute('data-acked') ?? 0) >= min,
    n,
    { timeout },
  );
}

/** at least `ms` of the page's time and `n` more heartbeat answers: the player keeps its cadence meanwhile */
async function keepWatching(page: Page, ms: number, n: number) {
  const from = await acked(page);
  const until = Date.now() + ms;
  await answersAfter(page, from + n, ms + 20_000);
  while (Date.now() < until) await page.waitForTimeout(Math.min(250, until - Date.now()));
}

async function openLesson(page: Page, base: string, course: { courseId: string; lessonId: string }) {
  await page.goto(`${base}/lessons/${course.lessonId}?course=${course.courseId}`);
  await page.locator('[data-testid="learning-panel"][data-status="active"]').waitFor({ timeout: 20_000 });
  await page.getByTestId('lesson-video').waitFor();
}

async function play(page: Page) {
  await page.evaluate(async () => {
    const v = document.querySelector('video')!;
    v.muted = true;
    await v.play();
  });
}

const currentTime = (page: Page) => page.evaluate(() => document.querySelector('video')!.currentTime);

/** the beats kept in the page's IndexedDB outbox, as [sessionId, seq] */
function keptBeats(page: Page): Promise<[string, number][]> {
  return page.evaluate(
    () =>
      new Promise<[string, number][]>((resolve, reject) => {
        const req = indexedDB.open('xueshi-outbox');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('beats')) return resolve([]);
          const all = db.transaction('beats').objectStore('beats').getAllKeys();
          all.onsuccess = () => {
            resolve(all.result as unknown as [string, number][]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
    Object.defineProperty(document, 'hidden', { value: h, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

describe('the platform in a browser: watching earns credit hours', () => {
  let p: Platform;
  let ds: DataSource;
  let t: TestApp;
  let course: { courseId: string; lessonId: string };
  const learner = { username: 'e2e_learner', password: 'Learner2026x' };
  let learnerToken = '';

  beforeAll(async () => {
    p = await startPlatform();
    ds = new DataSource(dataSourceOptions(p.databaseUrl, { poolSize: 2 }));
    await ds.initialize();
    t = processApp(p.url, p.databaseUrl, '', ds);
    await ds.query(POLICY, [JSON.stringify(FAST)]);

    const teacher = await t.login('teacher');
    const assetId = await uploadVideo(t, teacher, makeVideo('e2e.mp4', 20));
    await waitForAsset(t, assetId, 'ready');
    course = await publishedCourse(t, assetId, COURSE_TITLE);
    const officialToken = await t.login('official');
    const enrolled = await t.call('POST', `/api/courses/${course.courseId}/enrol`, { token: officialToken });
    expect(enrolled.status).toBe(200);
    // the course evaluation (P9) is submitted up front: here watching alone decides the credit
    expect((await t.call('POST', `/api/courses/${course.courseId}/evaluation`, { token: officialToken, body: { plan: 5, content: 5, teachers: 4, management: 5 } })).status).toBe(201);

    // a second official, made by the system admin; the initial password must be changed first
    const admin = await t.login('sysadmin');
    const [unit] = await ds.query(`SELECT id FROM org_units WHERE code = 'CQ-YZ-ZFB'`);
    const made = await t.call('POST', '/api/users', {
      token: admin,
      body: { username: learner.username, role: 'official', name: '赵学', staffNo: 'YZ2026901', orgUnitId: unit.id, password: 'Initial2026x' },
    });
    expect(made.status).toBe(201);
    const first = await t.login(learner.username, 'Initial2026x');
    const changed = await t.call('POST', '/api/auth/change-password', { token: first, body: { currentPassword: 'Initial2026x', newPassword: learner.password } });
    expect(changed.status).toBe(200);
    learnerToken = changed.body.accessToken;
    expect((await t.call('POST', `/api/courses/${course.courseId}/enrol`, { token: learnerToken })).status).toBe(200);
    expect((await t.call('POST', `/api/courses/${course.courseId}/enrol`, { token: await t.login('official3') })).status).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await ds?.destroy();
    await p?.close();
  });

  it('an official plays the lesson to the end at 1×: the course is credited and the lesson shows completed', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'official');
    await openLesson(page, p.url, course);
    expect(await verified(page)).toBe(0);
    await play(page);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="player-verified"]')?.getAttribute('data-seconds')) >= 4, null, { timeout: 20_000 });
    await expectText(page.getByTestId('player-counting'), '计时中');
    // coverage grows as answered beats come back
    expect(Number(await page.getByTestId('player-coverage').getAttribute('data-percent'))).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'player-playing-zh.png'), fullPage: true });

    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const v = document.querySelector('video')!;
          if (v.ended) return resolve();
          v.addEventListener('ended', () => resolve(), { once: true });
          setTimeout(() => reject(new Error('the video did not end')), 60_000);
        }),
    );
    await page.locator('[data-testid="learning-panel"][data-status="finished"]').waitFor({ timeout: 10_000 });
    // nearly all of the 20 s was verified (the last beat's answer says so)
    expect(await verified(page)).toBeGreaterThanOrEqual(18);
    // the worker credits within seconds; the player asks again and marks the lesson completed
    await page.getByTestId('player-completed').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SHOTS, 'player-finished-zh.png'), fullPage: true });

    // 我的学习: the course credited, the year's hours above zero
    await page.getByTestId('menu-my-learning').click();
    const credited = page.getByTestId(`course-credited-${course.courseId}`);
    for (let i = 0; i < 20 && !(await credited.count()); i++) {
      await page.waitForTimeout(500);
      await page.getByTestId('mine-refresh').click();
    }
    await credited.waitFor();
    await expectText(credited, '已获学时');
    // a 20 s lesson is worth 0.0 h (45 min = 1 h, one decimal); an admin's correction (offline
    // training recorded) makes the year's total visible beside it
    const officialToken = await t.login('official');
    const me = await t.call('GET', '/api/me', { token: officialToken });
    const fix = await t.call('POST', '/api/credit/corrections', {
      token: await t.login('sysadmin'),
      body: { userId: me.body.id, hours: 2.5, reason: '线下专题培训补录（e2e）' },
    });
    expect(fix.status).toBe(201);
    await page.getByTestId('mine-refresh').click();
    await expectText(page.getByTestId('year-credited'), '2.5');
    const mine = await t.call('GET', '/api/my/progress', { token: officialToken });
    expect(mine.body.entries.map((e: { kind: string }) => e.kind).sort()).toEqual(['correction', 'course']);
    expect(await page.getByTestId('year-credited').innerText()).toBe(mine.body.creditedHours.toFixed(1));
    await page.getByTestId('year-progress').locator('.ant-progress').waitFor();
    await expectText(page.getByTestId(`course-lessons-done-${course.courseId}`), '1/1');
    await page.getByTestId('ledger-table').getByText(COURSE_TITLE).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'my-learning-zh.png'), fullPage: true });
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId(`course-credited-${course.courseId}`), 'Credited');
    await page.screenshot({ path: path.join(SHOTS, 'my-learning-en.png'), fullPage: true });
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId(`course-credited-${course.courseId}`), '已获学时');

    // the lesson's credit details, opened from the course's row
    await page.getByTestId('mine-courses').locator('.ant-table-row-expand-icon').first().click();
    await page.getByTestId(`lesson-credit-link-${course.lessonId}`).click();
    await page.getByTestId('credit-completed').waitFor();
    expect(Number(await page.getByTestId('credit-verified').getAttribute('data-seconds'))).toBeGreaterThanOrEqual(18);
    expect(await page.getByTestId('credit-coverage-seg').count()).toBeGreaterThan(0);
    await expectText(page.getByTestId('credit-sessions'), '播放完毕');
    await page.screenshot({ path: path.join(SHOTS, 'lesson-credit-zh.png'), fullPage: true });
    await page.context().close();
  }, 150_000);

  it('4× playback and a hidden tab earn nothing, on screen and on the server', async () => {
    const page = await p.newPage();
    await login(page, p.url, learner.username, learner.password);
    await openLesson(page, p.url, course);
    await play(page);
    // 3 s at 1×: counted
    await page.waitForFunction(() => document.querySelector('video')!.currentTime >= 3, null, { timeout: 20_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="player-verified"]')?.getAttribute('data-seconds')) > 0, null, { timeout: 10_000 });

    // 4× (looping, so that ~6 s at 4× do not run off the end of a 20 s video)
    await page.evaluate(() => {
      const v = document.querySelector('video')!;
      v.loop = true;
      v.playbackRate = 4;
    });
    await expectText(page.getByTestId('player-speed-warning'), '当前倍速超过允许值（1.0×），此期间不计学时');
    // the beat that closed the 1× stretch has been answered once the next one is
    await answersAfter(page, (await acked(page)) + 1);
    const atSpeed = await verified(page);
    const posAtSpeed = await currentTime(page);
    await keepWatching(page, 6000, 3);
    expect(await verified(page)).toBe(atSpeed);
    // it did play, fast (or it looped)
    expect(Math.abs((await currentTime(page)) - posAtSpeed)).toBeGreaterThan(2);
    await page.screenshot({ path: path.join(SHOTS, 'player-speed-warning-zh.png'), fullPage: true });

    // back to 1× from the start: counting again
    await page.evaluate(() => {
      const v = document.querySelector('video')!;
      v.loop = false;
      v.playbackRate = 1;
      v.currentTime = 0;
    });
    await page.getByTestId('player-speed-warning').waitFor({ state: 'detached' });
    await page.waitForFunction((v) => Number(document.querySelector('[data-testid="player-verified"]')?.getAttribute('data-seconds')) > v, atSpeed, {
      timeout: 15_000,
    });

    // hidden tab for ~6 s while the video keeps playing; the stretch before it goes by sendBeacon
    // (a 'ping' request; the access token is in its body)
    const beacons: number[] = [];
    page.context().on('requestfinished', async (r) => {
      if (r.resourceType() === 'ping' && r.url().endsWith('/api/play/heartbeat')) beacons.push((await r.response())?.status() ?? 0);
    });
    await setHidden(page, true);
    // the beacon's visible stretch shows in the first answers after it
    await answersAfter(page, (await acked(page)) + 2);
    const atHidden = await verified(page);
    await keepWatching(page, 6000, 3);
    expect(await verified(page)).toBe(atHidden);
    expect(beacons).toEqual([200]);
    expect(await page.evaluate(() => document.querySelector('video')!.paused)).toBe(false);
    await setHidden(page, false);
    await page.getByTestId('player-hidden-notice').waitFor();
    await expectText(page.getByTestId('player-hidden-notice'), '页面不在前台期间不计学时');

    // skipping ahead: said at once
    await page.evaluate(() => {
      document.querySelector('video')!.currentTime = 17;
    });
    await expectText(page.getByTestId('player-seek-notice'), '拖动跳过的内容不计入学时');
    await page.getByTestId('player-uncounted-total').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'player-notices-zh.png'), fullPage: true });

    // the server's account: speed and hidden time, by reason
    let credit: { uncounted: Record<string, number> } = { uncounted: {} };
    for (let i = 0; i < 60; i++) {
      const r = await t.call('GET', `/api/lessons/${course.lessonId}/credit`, { token: learnerToken });
      expect(r.status).toBe(200);
      credit = r.body;
      if ((credit.uncounted.speed ?? 0) > 0 && (credit.uncounted.hidden ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(credit.uncounted.speed).toBeGreaterThan(4);
    expect(credit.uncounted.hidden).toBeGreaterThan(4);
    await page.context().close();
  }, 120_000);

  it('a second window takes the session over; continuing here takes it back; an attention check pauses the video', async () => {
    const first = await p.newPage();
    await login(first, p.url, learner.username, learner.password);
    await openLesson(first, p.url, course);
    await play(first);
    await first.waitForFunction(() => document.querySelector('video')!.currentTime >= 1, null, { timeout: 20_000 });

    // another device, in English
    const second = await p.newPage('en-US');
    await login(second, p.url, learner.username, learner.password);
    await second.getByTestId('lang-switch').click();
    await openLesson(second, p.url, course);
    await expectText(first.getByTestId('player-takenover'), '已在其他设备或窗口学习，本窗口已停止计时');
    expect(await first.evaluate(() => document.querySelector('video')!.paused)).toBe(true);
    await first.screenshot({ path: path.join(SHOTS, 'player-taken-over-zh.png') });

    // the next session asks for presence at once (policy read when a session opens)
    await ds.query(POLICY, [JSON.stringify({ ...FAST, attentionMeanMinutes: 0.001, attentionTimeoutSeconds: 120 })]);
    await first.getByTestId('player-continue-here').click();
    await first.locator('[data-testid="learning-panel"][data-status="active"]').waitFor();
    await expectText(second.getByTestId('player-takenover'), 'this window has stopped counting');
    await second.screenshot({ path: path.join(SHOTS, 'player-taken-over-en.png') });

    await first.getByTestId('attention-modal').waitFor({ timeout: 15_000 });
    await expectText(first.locator('.ant-modal-title'), '请确认您正在学习');
    expect(await first.evaluate(() => document.querySelector('video')!.paused)).toBe(true);
    await first.screenshot({ path: path.join(SHOTS, 'attention-modal-zh.png') });
    // no further checks after this one
    await ds.query(POLICY, [JSON.stringify(FAST)]);
    await first.getByTestId('attention-confirm').click();
    await first.getByTestId('attention-modal').waitFor({ state: 'hidden' });
    expect(await first.locator('[data-testid="learning-panel"]').getAttribute('data-status')).toBe('active');
    // and time counts again
    await play(first);
    const before = await verified(first);
    await first.waitForFunction((v) => Number(document.querySelector('[data-testid="player-verified"]')?.getAttribute('data-seconds')) > v, before, {
      timeout: 15_000,
    });
    await first.context().close();
    await second.context().close();
  }, 120_000);

  it('offline: beats are kept in IndexedDB with their numbers, and the next page sends them before it opens a session', async () => {
    const page = await p.newPage();
    const ctx = page.context();
    await login(page, p.url, 'official3');
    await openLesson(page, p.url, course);
    const sessionId = (await page.getByTestId('learning-panel').getAttribute('data-session'))!;
    await play(page);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="player-verified"]')?.getAttribute('data-seconds')) >= 2, null, { timeout: 20_000 });
    const online = await verified(page);

    // ~6 s of playing with the network gone: the beats fail and are kept, numbered as they were
    await ctx.setOffline(true);
    const offlineAt = Date.now();
    for (;;) {
      const kept = await keptBeats(page);
      if (kept.length >= 3 && Date.now() - offlineAt >= 6000) break;
      if (Date.now() - offlineAt > 30_000) throw new Error(`only ${kept.length} beats kept`);
      await page.waitForTimeout(250);
    }
    await page.getByTestId('player-offline').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'player-offline-zh.png'), fullPage: true });
    const kept = await keptBeats(page);
    expect(new Set(kept.map(([sid]) => sid))).toEqual(new Set([sessionId]));
    const seqs = kept.map(([, seq]) => seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[seqs.length - 1] - seqs[0]).toBe(seqs.length - 1);
    expect(await verified(page)).toBe(online);

    // the page is closed while offline; the next one, online, sends the kept beats first
    await page.close();
    await ctx.setOffline(false);
    const next = await ctx.newPage();
    await openLesson(next, p.url, course);
    expect(await next.getByTestId('learning-panel').getAttribute('data-session')).not.toBe(sessionId);
    expect(await keptBeats(next)).toEqual([]);
    // the offline stretch was credited to the first session (judged by the beats' own times)
    let credited = 0;
    for (let i = 0; i < 40; i++) {
      const [row] = await ds.query('SELECT verified_seconds::float AS v FROM play_sessions WHERE id = $1', [sessionId]);
      credited = row?.v ?? 0;
      if (credited >= online + 4) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(credited).toBeGreaterThanOrEqual(online + 4);
    const rejected = await ds.query('SELECT seq, reason FROM heartbeat_rejections WHERE session_id = $1', [sessionId]);
    expect(rejected).toEqual([]);
    await ctx.close();
  }, 120_000);
});
