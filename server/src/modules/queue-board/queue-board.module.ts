import { Module } from '@nestjs/common';
import { QueueBoardController } from './queue-board.controller';
import { QueueBoardGateway } from './queue-board.gateway';
import { QueueBoardRepository } from './queue-board.repository';
import { QueueBoardService } from './queue-board.service';

/** The BullMQ dashboard (bull-board) for system admins, behind a one-time ticket and a board cookie. */
@Module({ controllers: [QueueBoardController], providers: [QueueBoardService, QueueBoardRepository, QueueBoardGateway] })
export class QueueBoardModule {}
