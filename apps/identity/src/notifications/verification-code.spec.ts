import {
  CODE_MAX_ATTEMPTS,
  CODE_RESEND_AFTER_MS,
  resendWaitSeconds,
  CODE_TTL_MS,
  codeUsable,
  newVerificationCode,
} from './verification-code';

describe('one-time verification codes', () => {
  it('are six digits, leading zeros kept', () => {
    expect(newVerificationCode(() => 42)).toBe('000042');
    expect(newVerificationCode(() => 999_999)).toBe('999999');
  });

  it('ask for a number below a million', () => {
    const asked: number[] = [];
    newVerificationCode((max) => {
      asked.push(max);
      return 0;
    });
    expect(asked).toEqual([1_000_000]);
  });

  const now = new Date('2026-12-01T10:00:00Z');
  const fresh = { attempts: 0, expiresAt: new Date(now.getTime() + CODE_TTL_MS) };

  it('may be tried while fresh, unused and with tries left', () => {
    expect(codeUsable(fresh, now)).toBe(true);
    expect(codeUsable({ ...fresh, attempts: CODE_MAX_ATTEMPTS - 1 }, now)).toBe(true);
  });

  it('may not be tried once expired, used, exhausted, or when there is none', () => {
    expect(codeUsable({ ...fresh, expiresAt: now }, now)).toBe(false);
    expect(codeUsable({ ...fresh, usedAt: now }, now)).toBe(false);
    expect(codeUsable({ ...fresh, attempts: CODE_MAX_ATTEMPTS }, now)).toBe(false);
    expect(codeUsable(undefined, now)).toBe(false);
  });

  it('are sent again for the same contact only a minute after the last one', () => {
    expect(resendWaitSeconds(undefined, now)).toBe(0);
    expect(resendWaitSeconds(now, now)).toBe(60);
    expect(resendWaitSeconds(new Date(now.getTime() - 59_001), now)).toBe(1);
    expect(resendWaitSeconds(new Date(now.getTime() - CODE_RESEND_AFTER_MS), now)).toBe(0);
  });
});
