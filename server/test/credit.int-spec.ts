import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { publishedCourse, uploadVideo, waitForAsset } from './course-fixtures';
import { evaluate } from './factories';
import { startTestApp, TestApp } from './harness';
import { makeVideo } from './media-fixtures';
import { lessonProgress, settled, sleep, Viewer } from './viewer';

describe('credit: honest watching earns its time, once', () => {
  let t: TestApp;
  let dir: string;
  let course: { courseId: string; lessonId: string };
  let official: string;
  let officialId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-credit-'));
    t = await startTestApp({ worker: true, env: { MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'), HEARTBEAT_FLUSH_MS: '300' } });
    await t.ds.query(`INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1)`, [
      JSON.stringify({ heartbeatIntervalSeconds: 1, attentionMeanMinutes: 0 }),
    ]);
    const teacher = await t.login('teacher');
    const assetId = await uploadVideo(t, teacher, makeVideo('twelve.mp4', 12));
    await waitForAsset(t, assetId, 'ready');
    course = await publishedCourse(t, assetId, '学时测试课');
    official = await t.login('official');
    officialId = (await t.call('GET', '/api/me', { token: official })).body.id;
    await t.call('POST', `/api/courses/${course.courseId}/enrol`, { token: official });
    await evaluate(t, official, course.courseId);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plays a lesson to the end at 1×: coverage, verified seconds, completion, one ledger entry', async () => {
    const v = new Viewer(t, official, course.lessonId);
    const s = await v.start();
    expect(s).toMatchObject({ heartbeatIntervalSeconds: 1, maxCreditedRate: 1, resumePosition: 0 });
    // the session sets the media cookie: the poster loads without an Authorization header
    const started = await t.call('POST', `/api/lessons/${course.lessonId}/sessions`, { token: official });
    const cookie = started.headers.get('set-cookie')!.split(';')[0];
    expect((await fetch(t.url + started.body.posterUrl, { headers: { cookie } })).status).toBe(200);
    await v.start();
    await v.fetch();
    const pos = await v.play(0, v.duration, 1000);
    const last = await v.beat({ position: pos, ended: true });
    expect(last.body).toMatchObject({ accepted: 1, ended: true });
    // an answer to a beat after the end still reports the session's verified seconds
    const after = await v.beat({ position: pos });
    expect(after.body.rejected).toEqual([{ seq: v.seq, reason: 'session_ended' }]);
    expect(after.body.sessionVerifiedSeconds).toBe(last.body.sessionVerifiedSeconds);
    await settled(t);
    const p = await lessonProgress(t, officialId, course.lessonId);
    expect(p.covered).toBeCloseTo(v.duration, 0);
    expect(p.verified).toBeGreaterThanOrEqual(v.duration - 1.5);
    expect(p.verified).toBeLessThanOrEqual(v.duration + 0.5);
    expect(p.completed_at).not.toBeNull();
    const ledger = await t.ds.query('SELECT * FROM credit_ledger WHERE user_id = $1', [officialId]);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ kind: 'course', course_id: course.courseId, seq: 1 });
    expect(ledger[0].evidence.lessons[0].sessions).toEqual([v.sessionId]);
    const mine = await t.call('GET', '/api/my/progress', { token: official });
    expect(mine.body.courses.find((c: { courseId: string }) => c.courseId === course.courseId)).toMatchObject({ credited: true, lessonsCompleted: 1 });
    const credit = await t.call('GET', `/api/lessons/${course.lessonId}/credit`, { token: official });
    expect(credit.body.completed).toBe(true);
    // newest first: the one played to the end, then the two it took over while starting
    expect(credit.body.sessions.map((x: { endReason: string }) => x.endReason)).toEqual(['ended', 'taken_over', 'taken_over']);
    expect(credit.body.sessions[0].id).toBe(v.sessionId);
    // a second session over the same lesson adds no second credit
    const again = new Viewer(t, official, course.lessonId);
    const s2 = await again.start();
    expect(s2.resumePosition).toBeCloseTo(v.duration, 0);
    await again.fetch();
    await again.play(0, 3, 1000);
    await settled(t);
    expect(await t.ds.query('SELECT count(*)::int AS n FROM credit_ledger WHERE user_id = $1', [officialId])).toEqual([{ n: 1 }]);
  }, 60_000);

  it('I4: an unanswered attention check stops crediting and then the session; an answered one lets it go on', async () => {
    await t.ds.query(`UPDATE policy_versions SET settings = settings || $1::jsonb`, [JSON.stringify({ attentionMeanMinutes: 0.0005, attentionTimeoutSeconds: 2 })]);
    try {
      const v = new Viewer(t, official, course.lessonId);
      const s = await v.start();
      expect(s.attentionTimeoutSeconds).toBe(2);
      await v.fetch();
      await sleep(1000);
      const first = await v.beat({ position: 1, ranges: [[0, 1]] });
      expect(first.body.attention).not.toBeNull();
      await sleep(1000);
      const waiting = await v.beat({ position: 1, paused: false, ranges: [[1, 2]] });
      expect(waiting.body.uncounted.attention).toBeGreaterThan(0.5);
      await sleep(1500);
      const late = await v.beat({ position: 2, ranges: [[2, 3]] });
      expect(late.body).toMatchObject({ ended: true, rejected: [{ reason: 'attention' }] });
      const tooLate = await t.call('POST', '/api/play/attention', { token: official, body: { sessionId: v.sessionId, attentionId: first.body.attention.id } });
      expect(tooLate.status).toBe(409);

      // answered in time, watching goes on and is credited
      const w = new Viewer(t, official, course.lessonId);
      await w.start();
      await w.fetch();
      await sleep(1000);
      const asked = await w.beat({ position: 1, ranges: [[0, 1]] });
      const ok = await t.call('POST', '/api/play/attention', { token: official, body: { sessionId: w.sessionId, attentionId: asked.body.attention.id } });
      expect(ok.body).toEqual({ ok: true });
      await sleep(1000);
      const after = await w.beat({ position: 2, ranges: [[1, 2]] });
      expect(after.body.rejected).toEqual([]);
      expect(after.body.uncounted.attention ?? 0).toBeLessThan(0.1);
      await settled(t);
      const [row] = await t.ds.query('SELECT verified_seconds::float AS v, uncounted FROM play_sessions WHERE id = $1', [v.sessionId]);
      expect(row.uncounted.attention).toBeGreaterThan(0.5);
      expect(row.v).toBeLessThanOrEqual(1.1);
    } finally {
      await t.ds.query(`UPDATE policy_versions SET settings = settings || $1::jsonb`, [JSON.stringify({ attentionMeanMinutes: 0 })]);
    }
  }, 60_000);
});
