import { Controller, Query, Res } from '@nestjs/common';
import { AnomalyQuery, routes } from '@xueshi/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { sendXlsx } from '../../common/xlsx';
import { AnomaliesService } from './anomalies.service';

@Controller()
export class AnomaliesController {
  constructor(private readonly anomalies: AnomaliesService) {}

  @Route(routes.anomalies)
  list(@CurrentPrincipal() p: Principal, @Query() q: z.output<typeof AnomalyQuery>) {
    return this.anomalies.list(p, q);
  }

  @Route(routes.exportAnomalies)
  async export(@CurrentPrincipal() p: Principal, @Query() q: z.output<typeof AnomalyQuery>, @Res() reply: FastifyReply) {
    sendXlsx(reply, await this.anomalies.export(p, q), 'anomalies.xlsx', '异常提示.xlsx');
  }
}
