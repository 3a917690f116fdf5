import { decideAttempt, type FailureRecord, type LockoutPolicy } from './lockout';

const policy: LockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function attempts(times: number[]): FailureRecord | undefined {
  let record: FailureRecord | undefined;
  for (const time of times) {
    const decision = decideAttempt(record, at(time), policy);
    if (decision.allowed) record = decision.record;
  }
  return record;
}

describe('decideAttempt', () => {
  it('lets a first attempt through and counts it', () => {
    expect(decideAttempt(undefined, t0, policy)).toEqual({
      allowed: true,
      record: { failures: 1, firstFailedAt: t0, lockedUntil: null },
    });
  });

  it('locks the account with the fifth attempt within the window, for the lock time', () => {
    const record = attempts([0, 10, 20, 30, 40]);
    expect(record).toEqual({ failures: 5, firstFailedAt: t0, lockedUntil: at(40 + 15 * 60) });
  });

  it('lets the fifth attempt itself check its password (it may be right)', () => {
    const record = attempts([0, 10, 20, 30]);
    expect(decideAttempt(record, at(40), policy).allowed).toBe(true);
  });

  it('refuses the sixth with the seconds left until the lock ends, rounded up', () => {
    const record = attempts([0, 10, 20, 30, 40]);
    expect(decideAttempt(record, at(100.5), policy)).toEqual({
      allowed: false,
      retryAfterSeconds: 15 * 60 - 60,
    });
    expect(decideAttempt(record, at(40 + 15 * 60 - 0.2), policy)).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it('does not extend the lock with refused attempts', () => {
    const record = attempts([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(record?.lockedUntil).toEqual(at(40 + 15 * 60));
  });

  it('starts counting again once the lock is over', () => {
    const record = attempts([0, 10, 20, 30, 40, 40 + 15 * 60]);
    expect(record).toEqual({ failures: 1, firstFailedAt: at(40 + 15 * 60), lockedUntil: null });
  });

  it('forgets failures older than the window', () => {
    const record = attempts([0, 10, 20, 30, 15 * 60]);
    expect(record).toEqual({ failures: 1, firstFailedAt: at(15 * 60), lockedUntil: null });
  });

  it('counts failures spread inside the window', () => {
    const record = attempts([0, 200, 400, 600, 899]);
    expect(record?.lockedUntil).toEqual(at(899 + 15 * 60));
  });
});
