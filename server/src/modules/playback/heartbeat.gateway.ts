import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { HeartbeatRequest, routes } from '@xueshi/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TokenService } from '../../common/auth/token.service';
import { authorize } from '../../common/auth/authorize';
import { langOf } from '../../common/errors';
import { toErrorResponse } from '../../common/exception.filter';
import { PlaybackService } from './playback.service';

type Body = z.output<typeof HeartbeatRequest>;

/**
 * POST /api/play/heartbeat on Fastify directly (DESIGN: "a hot route may be registered on the
 * Fastify instance directly, with a JSON schema, where Nest's pipeline costs too much" — measured by
 * npm run bench:heartbeat). Same contract: the body schema is generated from the shared zod schema,
 * the same auth rules as the guard (official only, bearer or body token), the same error body.
 */
@Injectable()
export class HeartbeatGateway implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    private readonly tokens: TokenService,
    private readonly playback: PlaybackService,
  ) {}

  onModuleInit() {
    const fastify = this.host.httpAdapter.getInstance() as unknown as FastifyInstance;
    const schema = z.toJSONSchema(HeartbeatRequest, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
    delete schema.$schema;
    fastify.route({
      method: 'POST',
      url: routes.heartbeat.path,
      bodyLimit: 256 * 1024,
      schema: { body: schema },
      errorHandler: (err: FastifyError, req, reply) => {
        if (err.validation?.length) {
          const v = err.validation[0];
          const field = ['body', ...v.instancePath.split('/').filter(Boolean)].slice(1).join('.') || (v.params as { missingProperty?: string })?.missingProperty || 'body';
          const zh = langOf(req.headers['accept-language']) === 'zh';
          return void reply.status(400).send({
            code: 'VALIDATION_FAILED',
            message: zh ? `${field}：取值无效（${v.message}）` : `${field}: ${v.message}`,
            field,
            requestId: String(req.id),
          });
        }
        const { status, body } = toErrorResponse(err, req);
        void reply.status(status).send(body);
      },
      handler: (req: FastifyRequest, reply: FastifyReply) => this.handle(req as FastifyRequest<{ Body: Body }>, reply),
    });
  }

  private async handle(req: FastifyRequest<{ Body: Body }>, reply: FastifyReply) {
    const p = authorize(this.tokens, routes.heartbeat, req.headers.authorization, req.body);
    return reply.send(await this.playback.heartbeat(p, req.body.sessionId, req.body.beats));
  }
}
