import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, TestApp } from './harness';
import { ffprobeJson, makeAudio, makePng, makeVideo, tusClient, waitFor } from './media-fixtures';

describe('courseware: upload, transcode, review, publish, play', () => {
  let t: TestApp;
  let dir: string;
  let teacher: string;
  let instAdmin: string;
  let official: string;
  let category: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-cw-'));
    t = await startTestApp({
      worker: true,
      env: { MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'), VIDEO_MAX_BYTES: String(32 * 1024 * 1024), VIDEO_MAX_SECONDS: '600' },
    });
    teacher = await t.login('teacher');
    instAdmin = await t.login('inst_admin');
    official = await t.login('official');
    category = (await t.call('GET', '/api/categories', { token: teacher })).body.items.find((c: { code: string }) => c.code === 'internet-gov').id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const assets = async () => Number((await t.ds.query('SELECT count(*)::int AS n FROM media_assets'))[0].n);
  const stored = () => {
    const out: string[] = [];
    const walk = (d: string) => {
      let entries: import('node:fs').Dirent[] = [];
      try {
        entries = readdirSync(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) (e.isDirectory() ? walk(path.join(d, e.name)) : out.push(path.relative(dir, path.join(d, e.name))));
    };
    walk(dir);
    return out.sort();
  };

  it('uploads an MP4 in chunks through tus, survives a dropped connection, and ends in a published course that plays', async () => {
    const video = makeVideo('lecture.mp4', 14, '1280x720');
    const tus = tusClient(t.url, teacher);
    const created = await tus.create(video.length, { filename: '第一讲.mp4', filetype: 'video/mp4', kind: 'video' });
    expect(created.status).toBe(201);
    const loc = created.location!;
    const chunk = Math.ceil(video.length / 4);
    const first = await tus.patch(loc, 0, video.subarray(0, chunk));
    expect(first).toMatchObject({ status: 204, offset: chunk });
    // the connection drops half-way through the second chunk
    await tus.patchAndDrop(loc, chunk, video.subarray(chunk, 2 * chunk), Math.floor(chunk / 2));
    const resumeAt = (await tus.head(loc)).offset;
    expect(resumeAt).toBeGreaterThanOrEqual(chunk);
    expect(resumeAt).toBeLessThan(2 * chunk);
    let offset = resumeAt;
    let last;
    while (offset < video.length) {
      last = await tus.patch(loc, offset, video.subarray(offset, Math.min(offset + chunk, video.length)));
      expect(last.status).toBe(204);
      offset = last.offset;
    }
    const assetId = last!.headers.get('xueshi-asset-id')!;
    expect(assetId).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await waitFor('transcoding', async () => {
      const a = await t.call('GET', `/api/media/${assetId}`, { token: teacher });
      expect(a.body.status).not.toBe('failed');
      return a.body.status === 'ready' && a.body;
    });
    expect(ready).toMatchObject({ renditions: ['360p', '720p'], width: 1280, height: 720, progress: 100, originalName: '第一讲.mp4' });
    expect(ready.durationSeconds).toBeCloseTo(14, 0);

    // build the course, submit, approve, publish
    let c = await t.call('POST', '/api/courses', { token: teacher, body: { title: '一网通办实务（测试）', categoryId: category, summary: '测试课程' } });
    expect(c.status).toBe(201);
    const courseId = c.body.id;
    c = await t.call('POST', `/api/courses/${courseId}/lessons`, { token: teacher, body: { chapterId: c.body.chapters[0].id, title: '第一讲', kind: 'video', assetId } });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ durationSeconds: 14, maxCreditHours: 0.0, lessonCount: 1 });
    expect((await t.call('POST', `/api/courses/${courseId}/submit`, { token: teacher })).body.status).toBe('submitted');
    const locked = await t.call('PATCH', `/api/courses/${courseId}`, { token: teacher, body: { title: '改名' } });
    expect(locked.status).toBe(409);
    expect((await t.call('POST', `/api/courses/${courseId}/review`, { token: teacher, body: { decision: 'approve' } })).status).toBe(403);
    expect((await t.call('POST', `/api/courses/${courseId}/review`, { token: instAdmin, body: { decision: 'approve', comment: '内容完整' } })).body.status).toBe('approved');
    expect((await t.call('GET', `/api/catalog?q=${encodeURIComponent('一网通办实务（测试）')}`, { token: official })).body.total).toBe(0);
    expect((await t.call('POST', `/api/courses/${courseId}/publish`, { token: instAdmin })).body.status).toBe('published');
    const found = await t.call('GET', `/api/catalog?q=${encodeURIComponent('一网通办实务（测试）')}`, { token: official });
    expect(found.body.items[0]).toMatchObject({ id: courseId, status: 'published', enrolment: null });
    expect(found.body.items[0].coverUrl).toMatch(/^\/api\/stream\/.+\/poster\.jpg$/);

    // an official enrols in the elective and plays it
    const lessonId = c.body.chapters[0].lessons[0].id;
    expect((await t.call('GET', `/api/lessons/${lessonId}/playback`, { token: official })).status).toBe(403);
    expect((await t.call('POST', `/api/courses/${courseId}/enrol`, { token: official })).body.enrolment).toBe('elective');
    const pb = await t.call('GET', `/api/lessons/${lessonId}/playback`, { token: official });
    expect(pb.status).toBe(200);
    expect(pb.headers.get('set-cookie')).toMatch(/^xs_media=.+; Path=\/api\/stream; Max-Age=\d+; HttpOnly; SameSite=Strict/);
    const probe = await ffprobeJson(t.url + pb.body.url, { Authorization: `Bearer ${official}` });
    const heights = probe.streams.filter((s: { codec_type: string }) => s.codec_type === 'video').map((s: { height: number }) => s.height).sort();
    expect(heights).toEqual([360, 720]);
    expect(probe.streams.filter((s: { codec_type: string }) => s.codec_type === 'audio').length).toBeGreaterThan(0);
    expect(Number(probe.format.duration)).toBeCloseTo(14, 0);

    // unpublishing keeps the learner's enrolment
    expect((await t.call('POST', `/api/courses/${courseId}/unpublish`, { token: instAdmin })).body.status).toBe('unpublished');
    const mine = await t.call('GET', '/api/my/courses', { token: official });
    expect(mine.body.items.find((x: { id: string }) => x.id === courseId)).toMatchObject({ status: 'unpublished', enrolment: 'elective' });
    // nothing of the upload is left in the tus folder
    expect(stored().filter((f) => f.startsWith('uploads/'))).toEqual([]);
  });

  it.each([
    ['a text file renamed .mp4', () => Buffer.from('这不是视频。'.repeat(200)), 'notes.mp4', 415, '无法识别为视频文件，请上传 MP4、MOV 等常见格式的视频'],
    ['a PNG image', () => makePng('slide.png'), 'slide.mp4', 415, '这是一张图片，不是视频'],
    ['an audio-only file', () => makeAudio('talk.m4a', 3), 'talk.mp4', 415, '该文件没有视频画面（仅有音频或无画面），请上传视频文件'],
  ])('refuses %s with its own message and leaves nothing behind', async (_label, make, name, status, message) => {
    const before = await assets();
    const sourcesBefore = stored().filter((f) => f.startsWith('media/')).length;
    const data = make();
    const tus = tusClient(t.url, teacher);
    const created = await tus.create(data.length, { filename: name, filetype: 'video/mp4', kind: 'video' });
    expect(created.status).toBe(201);
    const r = await tus.patch(created.location!, 0, data);
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body)).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message, field: 'file' });
    expect(await assets()).toBe(before);
    expect(stored().filter((f) => f.startsWith('uploads/'))).toEqual([]);
    expect(stored().filter((f) => f.startsWith('media/')).length).toBe(sourcesBefore);
  });

  it('refuses an oversize file before a byte is stored, in the caller\'s language', async () => {
    const tus = tusClient(t.url, teacher, 'en');
    const created = await tus.create(33 * 1024 * 1024, { filename: 'big.mp4', filetype: 'video/mp4', kind: 'video' });
    expect(created.status).toBe(413);
    expect(JSON.parse(created.body)).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The file exceeds the size limit', field: 'file' });
    expect(stored().filter((f) => f.startsWith('uploads/'))).toEqual([]);
  });

  it('lets only authors upload, and only the uploader resume', async () => {
    const tus = tusClient(t.url, official);
    expect((await tus.create(100, { filename: 'x.mp4', kind: 'video' })).status).toBe(403);
    const mine = await tusClient(t.url, teacher).create(100, { filename: 'x.mp4', kind: 'video' });
    const other = await t.login('inst_admin');
    expect((await tusClient(t.url, other).patch(mine.location!, 0, Buffer.alloc(10))).status).toBe(403);
    expect((await tusClient(t.url, teacher).create(100, { filename: 'x.mp4', kind: 'spreadsheet' })).status).toBe(400);
  });
});
