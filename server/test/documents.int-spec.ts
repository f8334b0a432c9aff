import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePdf } from '../src/modules/media/pdf';
import { publishedCourse, uploadVideo } from './course-fixtures';
import { evaluate } from './factories';
import { startTestApp, TestApp } from './harness';
import { tusClient } from './media-fixtures';
import { lessonProgress, settled, sleep, Viewer } from './viewer';

const PER_PAGE = 2;
const PAGES = 3;

/**
 * Document lessons (PDF courseware) by the credit rules of video: never for merely opening, only
 * for time with the page shown, visible and in focus, each page for at least the policy's
 * minimum; one clock; only for a document the session really loaded.
 */
describe('documents: a PDF lesson earns credit by reading, page by page', () => {
  let t: TestApp;
  let dir: string;
  let course: { courseId: string; lessonId: string };
  let assetId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-doc-'));
    t = await startTestApp({ worker: true, env: { MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'), HEARTBEAT_FLUSH_MS: '300' } });
    await t.ds.query(`INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1)`, [
      JSON.stringify({ heartbeatIntervalSeconds: 1, attentionMeanMinutes: 0, documentMinSecondsPerPage: PER_PAGE }),
    ]);
    const teacher = await t.login('teacher');
    assetId = await uploadVideo(t, teacher, makePdf(['Rule of law', 'Administrative licensing', 'Review']), '依法行政.pdf', 'document');
    course = await publishedCourse(t, assetId, '文档学时课', 'document');
    for (const who of ['official', 'official2', 'official3']) {
      const token = await t.login(who);
      await t.call('POST', `/api/courses/${course.courseId}/enrol`, { token });
      await evaluate(t, token, course.courseId);
    }
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sessionVerified = async (sid: string) => {
    await settled(t);
    const [s] = await t.ds.query('SELECT verified_seconds::float AS v, uncounted FROM play_sessions WHERE id = $1', [sid]);
    return s as { v: number; uncounted: Record<string, number> };
  };
  const userId = async (token: string) => (await t.call('GET', '/api/me', { token })).body.id as string;

  it('reads the pages at upload: the axis is pages × the minimum per page, fixed then', async () => {
    const [a] = await t.ds.query('SELECT status, page_count, duration_seconds::float AS d FROM media_assets WHERE id = $1', [assetId]);
    expect(a).toEqual({ status: 'ready', page_count: PAGES, d: PAGES * PER_PAGE });
    const official = await t.login('official');
    const s = await new Viewer(t, official, course.lessonId).start();
    expect(s.document).toEqual({ pageCount: PAGES, secondsPerPage: PER_PAGE });
    expect(s.durationSeconds).toBe(PAGES * PER_PAGE);
    expect(s.url).toMatch(/\/document\.pdf$/);
    expect(s.posterUrl).toBeNull();
    const pb = await t.call('GET', `/api/lessons/${course.lessonId}/playback`, { token: official });
    expect(pb.body).toMatchObject({ kind: 'document', pageCount: PAGES });
  });

  it('refuses a damaged PDF at upload with its reason, keeping nothing', async () => {
    const teacher = await t.login('teacher');
    const before = (await t.ds.query('SELECT count(*)::int AS n FROM media_assets'))[0].n;
    const tus = tusClient(t.url, teacher);
    const bad = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const c = await tus.create(bad.length, { filename: 'broken.pdf', filetype: 'application/pdf', kind: 'document' });
    const r = await tus.patch(c.location!, 0, bad);
    expect(r.status).toBe(422);
    expect(r.body).toContain('PDF 文件已损坏');
    expect((await t.ds.query('SELECT count(*)::int AS n FROM media_assets'))[0].n).toBe(before);
    expect(readdirSync(path.join(dir, 'uploads')).filter((f) => !f.endsWith('.json'))).toHaveLength(0);
  });

  it('an honest reader who shows each page for its minimum completes the lesson and is credited once', async () => {
    const token = await t.login('official');
    const v = new Viewer(t, token, course.lessonId);
    await v.start();
    const pdf = await v.fetchDocument('bytes=0-1023');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // page by page, a beat a second, each reporting the reading time of its window on the axis
    let pos = 0;
    let last = Date.now();
    while (pos < PAGES * PER_PAGE - 0.01) {
      await sleep(1000);
      const now = Date.now();
      const next = Math.min(PAGES * PER_PAGE, pos + (now - last) / 1000);
      const r = await v.beat({ position: next, ranges: [[pos, next]] });
      expect(r.body.accepted).toBe(1);
      pos = next;
      last = now;
    }
    await v.beat({ position: pos, ended: true });
    const s = await sessionVerified(v.sessionId);
    expect(s.v).toBeGreaterThanOrEqual(PAGES * PER_PAGE - 1);
    const uid = await userId(token);
    const p = await lessonProgress(t, uid, course.lessonId);
    expect(p.covered).toBeCloseTo(PAGES * PER_PAGE, 0);
    expect(p.completed_at).not.toBeNull();
    const ledger = await t.ds.query('SELECT course_id, evidence FROM credit_ledger WHERE user_id = $1', [uid]);
    expect(ledger).toHaveLength(1);
    expect(ledger[0].course_id).toBe(course.courseId);
    // lingering on the read pages earns nothing more, and says why
    const again = new Viewer(t, token, course.lessonId);
    await again.start();
    await again.fetchDocument();
    await sleep(1200);
    const linger = await again.beat({ position: PAGES * PER_PAGE, ranges: [] });
    expect(linger.body.uncounted.no_progress).toBeGreaterThan(0.9);
    await settled(t);
    expect(await t.ds.query('SELECT count(*)::int AS n FROM credit_ledger WHERE user_id = $1', [uid])).toEqual([{ n: 1 }]);
  }, 60_000);

  it('merely opening the document earns nothing', async () => {
    const token = await t.login('official2');
    const v = new Viewer(t, token, course.lessonId);
    await v.start();
    await v.fetchDocument();
    await sleep(1600);
    // the page is open, nothing new shown: a client reports no ranges
    const r = await v.beat({ position: 0, ranges: [] });
    expect(r.body.sessionVerifiedSeconds).toBe(0);
    const s = await sessionVerified(v.sessionId);
    expect(s.v).toBe(0);
    expect(s.uncounted.no_progress).toBeGreaterThan(1.4);
  }, 30_000);

  it('flipping through all pages in a second earns at most that second', async () => {
    const token = await t.login('official2');
    const v = new Viewer(t, token, course.lessonId);
    await v.start();
    await v.fetchDocument();
    await sleep(1000);
    const r = await v.beat({ position: PAGES * PER_PAGE, ranges: [[0, PAGES * PER_PAGE]] });
    expect(r.body.accepted).toBe(1);
    const s = await sessionVerified(v.sessionId);
    expect(s.v).toBeLessThanOrEqual(1.4);
    // the pages claimed are cut to what the second allowed: page 1's start, not the document
    const [row] = await t.ds.query('SELECT (SELECT coalesce(sum(upper(r) - lower(r)), 0) FROM unnest(covered) r)::float AS c FROM play_sessions WHERE id = $1', [v.sessionId]);
    expect(row.c).toBeLessThanOrEqual(1.4);
    const p = await lessonProgress(t, await userId(token), course.lessonId);
    expect(p.completed_at).toBeNull();
  }, 30_000);

  it('reading with the window hidden or out of focus earns nothing', async () => {
    const token = await t.login('official3');
    const v = new Viewer(t, token, course.lessonId);
    await v.start();
    await v.fetchDocument();
    await sleep(1100);
    const r = await v.beat({ position: 1, ranges: [[0, 1]], visible: false });
    expect(r.body.uncounted.hidden).toBeGreaterThan(0.9);
    const s = await sessionVerified(v.sessionId);
    expect(s.v).toBe(0);
  }, 30_000);

  it('beats for a document the session never loaded earn nothing (not_fetched)', async () => {
    const token = await t.login('official3');
    const v = new Viewer(t, token, course.lessonId);
    await v.start();
    await sleep(1100);
    const r = await v.beat({ position: 1, ranges: [[0, 1]] });
    expect(r.body.sessionVerifiedSeconds).toBeGreaterThan(0.9);
    const s = await sessionVerified(v.sessionId);
    expect(s.v).toBe(0);
    expect(s.uncounted.not_fetched).toBeGreaterThan(0.9);
  }, 30_000);

  it('one clock across devices: two devices reading at once never earn more than the time that passed', async () => {
    const token = await t.login('official3');
    const uid = await userId(token);
    const [{ v: before }] = await t.ds.query('SELECT coalesce(sum(verified_seconds), 0)::float AS v FROM play_sessions WHERE user_id = $1', [uid]);
    const a = new Viewer(t, token, course.lessonId);
    const b = new Viewer(t, token, course.lessonId);
    await a.start();
    await a.fetchDocument();
    await b.start(); // takes a over (I1)
    await b.fetchDocument();
    const t0 = Date.now();
    await sleep(2100);
    const ra = await a.beat({ position: 2, ranges: [[0, 2]] });
    expect(ra.body.takenOver).toBe(true);
    const rb = await b.beat({ position: 2, ranges: [[0, 2]] });
    expect(rb.body.accepted).toBe(1);
    const elapsed = (Date.now() - t0) / 1000;
    await settled(t);
    const [{ v: after }] = await t.ds.query('SELECT coalesce(sum(verified_seconds), 0)::float AS v FROM play_sessions WHERE user_id = $1', [uid]);
    expect(after - before).toBeGreaterThan(1.5);
    expect(after - before).toBeLessThanOrEqual(elapsed + 0.5);
  }, 30_000);
});
