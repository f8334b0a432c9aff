import { Controller, Inject, Param } from '@nestjs/common';
import { routes, UploadLimits } from '@xueshi/shared';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { MediaService } from './media.service';
import { TUS_PATH } from './uploads.gateway';

@Controller()
export class MediaController {
  constructor(
    private readonly media: MediaService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Route(routes.uploadLimits)
  limits(): UploadLimits {
    return {
      videoMaxBytes: this.env.VIDEO_MAX_BYTES,
      documentMaxBytes: this.env.DOCUMENT_MAX_BYTES,
      videoMaxSeconds: this.env.VIDEO_MAX_SECONDS,
      tusEndpoint: TUS_PATH,
    };
  }

  @Route(routes.mediaByUpload)
  byUpload(@CurrentPrincipal() p: Principal, @Param('uploadId') uploadId: string) {
    return this.media.byUpload(p, uploadId);
  }

  @Route(routes.getMedia)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.media.get(p, id);
  }
}
