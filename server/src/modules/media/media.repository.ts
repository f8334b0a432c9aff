import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MediaAssetEntity } from './media-asset.entity';

@Injectable()
export class MediaRepository {
  constructor(private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(MediaAssetEntity);
  }

  findById(id: string): Promise<MediaAssetEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  findByUploadId(uploadId: string): Promise<MediaAssetEntity | null> {
    return this.repo.findOne({ where: { uploadId } });
  }

  /** Create the asset of a finished upload once, whatever the number of calls. */
  async insertForUpload(a: Partial<MediaAssetEntity> & { uploadId: string }): Promise<MediaAssetEntity> {
    await this.repo.createQueryBuilder().insert().values(a).orIgnore().execute();
    return (await this.findByUploadId(a.uploadId))!;
  }

  async insert(a: Partial<MediaAssetEntity>): Promise<MediaAssetEntity> {
    const res = await this.repo.insert(a);
    return (await this.findById(res.identifiers[0].id))!;
  }

  /** processing, with progress; never moves a finished asset back */
  async markProcessing(id: string, progress: number): Promise<void> {
    await this.ds.query(
      `UPDATE media_assets SET status = 'processing', progress = $2, updated_at = now() WHERE id = $1 AND status IN ('queued', 'processing')`,
      [id, progress],
    );
  }

  /** ready, exactly once: true only for the call that made it ready */
  async markReady(id: string, v: { durationSeconds: number; width: number; height: number; renditions: string[]; posterKey: string; outputKey: string }): Promise<boolean> {
    const [, n] = await this.ds.query(
      `UPDATE media_assets SET status = 'ready', progress = 100, duration_seconds = $2, width = $3, height = $4,
              renditions = $5::jsonb, poster_key = $6, output_key = $7, failure_reason = NULL, ready_at = now(), updated_at = now()
        WHERE id = $1 AND status <> 'ready'`,
      [id, v.durationSeconds, v.width, v.height, JSON.stringify(v.renditions), v.posterKey, v.outputKey],
    );
    return n === 1;
  }

  async setSourceKey(id: string, sourceKey: string): Promise<void> {
    await this.repo.update({ id }, { sourceKey });
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.ds.query(`UPDATE media_assets SET status = 'failed', failure_reason = $2, updated_at = now() WHERE id = $1 AND status <> 'ready'`, [
      id,
      reason.slice(0, 2000),
    ]);
  }
}
