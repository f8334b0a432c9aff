import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { LedgerRepository } from '../credits/ledger.repository';
import { MediaModule } from '../media/media.module';
import { CreditQueryService } from './credit-query.service';
import { PlaybackController } from './playback.controller';
import { PlaybackRepository } from './playback.repository';
import { PlaybackService } from './playback.service';
import { HeartbeatGateway } from './heartbeat.gateway';

/** The api side of verified watching: sessions, heartbeats, what the official sees. */
@Module({
  imports: [CoursesModule, MediaModule],
  controllers: [PlaybackController],
  providers: [PlaybackService, PlaybackRepository, CreditQueryService, LedgerRepository, HeartbeatGateway],
})
export class PlaybackModule {}
