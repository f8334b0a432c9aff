import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { mediaCookieHeader, MediaUrls } from '../media/media-url';
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
    private readonly urls: MediaUrls,
  ) {}

  /** Also sets the media cookie, so the poster and the segments load without an Authorization header. */
  @Route(routes.startSession)
  async start(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: AppRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const ua = req.headers['user-agent'];
    const s = await this.playback.start(p, id, { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null });
    void reply.header('set-cookie', mediaCookieHeader(this.urls, p.userId, Math.floor(new Date(s.expiresAt).getTime() / 1000), req.protocol === 'https'));
    return s;
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
