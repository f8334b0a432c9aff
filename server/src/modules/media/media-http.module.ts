import { Module } from '@nestjs/common';
import { MediaController } from './media.controller';
import { MediaModule } from './media.module';
import { StreamGateway } from './stream.gateway';
import { UploadsGateway } from './uploads.gateway';

/** The api side of media: tus uploads, signed streaming, media status. */
@Module({ imports: [MediaModule], controllers: [MediaController], providers: [UploadsGateway, StreamGateway] })
export class MediaHttpModule {}
