import { Password } from '@xueshi/shared';
import { generateInitialPassword, hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('generates initial passwords that meet the password rule and avoid look-alike characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const pw = generateInitialPassword();
      expect(Password.safeParse(pw).success).toBe(true);
      expect(pw).not.toMatch(/[0O1lI]/);
      seen.add(pw);
    }
    expect(seen.size).toBe(200);
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Secret2026');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'Secret2026')).toBe(true);
    expect(await verifyPassword(h, 'secret2026')).toBe(false);
    expect(await verifyPassword('garbage', 'Secret2026')).toBe(false);
  });
});
