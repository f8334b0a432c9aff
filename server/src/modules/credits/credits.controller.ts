import { Body, Controller } from '@nestjs/common';
import { CorrectionRequest, routes } from '@xueshi/shared';
import type { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { CreditsService } from './credits.service';

@Controller()
export class CreditsController {
  constructor(private readonly credits: CreditsService) {}

  @Route(routes.addCorrection)
  correct(@CurrentPrincipal() p: Principal, @Body() body: z.output<typeof CorrectionRequest>) {
    return this.credits.correct(p, body);
  }
}
