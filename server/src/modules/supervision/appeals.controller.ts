import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import { AppealDecision, AppealInput, AppealListQuery, routes } from '@xueshi/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { sendXlsx } from '../../common/xlsx';
import { AppealsService } from './appeals.service';

@Controller()
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Route(routes.createAppeal)
  create(@CurrentPrincipal() p: Principal, @Body() body: z.output<typeof AppealInput>) {
    return this.appeals.create(p, body);
  }

  @Route(routes.listAppeals)
  list(@CurrentPrincipal() p: Principal, @Query() q: z.output<typeof AppealListQuery>) {
    return this.appeals.list(p, q);
  }

  @Route(routes.exportAppeals)
  async export(@CurrentPrincipal() p: Principal, @Query() q: z.output<typeof AppealListQuery>, @Res() reply: FastifyReply) {
    sendXlsx(reply, await this.appeals.export(p, q), 'appeals.xlsx', '申诉.xlsx');
  }

  @Route(routes.getAppeal)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.appeals.get(p, id);
  }

  @Route(routes.decideAppeal)
  decide(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: z.output<typeof AppealDecision>) {
    return this.appeals.decide(p, id, body);
  }
}
