import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ADMIN_ROLES, type RouteDef } from '@xueshi/shared';
import { DataSource } from 'typeorm';
import { concatMap, type Observable } from 'rxjs';
import type { AppRequest } from '../../common/request';
import { ROUTE_DEF } from '../../common/route.decorator';

const SECRET = /password|token|secret/i;

function scrub(v: unknown, depth = 0): unknown {
  if (depth > 4) return '…';
  if (Array.isArray(v)) return v.length > 50 ? [...v.slice(0, 50).map((x) => scrub(x, depth + 1)), `… ${v.length - 50} more`] : v.map((x) => scrub(x, depth + 1));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, SECRET.test(k) ? '[removed]' : scrub(x, depth + 1)]));
  if (typeof v === 'string' && v.length > 500) return `${v.slice(0, 500)}…`;
  return v;
}

/**
 * ASVS V7: every change an admin makes (any route other than a read, called by an institution,
 * org or system admin) is recorded once it has succeeded — who, which route, on whom, from which
 * address, with the input (secrets removed). Reads and refused attempts change nothing and are
 * not recorded here (refusals are in the request log).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly log = new Logger('audit');
  constructor(
    private readonly reflector: Reflector,
    private readonly ds: DataSource,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const def = this.reflector.get<RouteDef | undefined>(ROUTE_DEF, ctx.getHandler());
    const req = ctx.switchToHttp().getRequest<AppRequest>();
    const p = req.principal;
    if (!def || def.method === 'GET' || !p || !(ADMIN_ROLES as readonly string[]).includes(p.role)) return next.handle();
    // the entry is written before the answer goes out: an admin who sees "done" finds it in the log
    return next.handle().pipe(
      concatMap(async (result) => {
        const params = (req.params ?? {}) as Record<string, string>;
        const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
        const target = params.userId ?? params.id ?? (typeof body.userId === 'string' ? body.userId : null);
        const status = ctx.switchToHttp().getResponse<{ statusCode: number }>().statusCode;
        await this.ds
          .query('INSERT INTO audit_log (actor_id, actor_role, action, target_id, ip, status, details) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
            p.userId, p.role, def.id, target, req.ip ?? null, status, JSON.stringify(scrub({ params, query: req.query, body: def.upload ? '(file)' : body })),
          ])
          .catch((e) => this.log.error(`audit entry for ${def.id} by ${p.userId} not written: ${(e as Error).message}`));
        return result;
      }),
    );
  }
}
