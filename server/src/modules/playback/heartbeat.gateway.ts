import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { HeartbeatRequest, routes } from '@xueshi/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TokenService } from '../../common/auth/token.service';
import { authorize } from '../../common/auth/authorize';
import { langOf } from '../../common/errors';
import { toErrorResponse } from '../../common/exception.filter';
import type { Principal } from '../../common/request';
import { PlaybackService } from './playback.service';

type Body = z.output<typeof HeartbeatRequest>;

/** the caller of each request, decided before validation */
const principals = new WeakMap<FastifyRequest, Principal>();

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
      bodyLimit: routes.heartbeat.maxBodyBytes,
      schema: { body: schema },
      // who is asking comes before what they sent: 401/403 before any 400, as on every other route
      preValidation: async (req: FastifyRequest) => {
        const body = req.body && typeof req.body === 'object' ? (req.body as Body) : undefined;
        principals.set(req, authorize(this.tokens, routes.heartbeat, req.headers.authorization, body));
      },
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
        const { status, body, headers } = toErrorResponse(err, req);
        if (headers) void reply.headers(headers);
        void reply.status(status).send(body);
      },
      handler: (req: FastifyRequest, reply: FastifyReply) => this.handle(req as FastifyRequest<{ Body: Body }>, reply),
    });
  }

  private async handle(req: FastifyRequest<{ Body: Body }>, reply: FastifyReply) {
    const p = principals.get(req)!;
    return reply.send(await this.playback.heartbeat(p, req.body.sessionId, req.body.beats));
  }
}
