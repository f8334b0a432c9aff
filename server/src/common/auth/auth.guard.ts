import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RouteDef } from '@xueshi/shared';
import { AppError, forbidden } from '../errors';
import type { AppRequest } from '../request';
import { ROUTE_DEF } from '../route.decorator';
import { TokenService } from './token.service';

/** What a user holding a one-time password may still call. */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set(['me', 'changePassword', 'logout', 'refresh']);

/** Global guard: every contract route declares who may call it; this enforces it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const def = this.reflector.get<RouteDef | undefined>(ROUTE_DEF, ctx.getHandler());
    // A controller method without a contract route is a programming error: deny.
    if (!def) throw forbidden();
    if (def.auth === 'public') return true;
    const req = ctx.switchToHttp().getRequest<AppRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    const inBody = def.bodyToken ? (req.body as { accessToken?: unknown } | undefined)?.accessToken : undefined;
    const token = match?.[1] ?? (typeof inBody === 'string' ? inBody : undefined);
    if (!token) {
      throw new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' });
    }
    const principal = this.tokens.verifyAccess(token);
    req.principal = principal;
    if (principal.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(def.id)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', { zh: '请先修改初始密码', en: 'Change your initial password first' });
    }
    if (def.auth !== 'authenticated' && !def.auth.includes(principal.role)) throw forbidden();
    return true;
  }
}
