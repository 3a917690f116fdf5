import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords';

describe('passwordProblem', () => {
  it.each([
    ['a short one', 'kucing123', 'password_too_short'],
    ['an overlong one', 'x'.repeat(129), 'password_too_long'],
    ['a common one', 'password123', 'password_common'],
    ['a common Indonesian one', 'Bismillah123', 'password_common'],
    ['one character repeated', 'aaaaaaaaaaaa', 'password_common'],
    ['a run of digits', '1234567890ab', 'password_common'],
    ['one with the NIK in it', 'x3201014506900001', 'password_personal'],
    ['one with the name in it', 'SitiRahayuPagi!', 'password_personal'],
    ['one with the e-mail name in it', 'siti.rahayu-2026', 'password_personal'],
  ])('refuses %s', (_label, password, problem) => {
    expect(
      passwordProblem(password, {
        nik: '3201014506900001',
        name: 'Siti Rahayu',
        email: 'siti.rahayu@example.id',
      }),
    ).toBe(problem);
  });

  it('takes a long, uncommon passphrase', () => {
    expect(passwordProblem('kopi tubruk di teras pagi', { name: 'Siti Rahayu' })).toBeUndefined();
  });

  it('counts characters, not bytes', () => {
    expect(passwordProblem('ĀĀĀĀĀbcdefg')).toBeUndefined();
  });
});

describe('password hashes', () => {
  it('are argon2id, verify the password and nothing else', async () => {
    const hashed = await hashPassword('kopi tubruk di teras pagi');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(hashed, 'kopi tubruk di teras pagi')).toBe(true);
    expect(await verifyPassword(hashed, 'kopi tubruk di teras sore')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(await verifyPassword(await dummyPasswordHash(), 'x')).toBe(false);
  });
});
