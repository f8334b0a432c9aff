import { Module } from '@nestjs/common';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';
import { MediaUrls } from './media-url';
import { MediaStorage } from './storage/media-storage';
import { createStorage } from './storage/storage.provider';

/** Media records, storage and URL signing: shared by the api and the worker. */
@Module({
  providers: [
    MediaRepository,
    MediaService,
    { provide: MediaStorage, inject: [ENV], useFactory: (env: Env) => createStorage(env) },
    { provide: MediaUrls, inject: [ENV], useFactory: (env: Env) => new MediaUrls(env.JWT_SECRET) },
  ],
  exports: [MediaRepository, MediaService, MediaStorage, MediaUrls],
})
export class MediaModule {}
