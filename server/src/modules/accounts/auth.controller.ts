import { Body, Controller, Param, Req } from '@nestjs/common';
import { ChangePasswordRequest, LoginRequest, RefreshRequest, routes } from '@xueshi/shared';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { AppRequest, Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { AuthService, ClientInfo } from './auth.service';

function clientOf(req: AppRequest): ClientInfo {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Route(routes.login)
  login(@Body() body: LoginRequest, @Req() req: AppRequest) {
    return this.auth.login(body.username, body.password, clientOf(req));
  }

  @Route(routes.refresh)
  refresh(@Body() body: RefreshRequest, @Req() req: AppRequest) {
    return this.auth.refresh(body.refreshToken, clientOf(req));
  }

  @Route(routes.logout)
  async logout(@Body() body: RefreshRequest) {
    await this.auth.logout(body.refreshToken);
    return { ok: true as const };
  }

  @Route(routes.changePassword)
  changePassword(@CurrentPrincipal() p: Principal, @Body() body: ChangePasswordRequest, @Req() req: AppRequest) {
    return this.auth.changePassword(p, body.currentPassword, body.newPassword, clientOf(req));
  }

  @Route(routes.me)
  me(@CurrentPrincipal() p: Principal) {
    return this.auth.me(p);
  }

  @Route(routes.mySessions)
  mySessions(@CurrentPrincipal() p: Principal) {
    return this.auth.mySessions(p);
  }

  @Route(routes.revokeMySession)
  revokeMySession(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.auth.revokeMySession(p, id);
  }

  @Route(routes.revokeOtherSessions)
  revokeOtherSessions(@CurrentPrincipal() p: Principal) {
    return this.auth.revokeOtherSessions(p);
  }
}
