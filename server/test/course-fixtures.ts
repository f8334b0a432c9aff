import type { TestApp } from './harness';
import { tusClient, waitFor } from './media-fixtures';

/** Upload a video through tus (in one go) and return its asset id as the server answered it. */
export async function uploadVideo(t: TestApp, token: string, video: Buffer, filename = 'lesson.mp4', kind: 'video' | 'document' = 'video'): Promise<string> {
  const tus = tusClient(t.url, token);
  const c = await tus.create(video.length, { filename, filetype: kind === 'video' ? 'video/mp4' : 'application/pdf', kind });
  if (c.status !== 201) throw new Error(`tus create: ${c.status} ${c.body}`);
  const r = await tus.patch(c.location!, 0, video);
  if (r.status !== 204) throw new Error(`tus patch: ${r.status} ${r.body}`);
  return r.headers.get('xueshi-asset-id')!;
}

export async function waitForAsset(t: TestApp, assetId: string, status: 'ready' | 'failed', timeoutMs = 120_000) {
  return waitFor(
    `asset ${status}`,
    async () => {
      const [a] = await t.ds.query('SELECT * FROM media_assets WHERE id = $1', [assetId]);
      return a?.status === status ? a : null;
    },
    timeoutMs,
  );
}

/** A published elective course with one lesson (a video unless told), made through the API as people would. */
export async function publishedCourse(t: TestApp, assetId: string, title = '测试课程', kind: 'video' | 'document' = 'video') {
  const teacher = await t.login('teacher');
  const admin = await t.login('inst_admin');
  const cats = await t.call('GET', '/api/categories', { token: teacher });
  let c = await t.call('POST', '/api/courses', { token: teacher, body: { title, categoryId: cats.body.items[0].id } });
  const courseId = c.body.id as string;
  c = await t.call('POST', `/api/courses/${courseId}/lessons`, { token: teacher, body: { chapterId: c.body.chapters[0].id, title: '第一讲', kind, assetId } });
  const lessonId = c.body.chapters[0].lessons[0].id as string;
  for (const [token, path, body] of [
    [teacher, 'submit', undefined],
    [admin, 'review', { decision: 'approve' }],
    [admin, 'publish', undefined],
  ] as const) {
    const r = await t.call('POST', `/api/courses/${courseId}/${path}`, { token, body });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { courseId, lessonId };
}
