import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// s3rver: an S3-compatible server in Node, standing in for MinIO or a cloud bucket on this machine
import S3rver from 's3rver';
import { LocalStorage } from '../src/modules/media/storage/local-storage';
import { MediaStorage } from '../src/modules/media/storage/media-storage';
import { S3Storage } from '../src/modules/media/storage/s3-storage';
import { publishedCourse, uploadVideo, waitForAsset } from './course-fixtures';
import { startTestApp } from './harness';
import { makeVideo } from './media-fixtures';

const dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-storage-'));
let s3: { close(): Promise<void> };
let s3Port = 0;

beforeAll(async () => {
  const srv = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(dir, 's3'), configureBuckets: [{ name: 'media' }] });
  s3Port = (await srv.run()).port;
  s3 = srv;
});
afterAll(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

const s3Config = () => ({
  endpoint: `http://127.0.0.1:${s3Port}`, region: 'us-east-1', bucket: 'media', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true,
});

describe.each([
  ['a local folder', () => new LocalStorage(path.join(dir, 'local'))],
  ['S3-compatible storage', () => new S3Storage(s3Config())],
])('media storage in %s', (_name, make: () => MediaStorage) => {
  let s: MediaStorage;
  const src = path.join(dir, 'src.bin');
  beforeAll(() => {
    s = make();
    writeFileSync(src, Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251)));
  });

  it('stores files and buffers, reports sizes, and knows what is missing', async () => {
    await s.putFile('hls/a1/360p/seg_000.ts', src);
    await s.putBuffer('hls/a1/master.m3u8', Buffer.from('#EXTM3U\n'));
    expect(await s.size('hls/a1/360p/seg_000.ts')).toBe(5000);
    expect(await s.size('hls/a1/none.ts')).toBeNull();
    expect(await s.read('hls/a1/none.ts')).toBeNull();
  });

  it('reads whole objects and byte ranges', async () => {
    const whole = await s.read('hls/a1/360p/seg_000.ts');
    const chunks: Buffer[] = [];
    for await (const c of whole!.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(readFileSync(src));
    const part = await s.read('hls/a1/360p/seg_000.ts', { start: 100, end: 109 });
    const got: Buffer[] = [];
    for await (const c of part!.stream) got.push(c as Buffer);
    expect(part!.range).toEqual({ start: 100, end: 109 });
    expect([...Buffer.concat(got)]).toEqual([...readFileSync(src).subarray(100, 110)]);
  });

  it('downloads, lists under a prefix and deletes a prefix', async () => {
    const to = path.join(dir, `dl-${Math.random()}`);
    await s.download('hls/a1/master.m3u8', to);
    expect(readFileSync(to, 'utf8')).toBe('#EXTM3U\n');
    await s.putBuffer('hls/a2/master.m3u8', Buffer.from('x'));
    expect(await s.list('hls/a1/')).toEqual(['hls/a1/360p/seg_000.ts', 'hls/a1/master.m3u8']);
    await s.deletePrefix('hls/a1/');
    expect(await s.list('hls/a1/')).toEqual([]);
    expect(await s.list('hls/a2/')).toEqual(['hls/a2/master.m3u8']);
  });

  it('refuses keys that climb out of their root', async () => {
    await expect(s.putBuffer('../etc/passwd', Buffer.from('x'))).rejects.toThrow('invalid storage key');
    await expect(s.size('/abs/key')).rejects.toThrow('invalid storage key');
  });
});

describe('the whole pipeline on S3-compatible storage, by configuration only', () => {
  it('uploads, transcodes, publishes and streams with STORAGE_DRIVER=s3', async () => {
    const c = s3Config();
    const t = await startTestApp({
      worker: true,
      env: {
        STORAGE_DRIVER: 's3', S3_ENDPOINT: c.endpoint, S3_BUCKET: c.bucket, S3_ACCESS_KEY: c.accessKeyId, S3_SECRET_KEY: c.secretAccessKey,
        UPLOAD_DIR: path.join(dir, 'uploads'),
      },
    });
    try {
      const teacher = await t.login('teacher');
      const assetId = await uploadVideo(t, teacher, makeVideo('s3.mp4', 7));
      await waitForAsset(t, assetId, 'ready');
      const keys = await new S3Storage(c).list(`hls/${assetId}/`);
      expect(keys).toContain(`hls/${assetId}/master.m3u8`);
      expect(keys).toContain(`hls/${assetId}/360p/seg_000.ts`);
      const { courseId, lessonId } = await publishedCourse(t, assetId, 'S3 课程');
      const official = await t.login('official2');
      await t.call('POST', `/api/courses/${courseId}/enrol`, { token: official });
      const pb = await t.call('GET', `/api/lessons/${lessonId}/playback`, { token: official });
      const seg = await fetch(t.url + pb.body.url.replace('master.m3u8', '360p/seg_000.ts'), { headers: { authorization: `Bearer ${official}` } });
      expect(seg.status).toBe(200);
      expect((await seg.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    } finally {
      await t.close();
    }
  }, 120_000);
});
