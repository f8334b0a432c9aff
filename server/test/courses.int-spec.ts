import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MediaUrls } from '../src/modules/media/media-url';
import { publishedCourse, uploadVideo, waitForAsset } from './course-fixtures';
import { startTestApp, TestApp } from './harness';
import { makeVideo } from './media-fixtures';

describe('courses: signed playback, review workflow, catalogue, enrolment, assignment', () => {
  let t: TestApp;
  let dir: string;
  let teacher: string;
  let instAdmin: string;
  let official: string;
  let official2: string;
  let assetId: string;
  let course: { courseId: string; lessonId: string };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-courses-'));
    t = await startTestApp({ worker: true, env: { MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads') } });
    teacher = await t.login('teacher');
    instAdmin = await t.login('inst_admin');
    official = await t.login('official');
    official2 = await t.login('official2');
    assetId = await uploadVideo(t, teacher, makeVideo('short.mp4', 8));
    await waitForAsset(t, assetId, 'ready');
    course = await publishedCourse(t, assetId, '数字政府建设概论');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('signed playback URLs', () => {
    let url: string;
    let cookie: string;
    beforeAll(async () => {
      await t.call('POST', `/api/courses/${course.courseId}/enrol`, { token: official });
      const pb = await t.call('GET', `/api/lessons/${course.lessonId}/playback`, { token: official });
      url = pb.body.url;
      cookie = pb.headers.get('set-cookie')!.split(';')[0];
    });
    const get = (u: string, headers: Record<string, string> = {}) => fetch(t.url + u, { headers });
    const seg = (u: string) => u.replace('master.m3u8', '360p/seg_000.ts');

    it('serve the playlist and the segments to the viewer they were signed for', async () => {
      const master = await get(url, { authorization: `Bearer ${official}` });
      expect(master.status).toBe(200);
      expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
      expect(await master.text()).toContain('360p/index.m3u8');
      const variant = await get(url.replace('master.m3u8', '360p/index.m3u8'), { cookie });
      expect(variant.status).toBe(200);
      expect(await variant.text()).toContain('seg_000.ts');
      const s = await get(seg(url), { cookie });
      expect(s.status).toBe(200);
      expect(s.headers.get('content-type')).toBe('video/mp2t');
      expect((await s.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    });

    it('serve byte ranges', async () => {
      const r = await get(seg(url), { cookie, range: 'bytes=0-187' });
      expect(r.status).toBe(206);
      expect(r.headers.get('content-range')).toMatch(/^bytes 0-187\/\d+$/);
      expect((await r.arrayBuffer()).byteLength).toBe(188);
    });

    it('fall back to the media cookie when the bearer token has lapsed', async () => {
      expect((await get(url, { cookie, authorization: 'Bearer not-a-valid-token' })).status).toBe(200);
    });

    it('refuse a request that proves no identity', async () => {
      expect((await get(url)).status).toBe(403);
      expect((await get(seg(url))).status).toBe(403);
    });

    it('refuse an unsigned or tampered URL', async () => {
      expect((await get(`/api/stream/not-a-token/master.m3u8`, { cookie })).status).toBe(403);
      const token = url.split('/')[3];
      const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      expect((await get(url.replace(token, flipped), { cookie })).status).toBe(403);
      // a token for another asset cannot be made by editing the payload
      const [payload, sig] = token.split('.');
      const other = Buffer.from(Buffer.from(payload, 'base64url').toString().replace(/^[^|]+/, '00000000-0000-4000-8000-000000000000')).toString('base64url');
      expect((await get(url.replace(token, `${other}.${sig}`), { cookie })).status).toBe(403);
    });

    it('refuse an expired URL', async () => {
      const urls = new MediaUrls(process.env.JWT_SECRET!);
      const me = await t.call('GET', '/api/me', { token: official });
      const expired = urls.sign({ assetId, userId: me.body.id, exp: Math.floor(Date.now() / 1000) - 1, scope: 'play' });
      const r = await get(`/api/stream/${expired}/master.m3u8`, { authorization: `Bearer ${official}` });
      expect(r.status).toBe(403);
      expect(((await r.json()) as { message: string }).message).toBe('播放链接无效或已过期，请刷新页面');
    });

    it('refuse another user\'s URL', async () => {
      const r = await get(url, { authorization: `Bearer ${official2}` });
      expect(r.status).toBe(403);
      expect(((await r.json()) as { message: string }).message).toBe('该播放链接不属于当前登录用户');
      const pb2 = await t.call('GET', `/api/lessons/${course.lessonId}/playback`, { token: official2 });
      expect(pb2.status).toBe(403);
      const otherCookie = (await t.call('GET', `/api/lessons/${course.lessonId}/playback`, { token: teacher })).headers.get('set-cookie')!.split(';')[0];
      expect((await get(url, { cookie: otherCookie })).status).toBe(403);
    });

    it('a cover link opens the poster and nothing else', async () => {
      const cat = await t.call('GET', `/api/catalog?q=${encodeURIComponent('数字政府')}`, { token: official2 });
      const cover = cat.body.items[0].coverUrl as string;
      const img = await get(cover);
      expect(img.status).toBe(200);
      expect(img.headers.get('content-type')).toBe('image/jpeg');
      expect((await get(cover.replace('poster.jpg', 'master.m3u8'))).status).toBe(403);
    });
  });

  describe('review workflow', () => {
    let category: string;
    beforeAll(async () => {
      category = (await t.call('GET', '/api/categories', { token: teacher })).body.items[0].id;
    });

    it('will not submit a course without lessons, or with media that is not ready', async () => {
      const c = await t.call('POST', '/api/courses', { token: teacher, body: { title: '空课程', categoryId: category } });
      const empty = await t.call('POST', `/api/courses/${c.body.id}/submit`, { token: teacher });
      expect(empty.status).toBe(400);
      expect(empty.body).toMatchObject({ field: 'lessons', message: '课程还没有课时，不能提交审核' });
      await t.call('POST', `/api/courses/${c.body.id}/lessons`, { token: teacher, body: { chapterId: c.body.chapters[0].id, title: '待上传', kind: 'video' } });
      const notReady = await t.call('POST', `/api/courses/${c.body.id}/submit`, { token: teacher });
      expect(notReady.body.message).toBe('以下课时的文件尚未就绪：待上传');
    });

    it('returns with a comment, lets the author edit, and accepts the resubmission', async () => {
      let c = await t.call('POST', '/api/courses', { token: teacher, body: { title: '政务公开', categoryId: category } });
      const id = c.body.id;
      await t.call('POST', `/api/courses/${id}/lessons`, { token: teacher, body: { chapterId: c.body.chapters[0].id, title: '第一讲', kind: 'video', assetId } });
      await t.call('POST', `/api/courses/${id}/submit`, { token: teacher });
      const noComment = await t.call('POST', `/api/courses/${id}/review`, { token: instAdmin, body: { decision: 'return' } });
      expect(noComment.status).toBe(400);
      expect(noComment.body.field).toBe('comment');
      c = await t.call('POST', `/api/courses/${id}/review`, { token: instAdmin, body: { decision: 'return', comment: '请补充课程简介' } });
      expect(c.body).toMatchObject({ status: 'returned', reviewComment: '请补充课程简介', can: { review: false } });
      c = await t.call('GET', `/api/courses/${id}`, { token: teacher });
      expect(c.body.can.edit).toBe(true);
      expect((await t.call('PATCH', `/api/courses/${id}`, { token: teacher, body: { summary: '介绍政务公开的要求与做法。' } })).status).toBe(200);
      expect((await t.call('POST', `/api/courses/${id}/submit`, { token: teacher })).body.status).toBe('submitted');
      expect((await t.call('POST', `/api/courses/${id}/publish`, { token: instAdmin })).status).toBe(409);
    });

    it('caps credit hours at what the videos support', async () => {
      const c = await t.call('POST', '/api/courses', { token: teacher, body: { title: '学时上限', categoryId: category } });
      await t.call('POST', `/api/courses/${c.body.id}/lessons`, { token: teacher, body: { chapterId: c.body.chapters[0].id, title: '短片', kind: 'video', assetId } });
      const r = await t.call('PATCH', `/api/courses/${c.body.id}`, { token: teacher, body: { creditHours: 1.5 } });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ field: 'creditHours', message: '学时不能超过课件时长（视频时长与文档最少阅读时长）折算的 0 学时（每 45 分钟计 1 学时）' });
      const twoDecimals = await t.call('PATCH', `/api/courses/${c.body.id}`, { token: teacher, body: { creditHours: 0.05 } });
      expect(twoDecimals.status).toBe(400);
      expect(twoDecimals.body.field).toBe('creditHours');
    });

    it('reorders chapters and lessons only as a whole', async () => {
      let c = await t.call('POST', '/api/courses', { token: teacher, body: { title: '排序', categoryId: category } });
      const id = c.body.id;
      c = await t.call('POST', `/api/courses/${id}/chapters`, { token: teacher, body: { title: '第二章' } });
      const [ch1, ch2] = c.body.chapters;
      await t.call('POST', `/api/courses/${id}/lessons`, { token: teacher, body: { chapterId: ch1.id, title: 'A', kind: 'video' } });
      c = await t.call('POST', `/api/courses/${id}/lessons`, { token: teacher, body: { chapterId: ch1.id, title: 'B', kind: 'video' } });
      const [a, b] = c.body.chapters[0].lessons;
      const partial = await t.call('PUT', `/api/courses/${id}/order`, { token: teacher, body: { chapters: [{ id: ch2.id, lessonIds: [b.id] }, { id: ch1.id, lessonIds: [] }] } });
      expect(partial.status).toBe(400);
      expect(partial.body.field).toBe('chapters');
      c = await t.call('PUT', `/api/courses/${id}/order`, { token: teacher, body: { chapters: [{ id: ch2.id, lessonIds: [b.id] }, { id: ch1.id, lessonIds: [a.id] }] } });
      expect(c.body.chapters.map((x: { title: string; lessons: { title: string }[] }) => [x.title, x.lessons.map((l) => l.title)])).toEqual([
        ['第二章', ['B']],
        ['第一章', ['A']],
      ]);
    });

    it('keeps other institutions out of a course', async () => {
      const sys = await t.login('sysadmin');
      const inst = await t.call('POST', '/api/institutions', { token: sys, body: { code: 'CQ-DX', name: '中共重庆市委党校' } });
      const other = await t.call('POST', '/api/users', { token: sys, body: { username: 'dx_admin', name: '党校培训处', role: 'institution_admin', institutionId: inst.body.id, password: 'Partyschool2026' } });
      expect(other.status).toBe(201);
      const login = await t.call('POST', '/api/auth/login', { body: { username: 'dx_admin', password: 'Partyschool2026' } });
      const changed = await t.call('POST', '/api/auth/change-password', { token: login.body.accessToken, body: { currentPassword: 'Partyschool2026', newPassword: 'Partyschool2027' } });
      const dx = changed.body.accessToken;
      const draft = await t.call('POST', '/api/courses', { token: teacher, body: { title: '未发布', categoryId: category } });
      expect((await t.call('GET', `/api/courses/${draft.body.id}`, { token: dx })).status).toBe(404);
      expect((await t.call('POST', `/api/courses/${course.courseId}/unpublish`, { token: dx })).status).toBe(403);
      expect((await t.call('GET', `/api/courses/${draft.body.id}`, { token: official })).status).toBe(404);
    });
  });

  describe('catalogue, enrolment and assignment', () => {
    it('searches published courses by title, category and required/elective', async () => {
      const all = await t.call('GET', '/api/catalog', { token: official2 });
      expect(all.body.items.every((c: { status: string }) => c.status === 'published')).toBe(true);
      const byTitle = await t.call('GET', `/api/catalog?q=${encodeURIComponent('数字政府')}`, { token: official2 });
      expect(byTitle.body.items.map((c: { title: string }) => c.title)).toEqual(['数字政府建设概论']);
      const cat = byTitle.body.items[0].categoryId;
      expect((await t.call('GET', `/api/catalog?categoryId=${cat}&required=false`, { token: official2 })).body.total).toBeGreaterThanOrEqual(1);
      expect((await t.call('GET', `/api/catalog?categoryId=${cat}&required=true`, { token: official2 })).body.total).toBe(0);
    });

    it('an official enrols in an elective once; a required course is assigned, not chosen', async () => {
      const first = await t.call('POST', `/api/courses/${course.courseId}/enrol`, { token: official2 });
      const second = await t.call('POST', `/api/courses/${course.courseId}/enrol`, { token: official2 });
      expect(first.body.enrolment).toBe('elective');
      expect(second.body.enrolment).toBe('elective');
      expect((await t.call('GET', '/api/my/courses', { token: official2 })).body.total).toBe(1);
      const teacherCourse = await t.call('GET', `/api/courses/${course.courseId}`, { token: teacher });
      const req = await t.call('PATCH', `/api/courses/${course.courseId}`, { token: teacher, body: { required: true } });
      expect(req.status).toBe(409); // published: locked
      expect(teacherCourse.body.can.edit).toBe(false);
    });

    it('an org admin assigns a course to the officials of a node in their subtree only', async () => {
      const yz = await t.login('yz_admin');
      const jb = await t.login('jb_admin');
      const tree = await t.call('GET', '/api/org-units', { token: yz });
      const district = tree.body.items.find((n: { code: string }) => n.code === 'CQ-YZ').id;
      const r = await t.call('POST', `/api/courses/${course.courseId}/assign`, { token: yz, body: { orgUnitId: district } });
      expect(r.status).toBe(200);
      // official and official2 are in 渝中区 and already enrolled (elective) in this course
      expect(r.body).toEqual({ assigned: 0, alreadyEnrolled: 2 });
      const outside = await t.call('POST', `/api/courses/${course.courseId}/assign`, { token: jb, body: { orgUnitId: district } });
      expect(outside.status).toBe(404);
      expect(outside.body.field).toBe('orgUnitId');
      const me = await t.call('GET', '/api/me', { token: official });
      const byList = await t.call('POST', `/api/courses/${course.courseId}/assign`, { token: jb, body: { userIds: [me.body.id] } });
      expect(byList.status).toBe(404);
      expect(byList.body.field).toBe('userIds');
      const jbOfficial = (await t.call('GET', '/api/users?role=official', { token: jb })).body.items[0].id;
      expect((await t.call('POST', `/api/courses/${course.courseId}/assign`, { token: jb, body: { userIds: [jbOfficial] } })).body).toEqual({ assigned: 1, alreadyEnrolled: 0 });
      const both = await t.call('POST', `/api/courses/${course.courseId}/assign`, { token: jb, body: { userIds: [jbOfficial], orgUnitId: district } });
      expect(both.status).toBe(400);
    });
  });
});
