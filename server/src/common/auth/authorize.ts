import type { RouteDef } from '@xueshi/shared';
import { AppError, forbidden } from '../errors';
import type { Principal } from '../request';
import type { TokenService } from './token.service';

/** The answer to an access token whose session was signed out (revoked). */
export const sessionRevoked = () =>
  new AppError('UNAUTHENTICATED', { zh: '该登录已被注销，请重新登录', en: 'This session has been signed out; please sign in again' });

/** What a user holding a one-time password may still call. */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set(['me', 'changePassword', 'logout', 'refresh']);

/**
 * The caller of a non-public contract route, or the reason they may not call it. One rule for the
 * Nest guard and for the routes registered on Fastify directly (the heartbeat).
 */
export function authorize(tokens: TokenService, def: RouteDef, authorization: string | string[] | undefined, body: unknown): Principal {
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  const inBody = def.bodyToken ? (body as { accessToken?: unknown } | undefined)?.accessToken : undefined;
  const token = match?.[1] ?? (typeof inBody === 'string' ? inBody : undefined);
  if (!token) throw new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' });
  const principal = tokens.verifyAccess(token);
  if (principal.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(def.id)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', { zh: '请先修改初始密码', en: 'Change your initial password first' });
  }
  if (def.auth !== 'authenticated' && def.auth !== 'public' && !def.auth.includes(principal.role)) throw forbidden();
  return principal;
}
