import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, forbidden } from '../../common/errors';
import { toErrorResponse } from '../../common/exception.filter';
import { JobQueue } from '../../queue/job-queue.service';
import { QueueName } from '../../queue/queues';
import { BOARD_COOKIE, BOARD_PATH, BOARD_SESSION_TTL_S, QueueBoardService } from './queue-board.service';

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

const signIn = () => new AppError('UNAUTHENTICATED', { zh: '请从系统管理菜单“任务队列”重新打开', en: 'Open the board again from the admin menu (任务队列)' });

/**
 * The BullMQ dashboard (bull-board) at /api/admin/queues, for system admins only: GET …/enter?ticket=
 * sets the board cookie (QueueBoardService); every other request under the path needs it — 401
 * without a live board session, 403 when its holder is no longer a signed-in system admin, or for a
 * change (retry, clean, pause …) sent from another origin. Changes are written to the audit log.
 */
@Injectable()
export class QueueBoardGateway implements OnModuleInit {
  private readonly log = new Logger('queue-board');
  constructor(
    private readonly host: HttpAdapterHost,
    private readonly board: QueueBoardService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit() {
    const fastify = this.host.httpAdapter.getInstance() as unknown as FastifyInstance;
    const deny = (req: FastifyRequest, reply: FastifyReply, err: AppError) => {
      const { status, body } = toErrorResponse(err, req);
      return reply.status(status).header('cache-control', 'no-store').send(body);
    };

    fastify.get(`${BOARD_PATH}/enter`, async (req: FastifyRequest<{ Querystring: { ticket?: string } }>, reply) => {
      const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : '';
      const id = /^[A-Za-z0-9_-]{20,100}$/.test(ticket) ? await this.board.redeem(ticket) : null;
      if (!id) return deny(req, reply, signIn());
      const secure = req.protocol === 'https' ? '; Secure' : '';
      return reply
        .header('set-cookie', `${BOARD_COOKIE}=${id}; Path=${BOARD_PATH}; Max-Age=${BOARD_SESSION_TTL_S}; HttpOnly; SameSite=Strict${secure}`)
        .header('cache-control', 'no-store')
        .redirect(`${BOARD_PATH}/`, 303);
    });

    const server = new FastifyAdapter();
    server.setBasePath(BOARD_PATH);
    createBullBoard({
      // the api's own producer queues (JobQueue): no extra connections, the configured prefix (a hash tag under Cluster)
      // the credit queue only runs the scheduled flush: nothing there to retry, and pausing or emptying it stops crediting
      queues: Object.values(QueueName).map((q) => new BullMQAdapter(this.jobs.queue(q), { readOnlyMode: q === QueueName.Credit })),
      serverAdapter: server,
      options: { uiConfig: { boardTitle: '学时 · 任务队列' } },
    });
    void fastify.register(
      async (scope) => {
        scope.addHook('onRequest', async (req, reply) => {
          const holder = await this.board.check(cookie(req.headers.cookie, BOARD_COOKIE));
          if (holder === 'none') return deny(req, reply, signIn());
          if (holder === 'denied') return deny(req, reply, forbidden());
          if (req.method !== 'GET' && req.method !== 'HEAD') {
            // a change must come from the board's own page (SameSite=Strict already keeps other sites' requests cookieless)
            const origin = req.headers.origin;
            if (origin && hostOf(origin) !== req.headers.host) return deny(req, reply, forbidden());
            reply.raw.once('finish', () => {
              void this.board.audit(holder, req.ip ?? null, reply.statusCode, req.method, req.url).catch((e: Error) => this.log.error(`audit of ${req.method} ${req.url}: ${e.message}`));
            });
          }
        });
        await scope.register(server.registerPlugin() as never);
      },
      { prefix: BOARD_PATH },
    );
  }
}
