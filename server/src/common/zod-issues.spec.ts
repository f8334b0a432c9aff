import { ChangePasswordRequest, CreateUserRequest } from '@xueshi/shared';
import { validationError } from './zod-issues';

describe('validation messages', () => {
  it('names the field and speaks Chinese by default, English on request', () => {
    const r = CreateUserRequest.safeParse({ username: 'ab', name: '张三', role: 'official', orgUnitId: null });
    expect(r.success).toBe(false);
    if (r.success) return;
    const zh = validationError(r.error, 'body', 'zh');
    expect(zh.field).toBe('username');
    expect(zh.text.zh).toBe('用户名：用户名至少 3 个字符');
    const en = validationError(r.error, 'body', 'en');
    expect(en.text.en).toBe('username: Username needs at least 3 characters');
    expect(zh.extra?.issues?.map((i) => i.field)).toEqual(['username', 'orgUnitId']);
  });

  it('says a field is required when it is missing', () => {
    const r = ChangePasswordRequest.safeParse({ newPassword: 'Abcdefg123' });
    if (r.success) throw new Error('should fail');
    expect(validationError(r.error, 'body', 'zh').text.zh).toBe('原密码：必填');
  });
});
