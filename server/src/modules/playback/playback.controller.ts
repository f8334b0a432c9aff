import { Body, Controller, Param, Req } from '@nestjs/common';
import { AttentionAnswerRequest, routes } from '@xueshi/shared';
import type { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { AppRequest, Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { CreditQueryService } from './credit-query.service';
import { PlaybackService } from './playback.service';

@Controller()
export class PlaybackController {
  constructor(
    private readonly playback: PlaybackService,
    private readonly query: CreditQueryService,
  ) {}

  @Route(routes.startSession)
  start(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: AppRequest) {
    const ua = req.headers['user-agent'];
    return this.playback.start(p, id, { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null });
  }

  @Route(routes.answerAttention)
  attention(@CurrentPrincipal() p: Principal, @Body() body: z.output<typeof AttentionAnswerRequest>) {
    return this.playback.answerAttention(p, body.sessionId, body.attentionId);
  }

  @Route(routes.endSession)
  end(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.playback.end(p, id);
  }

  @Route(routes.lessonCredit)
  credit(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.query.lessonCredit(p, id);
  }

  @Route(routes.myProgress)
  progress(@CurrentPrincipal() p: Principal) {
    return this.query.myProgress(p);
  }
}
