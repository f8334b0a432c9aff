import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Role, ROLES } from '@xueshi/shared';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { AppError } from '../errors';
import type { Principal } from '../request';

const ISSUER = 'xueshi';
const AUDIENCE = 'xueshi-api';

interface AccessClaims {
  sub: string;
  role: Role;
  org: string | null;
  path: string | null;
  inst: string | null;
  /** must change password */
  pwc?: boolean;
  /** session (refresh-token family) id: a revoked session's access tokens fail at once */
  sid?: string;
}

/** Access tokens (short-lived JWT, HS256 only) and opaque refresh tokens. */
@Injectable()
export class TokenService {
  constructor(@Inject(ENV) private readonly env: Env) {}

  get accessTtlSeconds(): number {
    return this.env.ACCESS_TOKEN_TTL_SECONDS;
  }

  signAccess(p: Principal): string {
    const claims: AccessClaims = { sub: p.userId, role: p.role, org: p.orgUnitId, path: p.orgPath, inst: p.institutionId };
    if (p.mustChangePassword) claims.pwc = true;
    if (p.sessionId) claims.sid = p.sessionId;
    return jwt.sign(claims, this.env.JWT_SECRET, {
      algorithm: 'HS256',
      expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
  }

  /** Verified tokens until they expire: a player presents the same token every beat. */
  private readonly cache = new Map<string, { p: Principal; exp: number }>();

  verifyAccess(token: string): Principal {
    const hit = this.cache.get(token);
    if (hit && hit.exp > Date.now()) return hit.p;
    const p = this.verifyUncached(token);
    if (this.cache.size >= 200_000) this.cache.clear();
    const exp = (jwt.decode(token) as { exp?: number } | null)?.exp;
    if (exp) this.cache.set(token, { p, exp: exp * 1000 });
    return p;
  }

  private verifyUncached(token: string): Principal {
    let claims: AccessClaims;
    try {
      claims = jwt.verify(token, this.env.JWT_SECRET, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      }) as unknown as AccessClaims;
    } catch (e) {
      if (e instanceof jwt.TokenExpiredError) {
        throw new AppError('TOKEN_EXPIRED', { zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' });
      }
      throw new AppError('UNAUTHENTICATED', { zh: '登录凭证无效', en: 'Invalid credentials token' });
    }
    if (!ROLES.includes(claims.role)) {
      throw new AppError('UNAUTHENTICATED', { zh: '登录凭证无效', en: 'Invalid credentials token' });
    }
    return {
      userId: claims.sub,
      role: claims.role,
      orgUnitId: claims.org,
      orgPath: claims.path,
      institutionId: claims.inst,
      mustChangePassword: claims.pwc === true,
      sessionId: typeof claims.sid === 'string' ? claims.sid : null,
    };
  }

  /** A new opaque refresh token and the hash under which it is stored. */
  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashRefresh(token) };
  }

  static hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
