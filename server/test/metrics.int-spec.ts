import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePdf } from '../src/modules/media/pdf';
import { publishedCourse, uploadVideo } from './course-fixtures';
import { officials } from './factories';
import { startTestApp, TestApp } from './harness';
import { waitFor } from './media-fixtures';
import { settled, sleep, Viewer } from './viewer';

const TOKEN = 'metrics-token-0123456789abcdef';

/** Prometheus metrics: request rate and latency, heartbeats by outcome and reason, queues, the crediting backlog, credit written. */
describe('metrics', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-metrics-'));
    t = await startTestApp({ worker: true, env: { MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'), HEARTBEAT_FLUSH_MS: '200', METRICS_TOKEN: TOKEN } });
    await t.ds.query(`INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1)`, [
      JSON.stringify({ heartbeatIntervalSeconds: 1, attentionMeanMinutes: 0, documentMinSecondsPerPage: 1 }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const scrape = async (token = TOKEN) => fetch(`${t.url}/api/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(series + ' '));
    return line ? Number(line.slice(series.length + 1)) : undefined;
  };

  it('answers only a scraper with the token', async () => {
    expect((await scrape('')).status).toBe(401);
    expect((await scrape('wrong-token-0123456789abcdef')).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
  });

  it('counts requests, heartbeats by outcome and reason, uncounted time, the backlog, flushes and credit', async () => {
    const teacher = await t.login('teacher');
    const assetId = await uploadVideo(t, teacher, makePdf(['Metrics']), 'm.pdf', 'document');
    const course = await publishedCourse(t, assetId, '指标课程', 'document');
    const [o] = await officials(t, 1, course.courseId);
    const v = new Viewer(t, o.token, course.lessonId);
    await v.start();
    await v.fetchDocument();
    await sleep(1100);
    await v.beat({ position: 1, ranges: [[0, 1]] });
    await v.beat({ position: 1, seq: 1 });
    await sleep(600);
    await v.beat({ position: 1, paused: true });
    await v.beat({ position: 1, ended: true });
    await settled(t);
    const text = await waitFor('the ledger entry counted', async () => {
      const body = await (await scrape()).text();
      return (value(body, 'xueshi_credit_ledger_entries_total') ?? 0) >= 1 && body;
    });
    expect(text).toMatch(/xueshi_http_requests_total\{method="POST",route="\/api\/play\/heartbeat",status="200"\} 4/);
    expect(text).toMatch(/xueshi_http_request_duration_seconds_bucket\{le="[^"]+",method="POST",route="\/api\/play\/heartbeat"\}/);
    expect(value(text, 'xueshi_heartbeats_total{outcome="accepted",reason=""}')).toBe(3);
    // the duplicate of seq 1 is acknowledged without effect; nothing was rejected
    expect(text).not.toMatch(/outcome="rejected"/);
    expect(value(text, 'xueshi_uncounted_seconds_total{reason="paused"}')).toBeGreaterThan(0.3);
    expect(value(text, 'xueshi_credit_backlog_sessions')).toBe(0);
    expect(value(text, 'xueshi_credit_lag_seconds')).toBe(0);
    expect(value(text, 'xueshi_credit_sessions_flushed_total')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'xueshi_credit_beats_flushed_total')).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/xueshi_queue_jobs\{queue="media",state="failed"\} 0/);
    // a beat for a session that ended is rejected, with its reason
    await v.beat({ position: 1 });
    expect(value(await (await scrape()).text(), 'xueshi_heartbeats_total{outcome="rejected",reason="session_ended"}')).toBe(1);
  }, 60_000);
});
