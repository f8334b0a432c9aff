import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AppRequest, Principal } from '../request';

/** The verified caller of an authenticated route. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const p = ctx.switchToHttp().getRequest<AppRequest>().principal;
  if (!p) throw new Error('CurrentPrincipal used on a route without authentication');
  return p;
});
