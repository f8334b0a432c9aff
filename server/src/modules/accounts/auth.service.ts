import { Inject, Injectable } from '@nestjs/common';
import type { LoginResponse, RevokedSessions, SessionList, TokenPair, UserView } from '@xueshi/shared';
import { randomUUID } from 'node:crypto';
import { TokenService } from '../../common/auth/token.service';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { AppError, notFound } from '../../common/errors';
import type { Principal } from '../../common/request';
import { burnVerify, hashPassword, verifyPassword } from './password';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionsService } from './sessions.service';
import type { UserEntity } from './user.entity';
import { toUserView } from './user-view';
import { UsersRepository } from './users.repository';

const BAD_LOGIN = { zh: '用户名或密码错误', en: 'Wrong username or password' };
const BAD_REFRESH = { zh: '登录状态已失效，请重新登录', en: 'Your session has ended; please sign in again' };

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export function principalOf(u: UserEntity): Principal {
  return {
    userId: u.id,
    role: u.role,
    orgUnitId: u.orgUnitId,
    orgPath: u.orgUnit?.path ?? null,
    institutionId: u.institutionId,
    mustChangePassword: u.mustChangePassword,
  };
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsService,
  ) {}

  async login(username: string, password: string, client: ClientInfo): Promise<LoginResponse> {
    const user = await this.users.findByUsername(username);
    if (!user) {
      await burnVerify(password);
      throw new AppError('INVALID_CREDENTIALS', BAD_LOGIN);
    }
    const now = Date.now();
    if (user.lockedUntil && user.lockedUntil.getTime() > now) throw this.locked(user.lockedUntil);
    if (user.lockedUntil) {
      // a lock that has run out starts the count again
      await this.users.clearFailedLogins(user.id);
      user.failedLoginCount = 0;
      user.lastFailedLoginAt = null;
    }
    const over = user.failedLoginCount - this.env.LOGIN_SLOWDOWN_AFTER;
    if (over >= 0 && user.lastFailedLoginAt) {
      // each failure past the threshold doubles the wait before the next try is even checked
      const waitMs = 1000 * 2 ** over;
      const left = user.lastFailedLoginAt.getTime() + waitMs - now;
      if (left > 0) {
        const seconds = Math.ceil(left / 1000);
        throw new AppError(
          'TOO_MANY_ATTEMPTS',
          { zh: `尝试次数过多，请 ${seconds} 秒后再试`, en: `Too many attempts; try again in ${seconds} s` },
          undefined,
          { headers: { 'retry-after': String(seconds) }, details: { retryAfterSeconds: seconds } },
        );
      }
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const r = await this.users.recordFailedLogin(user.id, this.env.LOGIN_LOCK_AFTER, this.env.LOGIN_LOCK_MINUTES);
      if (r.lockedUntil && new Date(r.lockedUntil).getTime() > now) throw this.locked(new Date(r.lockedUntil));
      throw new AppError('INVALID_CREDENTIALS', BAD_LOGIN);
    }
    if (user.disabled) throw new AppError('ACCOUNT_DISABLED', { zh: '账号已停用，请联系管理员', en: 'This account is disabled; contact your administrator' });
    if (user.failedLoginCount > 0) await this.users.clearFailedLogins(user.id);
    const pair = await this.issue(user, randomUUID(), client);
    return { ...pair, user: toUserView(user) };
  }

  private locked(until: Date): AppError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    return new AppError(
      'ACCOUNT_LOCKED',
      { zh: `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员`, en: `Too many failed logins; the account is locked for ${minutes} min` },
      undefined,
      { headers: { 'retry-after': String(minutes * 60) }, details: { lockedUntil: until.toISOString() } },
    );
  }

  private async issue(user: UserEntity, familyId: string, client: ClientInfo): Promise<TokenPair> {
    const { token, hash } = this.tokens.newRefreshToken();
    await this.refreshTokens.insert({
      userId: user.id,
      tokenHash: hash,
      familyId,
      expiresAt: new Date(Date.now() + this.env.REFRESH_TOKEN_TTL_DAYS * 86400_000),
      createdIp: client.ip,
      userAgent: client.userAgent?.slice(0, 200) ?? null,
    });
    // the access token names its session, so that revoking the session kills it too
    return { accessToken: this.tokens.signAccess({ ...principalOf(user), sessionId: familyId }), refreshToken: token, expiresIn: this.tokens.accessTtlSeconds };
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<TokenPair> {
    const row = await this.refreshTokens.findByHash(TokenService.hashRefresh(refreshToken));
    if (!row) throw new AppError('UNAUTHENTICATED', BAD_REFRESH, 'refreshToken');
    if (row.revokedAt) {
      // A rotated token presented again: someone holds a copy. End the whole session family.
      await this.sessions.end(row.userId, { only: row.familyId });
      throw new AppError('UNAUTHENTICATED', BAD_REFRESH, 'refreshToken');
    }
    if (!(await this.refreshTokens.claim(row.id))) throw new AppError('UNAUTHENTICATED', BAD_REFRESH, 'refreshToken');
    const user = await this.users.findById(row.userId);
    if (!user) throw new AppError('UNAUTHENTICATED', BAD_REFRESH, 'refreshToken');
    if (user.disabled) throw new AppError('ACCOUNT_DISABLED', { zh: '账号已停用，请联系管理员', en: 'This account is disabled' });
    return this.issue(user, row.familyId, client);
  }

  async logout(refreshToken: string): Promise<void> {
    const row = await this.refreshTokens.findByHash(TokenService.hashRefresh(refreshToken));
    if (row) await this.sessions.end(row.userId, { only: row.familyId });
  }

  async changePassword(p: Principal, current: string, next: string, client: ClientInfo): Promise<TokenPair> {
    const user = await this.users.findById(p.userId);
    if (!user) throw notFound();
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw new AppError('INVALID_CREDENTIALS', { zh: '原密码不正确', en: 'The current password is wrong' }, 'currentPassword');
    }
    await this.users.update(user.id, { passwordHash: await hashPassword(next), mustChangePassword: false });
    // every session ends; the caller's continues under a new pair (its old access token may finish its short life)
    await this.sessions.end(user.id, { keepAccess: p.sessionId });
    return this.issue({ ...user, mustChangePassword: false } as UserEntity, randomUUID(), client);
  }

  mySessions(p: Principal): Promise<SessionList> {
    return this.sessions.list(p);
  }

  async revokeMySession(p: Principal, sessionId: string): Promise<{ ok: true }> {
    const r = await this.sessions.end(p.userId, { only: sessionId });
    if (!r.found) throw notFound({ zh: '该登录设备不存在或已下线', en: 'No such session, or it has already ended' });
    return { ok: true };
  }

  revokeOtherSessions(p: Principal): Promise<RevokedSessions> {
    return this.sessions.end(p.userId, { except: p.sessionId ?? null }).then((r) => ({ revoked: r.revoked }));
  }

  async me(p: Principal): Promise<UserView> {
    const user = await this.users.findById(p.userId);
    if (!user) throw notFound();
    return toUserView(user);
  }
}
