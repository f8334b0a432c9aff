import { z } from 'zod';
import { issue } from './common';
import { UserView } from './users';

/** Passwords: 8–128 characters with at least one letter and one digit. */
export const Password = z
  .string()
  .min(8, issue('密码至少 8 位', 'Password must be at least 8 characters'))
  .max(128)
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), issue('密码须同时包含字母和数字', 'Password needs letters and digits'));

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const TokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** seconds until the access token expires */
  expiresIn: z.number().int(),
});
export type TokenPair = z.infer<typeof TokenPair>;

export const LoginResponse = TokenPair.extend({ user: UserView });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const RefreshRequest = z.object({ refreshToken: z.string().min(10).max(200) });
export type RefreshRequest = z.infer<typeof RefreshRequest>;

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1).max(128),
    newPassword: Password,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    ...issue('新密码不能与原密码相同', 'The new password must differ from the current one'),
  });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** 登录设备: one signed-in session (a refresh-token family), as its owner sees it. */
export const SessionView = z.object({
  id: z.string(),
  /** the session this request was made with */
  current: z.boolean(),
  /** when the user signed in */
  signedInAt: z.string(),
  /** when its tokens were last renewed */
  lastActiveAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type SessionView = z.infer<typeof SessionView>;

export const SessionList = z.object({ items: z.array(SessionView) });
export type SessionList = z.infer<typeof SessionList>;

/** How many live sessions a revocation ended. */
export const RevokedSessions = z.object({ revoked: z.number().int() });
export type RevokedSessions = z.infer<typeof RevokedSessions>;
