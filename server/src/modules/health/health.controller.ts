import { Controller, Res } from '@nestjs/common';
import { routes } from '@xueshi/shared';
import type { FastifyReply } from 'fastify';
import { Route } from '../../common/route.decorator';
import { HealthService } from './health.service';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when every part is up, 503 otherwise, with the same body: load balancers read the status. */
  @Route(routes.health)
  async get(@Res({ passthrough: true }) reply: FastifyReply) {
    const h = await this.health.check();
    if (h.status !== 'ok') void reply.status(503);
    return h;
  }
}
