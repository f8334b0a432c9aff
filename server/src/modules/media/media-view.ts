import type { MediaAssetView } from '@xueshi/shared';
import type { MediaAssetEntity } from './media-asset.entity';

export function toMediaView(a: MediaAssetEntity): MediaAssetView {
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    progress: a.progress,
    originalName: a.originalName,
    sizeBytes: a.sizeBytes,
    durationSeconds: a.durationSeconds,
    pageCount: a.pageCount ?? null,
    width: a.width,
    height: a.height,
    renditions: a.renditions ?? [],
    failureReason: a.failureReason,
    createdAt: a.createdAt.toISOString(),
  };
}
