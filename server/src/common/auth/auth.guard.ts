import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RouteDef } from '@xueshi/shared';
import { forbidden } from '../errors';
import type { AppRequest } from '../request';
import { authorize, sessionRevoked } from './authorize';
import { ROUTE_DEF } from '../route.decorator';
import { SessionRevocations } from './session-revocations';
import { TokenService } from './token.service';

/** Global guard: every contract route declares who may call it; this enforces it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const def = this.reflector.get<RouteDef | undefined>(ROUTE_DEF, ctx.getHandler());
    // A controller method without a contract route is a programming error: deny.
    if (!def) throw forbidden();
    if (def.auth === 'public') return true;
    const req = ctx.switchToHttp().getRequest<AppRequest>();
    const principal = authorize(this.tokens, def, req.headers.authorization, req.body);
    // a signed-out session's access token dies at once, on every replica (one Redis EXISTS)
    if (principal.sessionId && (await this.revocations.isRevoked(principal.userId, principal.sessionId))) throw sessionRevoked();
    req.principal = principal;
    return true;
  }
}
