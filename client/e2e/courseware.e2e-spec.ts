import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { makeVideo } from '../../server/test/media-fixtures';
import { Platform, SHOTS, startPlatform } from './platform';

/** Plain HTTP calls to the platform for what the test sets up around the UI. */
function api(base: string) {
  const call = async (method: string, p: string, token?: string, body?: unknown) => {
    const res = await fetch(base + p, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const login = async (username: string) => (await call('POST', '/api/auth/login', undefined, { username, password: 'Xueshi2026' })).body.accessToken as string;
  return { call, login };
}

describe('courseware in a browser: an instructor uploads, an official watches', () => {
  let p: Platform;
  let ds: DataSource;
  beforeAll(async () => {
    p = await startPlatform();
    ds = new DataSource(dataSourceOptions(p.databaseUrl, { poolSize: 1 }));
    await ds.initialize();
  }, 60_000);
  afterAll(async () => {
    await ds?.destroy();
    await p?.close();
  });

  it('the instructor uploads a video in the course builder and sees it reach "ready"; after review, an official plays it', async () => {
    const a = api(p.url);
    const teacher = await a.login('teacher');
    const cats = await a.call('GET', '/api/categories', teacher);
    const course = await a.call('POST', '/api/courses', teacher, { title: '浏览器上传测试课', categoryId: cats.body.items[0].id, summary: '端到端测试' });
    const withLesson = await a.call('POST', `/api/courses/${course.body.id}/lessons`, teacher, { chapterId: course.body.chapters[0].id, title: '第一讲 上传', kind: 'video' });
    const lessonId = withLesson.body.chapters[0].lessons[0].id as string;

    const page = await p.newPage();
    await page.goto(`${p.url}/`);
    await page.getByTestId('login-username').fill('teacher');
    await page.getByTestId('login-password').fill('Xueshi2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-user-name').waitFor();
    await page.goto(`${p.url}/courses/${course.body.id}/edit`);
    const media = page.getByTestId(`lesson-media-${lessonId}`);
    await media.waitFor();
    await media.getByTestId('upload-input').setInputFiles({ name: '第一讲.mp4', mimeType: 'video/mp4', buffer: makeVideo('e2e-upload.mp4', 10, '1280x720') });
    await page.getByTestId('upload-progress').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'builder-uploading.png'), fullPage: true });
    await media.locator('[data-testid="media-status"][data-status="ready"]').waitFor({ timeout: 120_000 });
    expect(await media.getByTestId('media-rendition').allInnerTexts()).toEqual(['360p', '720p']);
    await page.screenshot({ path: path.join(SHOTS, 'builder-ready.png'), fullPage: true });
    await page.context().close();

    // review and publish (the review pages have their own checks), then the official enrols
    expect((await a.call('POST', `/api/courses/${course.body.id}/submit`, teacher)).status).toBe(200);
    const admin = await a.login('inst_admin');
    await a.call('POST', `/api/courses/${course.body.id}/review`, admin, { decision: 'approve' });
    expect((await a.call('POST', `/api/courses/${course.body.id}/publish`, admin)).body.status).toBe('published');
    const official = await a.login('official2');
    await a.call('POST', `/api/courses/${course.body.id}/enrol`, official);

    const viewer = await p.newPage();
    await viewer.goto(`${p.url}/`);
    await viewer.getByTestId('login-username').fill('official2');
    await viewer.getByTestId('login-password').fill('Xueshi2026');
    await viewer.getByTestId('login-submit').click();
    await viewer.getByTestId('header-user-name').waitFor();
    await viewer.goto(`${p.url}/lessons/${lessonId}?course=${course.body.id}`);
    const video = viewer.getByTestId('lesson-video');
    await video.waitFor();
    await viewer.waitForFunction(() => {
      const v = document.querySelector('[data-testid="lesson-video"]') as HTMLVideoElement | null;
      return !!v && v.readyState >= 2;
    }, undefined, { timeout: 60_000 });
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await viewer.waitForFunction((start) => {
      const v = document.querySelector('[data-testid="lesson-video"]') as HTMLVideoElement;
      return v.currentTime > start + 1.5;
    }, t0, { timeout: 30_000 });
    const decoded = await video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
    expect(decoded).toBeGreaterThan(10);
    await viewer.screenshot({ path: path.join(SHOTS, 'player-playing.png'), fullPage: true });
    await viewer.context().close();
  }, 240_000);
});
