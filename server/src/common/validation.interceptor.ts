import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RouteDef } from '@xueshi/shared';
import type { Observable } from 'rxjs';
import { AppError, langOf } from './errors';
import type { AppRequest } from './request';
import { ROUTE_DEF } from './route.decorator';
import { validationError } from './zod-issues';

/**
 * Validates params, query and body against the route's shared zod schemas and hands the
 * parsed values to the handler. Runs after the auth guard, so a caller without access gets
 * 401/403 and never learns the shape of the input.
 */
@Injectable()
export class ValidationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const def = this.reflector.get<RouteDef | undefined>(ROUTE_DEF, ctx.getHandler());
    if (def) {
      const req = ctx.switchToHttp().getRequest<AppRequest>();
      const lang = langOf(req.headers['accept-language']);
      const check = (where: 'params' | 'query' | 'body') => {
        const schema = def[where];
        if (!schema) return;
        const parsed = schema.safeParse((req as unknown as Record<string, unknown>)[where] ?? {});
        if (!parsed.success) throw validationError(parsed.error, where, lang);
        (req as unknown as Record<string, unknown>)[where] = parsed.data;
      };
      check('params');
      check('query');
      if (def.body && !def.upload && (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))) {
        throw new AppError(
          'VALIDATION_FAILED',
          { zh: '请求体须为 JSON 对象（Content-Type: application/json）', en: 'The body must be a JSON object (Content-Type: application/json)' },
          'body',
        );
      }
      if (!def.upload) check('body');
    }
    return next.handle();
  }
}
