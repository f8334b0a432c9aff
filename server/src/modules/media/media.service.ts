import { Inject, Injectable } from '@nestjs/common';
import type { LessonKind, MediaAssetView } from '@xueshi/shared';
import { open } from 'node:fs/promises';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { AppError, forbidden, notFound } from '../../common/errors';
import type { Principal } from '../../common/request';
import { JobQueue } from '../../queue/job-queue.service';
import { JobName } from '../../queue/queues';
import { judgeVideo, probe } from './ffmpeg';
import { MediaRepository } from './media.repository';
import { inspectPdf } from './pdf';
import { PolicyService } from '../policy/policy.service';
import { toMediaView } from './media-view';
import { MediaStorage } from './storage/media-storage';

export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-120) || 'upload';

async function startsWith(file: string, magic: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await fh.read(buf, 0, 1024, 0);
    return buf.subarray(0, bytesRead).includes(Buffer.from(magic));
  } finally {
    await fh.close();
  }
}

@Injectable()
export class MediaService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly media: MediaRepository,
    private readonly storage: MediaStorage,
    private readonly jobs: JobQueue,
    private readonly policy: PolicyService,
  ) {}

  /**
   * A tus upload has arrived whole: judge it by content, copy it into storage, record the asset,
   * and queue its transcoding. Throws UploadRefused for a file that is not acceptable; the caller
   * removes the upload then, and after success (after any other failure it stays for a retry).
   */
  async acceptUpload(u: { uploadId: string; file: string; ownerId: string; kind: LessonKind; filename: string; size: number }): Promise<MediaAssetView> {
    const done = await this.media.findByUploadId(u.uploadId);
    if (done && done.sourceKey !== 'pending' && done.sourceKey !== '') return toMediaView(done);
    if (u.kind === 'document') {
      if (!(await startsWith(u.file, '%PDF-'))) {
        throw new UploadRefused(415, '文档须为 PDF 文件', 'Documents must be PDF files');
      }
      const pdf = await inspectPdf(this.env.PDFINFO_PATH, u.file);
      if (!pdf.ok) throw new UploadRefused(422, pdf.zh, pdf.en);
      const asset = await this.media.insertForUpload({
        uploadId: u.uploadId, ownerId: u.ownerId, kind: 'document', status: 'queued', originalName: u.filename, sizeBytes: u.size, sourceKey: '',
        pageCount: pdf.pageCount,
      });
      const key = `documents/${asset.id}/document.pdf`;
      await this.storage.putFile(key, u.file, 'application/pdf');
      await this.media.setSourceKey(asset.id, key);
      // a document's position axis, fixed at upload so that coverage keeps its meaning: each page
      // is one stretch of the policy's minimum reading time
      const perPage = (await this.policy.forYear()).documentMinSecondsPerPage;
      await this.media.markReady(asset.id, { durationSeconds: pdf.pageCount * perPage, width: 0, height: 0, renditions: [], posterKey: '', outputKey: key });
      return toMediaView((await this.media.findById(asset.id))!);
    }
    const verdict = judgeVideo(await probe(this.env.FFPROBE_PATH, u.file), this.env.VIDEO_MAX_SECONDS);
    if (!verdict.ok) throw new UploadRefused(verdict.reason === 'too_long' ? 422 : 415, verdict.zh, verdict.en);
    const asset = await this.media.insertForUpload({
      uploadId: u.uploadId, ownerId: u.ownerId, kind: 'video', status: 'queued', originalName: u.filename, sizeBytes: u.size,
      sourceKey: 'pending', durationSeconds: verdict.durationSeconds, width: verdict.width, height: verdict.height,
    });
    const sourceKey = `sources/${asset.id}/${safeName(u.filename)}`;
    await this.storage.putFile(sourceKey, u.file);
    await this.media.setSourceKey(asset.id, sourceKey);
    await this.jobs.add(JobName.Transcode, { assetId: asset.id });
    return toMediaView((await this.media.findById(asset.id))!);
  }

  /** Authors see their own uploads; institution and system admins see all (they review). */
  async get(p: Principal, id: string): Promise<MediaAssetView> {
    const a = await this.media.findById(id);
    if (!a) throw notFound({ zh: '媒体文件不存在', en: 'No such media' });
    if (p.role === 'instructor' && a.ownerId !== p.userId) throw forbidden();
    return toMediaView(a);
  }

  async byUpload(p: Principal, uploadId: string): Promise<MediaAssetView> {
    const a = await this.media.findByUploadId(uploadId);
    if (!a) throw new AppError('NOT_FOUND', { zh: '上传尚未完成或已被拒绝', en: 'The upload has not finished or was refused' }, 'uploadId');
    if (a.ownerId !== p.userId && p.role === 'instructor') throw forbidden();
    return toMediaView(a);
  }
}
