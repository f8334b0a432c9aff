import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { uploadVideo, waitForAsset } from './course-fixtures';
import { startTestApp, TestApp } from './harness';
import { makeDamagedVideo, makeVideo, waitFor } from './media-fixtures';

const WORKER = path.resolve(__dirname, '../dist/server/src/worker.js');

describe('transcoding in the worker process', () => {
  let t: TestApp;
  let dir: string;
  let teacher: string;
  const workers: ChildProcess[] = [];
  const startWorker = () => {
    const w = spawn(process.execPath, [WORKER], { env: { ...process.env }, stdio: 'ignore' });
    workers.push(w);
    return w;
  };
  const files = (prefix: string) => {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out.push(path.relative(path.join(dir, 'media'), p));
      }
    };
    try {
      walk(path.join(dir, 'media', prefix));
    } catch {
      // nothing there
    }
    return out.sort();
  };
  const queue = () => new Queue('media', { connection: { url: process.env.TEST_REDIS_URL! }, prefix: t.redisPrefix });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-tc-'));
    // the api runs here; workers are separate processes that the tests start and kill
    t = await startTestApp({
      env: { MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'), TRANSCODE_LOCK_MS: '6000', LOG_LEVEL: 'warn' },
    });
    teacher = await t.login('teacher');
  });
  afterEach(() => {
    for (const w of workers.splice(0)) w.kill('SIGKILL');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes an asset exactly once when the worker is killed mid-transcode and started again', async () => {
    const assetId = await uploadVideo(t, teacher, makeVideo('long.mp4', 48, '1280x720'), 'long.mp4');
    const first = startWorker();
    await waitFor('transcoding under way', async () => {
      const [a] = await t.ds.query('SELECT status, progress FROM media_assets WHERE id = $1', [assetId]);
      return a.status === 'processing' && a.progress >= 5;
    });
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const [midway] = await t.ds.query('SELECT status FROM media_assets WHERE id = $1', [assetId]);
    expect(midway.status).toBe('processing');
    startWorker();
    const ready = await waitForAsset(t, assetId, 'ready');
    expect(ready.renditions).toEqual(['360p', '720p']);
    // one complete, correct output: a master, two variants, 8 segments each (48 s / 6 s), a poster
    const out = files(`hls/${assetId}`);
    expect(out.filter((f) => f.endsWith('master.m3u8'))).toHaveLength(1);
    expect(out.filter((f) => f.includes('/360p/seg_'))).toHaveLength(8);
    expect(out.filter((f) => f.includes('/720p/seg_'))).toHaveLength(8);
    expect(out.filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(out).toContain(`hls/${assetId}/poster.jpg`);
    // the job ended completed, by the run that made the asset ready
    const q = queue();
    // the asset is marked ready a moment before the job is moved to completed; and a job read before
    // that move keeps its old fields: read the state first, then the job (completed is final)
    const completed = (id: string) => async () => ((await q.getJobState(id)) === 'completed' ? q.getJob(id) : undefined);
    const job = await waitFor('first run completed', completed(`transcode-${assetId}`));
    expect(job!.returnvalue).toEqual({ assetId, result: 'ready' });

    // running the same job again changes nothing
    const readyAt = ready.ready_at;
    await job!.remove();
    await q.add('transcode', { assetId }, { jobId: `transcode-${assetId}` });
    const again = await waitFor('second run', completed(`transcode-${assetId}`));
    expect(again.returnvalue).toEqual({ assetId, result: 'already-ready' });
    const [after] = await t.ds.query('SELECT ready_at FROM media_assets WHERE id = $1', [assetId]);
    expect(after.ready_at).toEqual(readyAt);
    expect(files(`hls/${assetId}`)).toEqual(out);
    await q.close();
  }, 180_000);

  it('ends a damaged source in "failed" with ffmpeg\'s reason, without retrying', async () => {
    const assetId = await uploadVideo(t, teacher, makeDamagedVideo('damaged.mp4', 6), 'damaged.mp4');
    startWorker();
    const failed = await waitForAsset(t, assetId, 'failed');
    expect(failed.failure_reason).toMatch(/^转码失败 \/ transcoding failed: /);
    const q = queue();
    // the asset is marked failed a moment before BullMQ moves the job to its failed set
    const job = await waitFor('job failed', async () => {
      const j = await q.getJob(`transcode-${assetId}`);
      return j && (await j.getState()) === 'failed' && j;
    });
    expect(job.attemptsMade).toBe(1);
    await q.close();
    const teacherView = await t.call('GET', `/api/media/${assetId}`, { token: teacher });
    expect(teacherView.body).toMatchObject({ status: 'failed' });
    expect(teacherView.body.failureReason).toContain('transcoding failed');
  }, 120_000);
});

