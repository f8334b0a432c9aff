import { Controller } from '@nestjs/common';
import { routes } from '@xueshi/shared';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { QueueBoardService } from './queue-board.service';

@Controller()
export class QueueBoardController {
  constructor(private readonly board: QueueBoardService) {}

  @Route(routes.queueBoardTicket)
  ticket(@CurrentPrincipal() p: Principal) {
    return this.board.ticket(p);
  }
}
