/**
 * Login throttling per account (ADR 0011 says why a lock and not a delay). Every attempt is
 * counted before the password is checked, so parallel guesses cannot slip past the count; a
 * success clears it. After `maxFailures` attempts within `windowMs` the account is locked for
 * `lockMs`: attempts then are refused (429 with Retry-After) without checking the password.
 * Unknown identifiers are counted and locked alike, so a lock says nothing about existence.
 */
export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const LOCKOUT_POLICY: LockoutPolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export interface FailureRecord {
  failures: number;
  firstFailedAt: Date;
  lockedUntil: Date | null;
}

export type AttemptDecision =
  { allowed: true; record: FailureRecord } | { allowed: false; retryAfterSeconds: number };

/** Whether an attempt may check a password now, and the record that counts it if so. Pure. */
export function decideAttempt(
  record: FailureRecord | undefined,
  now: Date,
  policy: LockoutPolicy = LOCKOUT_POLICY,
): AttemptDecision {
  const at = now.getTime();
  if (record?.lockedUntil && record.lockedUntil.getTime() > at) {
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((record.lockedUntil.getTime() - at) / 1000)),
    };
  }
  const fresh =
    !record ||
    record.lockedUntil !== null ||
    at - record.firstFailedAt.getTime() >= policy.windowMs;
  const failures = fresh ? 1 : record.failures + 1;
  return {
    allowed: true,
    record: {
      failures,
      firstFailedAt: fresh ? now : record.firstFailedAt,
      lockedUntil: failures >= policy.maxFailures ? new Date(at + policy.lockMs) : null,
    },
  };
}
