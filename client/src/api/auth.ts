import { routes, type ChangePasswordRequest, type LoginRequest, type LoginResponse, type UserView } from '@xueshi/shared';
import { call } from './http';
import { clearTokens, readTokens, saveTokens } from './tokens';

export async function login(body: LoginRequest): Promise<LoginResponse> {
  const res = await call(routes.login, { body });
  saveTokens(res);
  return res;
}

/** Revoke the refresh token on the server (best effort) and forget the tokens here. */
export async function logout(): Promise<void> {
  const tokens = readTokens();
  clearTokens();
  if (tokens) {
    try {
      await call(routes.logout, { body: { refreshToken: tokens.refreshToken } });
    } catch {
      // already signed out locally; a failed revoke leaves a token that simply expires
    }
  }
}

/** Change one's own password; the server signs out other sessions and returns a new pair. */
export async function changePassword(body: ChangePasswordRequest): Promise<void> {
  saveTokens(await call(routes.changePassword, { body }));
}

export function fetchMe(): Promise<UserView> {
  return call(routes.me);
}

/** 登录设备: one's own signed-in sessions. */
export const listMySessions = (signal?: AbortSignal) => call(routes.mySessions, { signal });
export const revokeMySession = (id: string) => call(routes.revokeMySession, { params: { id } });
export const revokeOtherSessions = () => call(routes.revokeOtherSessions);
