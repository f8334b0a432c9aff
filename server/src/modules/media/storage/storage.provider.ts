import path from 'node:path';
import type { Env } from '../../../config/env';
import { LocalStorage } from './local-storage';
import { MediaStorage } from './media-storage';
import { S3Storage } from './s3-storage';

/** The storage the configuration asks for. */
export function createStorage(env: Env): MediaStorage {
  if (env.STORAGE_DRIVER === 's3') {
    return new S3Storage({
      endpoint: env.S3_ENDPOINT!,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET!,
      accessKeyId: env.S3_ACCESS_KEY!,
      secretAccessKey: env.S3_SECRET_KEY!,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalStorage(path.resolve(env.MEDIA_DIR));
}
