import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePdf } from '../src/modules/media/pdf';
import { publishedCourse, uploadVideo } from './course-fixtures';
import { officials } from './factories';
import { startTestApp, TestApp } from './harness';
import { waitFor } from './media-fixtures';
import { sleep, Viewer } from './viewer';

/**
 * HEARTBEAT_FLUSH_DELAY_MS: a live session's beats wait up to the delay and are then flushed
 * together (one claim for all of them); a session that ends is flushed at the next pass.
 */
describe('the flush delay: live sessions wait, ended ones go at once', () => {
  let t: TestApp;
  let dir: string;
  let course: { courseId: string; lessonId: string };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-delay-'));
    t = await startTestApp({
      worker: true,
      env: { MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'), HEARTBEAT_FLUSH_MS: '200', HEARTBEAT_FLUSH_DELAY_MS: '60000' },
    });
    await t.ds.query(`INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1)`, [
      JSON.stringify({ heartbeatIntervalSeconds: 1, attentionMeanMinutes: 0, documentMinSecondsPerPage: 5 }),
    ]);
    const teacher = await t.login('teacher');
    const assetId = await uploadVideo(t, teacher, makePdf(['Delay']), 'delay.pdf', 'document');
    course = await publishedCourse(t, assetId, '延迟结算课', 'document');
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('credits an ended session at the next pass while a live one waits for its delay', async () => {
    const [a, b] = await officials(t, 2, course.courseId);
    const live = new Viewer(t, a.token, course.lessonId);
    const ending = new Viewer(t, b.token, course.lessonId);
    for (const v of [live, ending]) {
      await v.start();
      await v.fetchDocument();
    }
    await sleep(1100);
    const before = Date.now();
    await live.beat({ position: 1, ranges: [[0, 1]] });
    await ending.beat({ position: 1, ranges: [[0, 1]] });
    await ending.beat({ position: 1, ended: true });
    const verified = async (sid: string) => Number((await t.ds.query('SELECT verified_seconds FROM play_sessions WHERE id = $1', [sid]))[0].verified_seconds);
    await waitFor('the ended session flushed', async () => (await verified(ending.sessionId)) > 0.9, 20_000);
    // several passes later the live one is still waiting, due a delay after its first beat
    await sleep(1000);
    expect(await verified(live.sessionId)).toBe(0);
    const { default: Redis } = await import('ioredis');
    const r = new Redis(process.env.TEST_REDIS_URL!);
    const score = Number(await r.zscore(`${t.redisPrefix}:ps-dirty`, live.sessionId));
    // the fetched-segments bitmap expires with the session (it used to stay for ever)
    expect(await r.ttl(`${t.redisPrefix}:seg:${live.sessionId}`)).toBeGreaterThan(86400);
    r.disconnect();
    expect(score).toBeGreaterThanOrEqual(before + 60_000 - 50);
    expect(score).toBeLessThanOrEqual(Date.now() + 60_000);
    // the official's own figure does not wait: the heartbeat answer carries it
    const again = await live.beat({ position: 1, ranges: [] });
    expect(again.body.sessionVerifiedSeconds).toBeGreaterThan(0.9);
  }, 40_000);
});
