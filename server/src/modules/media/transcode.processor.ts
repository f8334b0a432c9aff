import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { mkdir, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { JobName, JobPayloads } from '../../queue/queues';
import { FfmpegError, hlsArgs, judgeVideo, ladderFor, posterArgs, probe, runFfmpeg } from './ffmpeg';
import { MediaRepository } from './media.repository';
import { contentTypeOf, MediaStorage } from './storage/media-storage';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

/**
 * 转码: source → HLS ladder + poster, in a scratch folder; then the output goes to storage and
 * the asset turns ready in one conditional update. Safe to run twice and to be killed anywhere:
 * a rerun starts the scratch folder afresh and overwrites the same keys, and only one run can
 * make the asset ready.
 */
@Injectable()
export class TranscodeProcessor {
  private readonly log = new Logger('transcode');
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly media: MediaRepository,
    private readonly storage: MediaStorage,
  ) {}

  async process(job: Job<JobPayloads[JobName.Transcode]>): Promise<{ assetId: string; result: string }> {
    const { assetId } = job.data;
    const asset = await this.media.findById(assetId);
    if (!asset) return { assetId, result: 'gone' };
    if (asset.status === 'ready') return { assetId, result: 'already-ready' };
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const scratch = path.join(os.tmpdir(), 'xueshi-transcode', assetId);
    try {
      await rm(scratch, { recursive: true, force: true });
      await mkdir(path.join(scratch, 'out'), { recursive: true });
      await this.media.markProcessing(assetId, 0);
      await job.updateProgress(0);
      const src = path.join(scratch, 'source');
      if ((await this.storage.size(asset.sourceKey)) === null) {
        throw new UnrecoverableError('源文件不存在 / the source file is missing');
      }
      await this.storage.download(asset.sourceKey, src);
      const verdict = judgeVideo(await probe(this.env.FFPROBE_PATH, src), this.env.VIDEO_MAX_SECONDS);
      if (!verdict.ok) throw new UnrecoverableError(`${verdict.zh} / ${verdict.en}`);
      const ladder = ladderFor(verdict.height);
      let lastPct = -1;
      let lastWrite = 0;
      await runFfmpeg(this.env.FFMPEG_PATH, hlsArgs(src, path.join(scratch, 'out'), ladder, verdict.hasAudio), (seconds) => {
        const pct = Math.min(97, Math.floor((seconds / verdict.durationSeconds) * 100));
        const now = Date.now();
        if (pct > lastPct && now - lastWrite > 500) {
          lastPct = pct;
          lastWrite = now;
          void job.updateProgress(pct).catch(() => undefined);
          void this.media.markProcessing(assetId, pct).catch(() => undefined);
        }
      });
      await runFfmpeg(this.env.FFMPEG_PATH, posterArgs(src, path.join(scratch, 'out', 'poster.jpg'), verdict.durationSeconds));
      await this.media.markProcessing(assetId, 98);
      const prefix = `hls/${assetId}`;
      await this.storage.deletePrefix(prefix);
      const outDir = path.join(scratch, 'out');
      // playlists last: a reader that finds master.m3u8 finds everything it names
      const files = (await filesUnder(outDir)).sort((a, b) => Number(a.endsWith('.m3u8')) - Number(b.endsWith('.m3u8')));
      for (const f of files) {
        const rel = path.relative(outDir, f).split(path.sep).join('/');
        await this.storage.putFile(`${prefix}/${rel}`, f, contentTypeOf(rel));
      }
      const madeReady = await this.media.markReady(assetId, {
        durationSeconds: verdict.durationSeconds,
        width: verdict.width,
        height: verdict.height,
        renditions: ladder.map((r) => r.name),
        posterKey: `${prefix}/poster.jpg`,
        outputKey: prefix,
      });
      await job.updateProgress(100);
      this.log.log(`asset ${assetId} ${madeReady ? 'ready' : 'was already ready'}: ${ladder.map((r) => r.name).join(', ')}`);
      return { assetId, result: madeReady ? 'ready' : 'already-ready' };
    } catch (e) {
      // ffmpeg that exits with an error read a broken source; one killed by a signal may succeed next time
      const permanent = e instanceof UnrecoverableError || (e instanceof FfmpegError && e.exitCode !== null);
      const reason = e instanceof FfmpegError ? `转码失败 / transcoding failed: ${e.stderrTail}` : (e as Error).message;
      if (permanent || last) {
        await this.media.markFailed(assetId, reason);
        throw e instanceof UnrecoverableError ? e : new UnrecoverableError(reason);
      }
      throw e;
    } finally {
      await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
