/**
 * One-time codes that prove an applicant holds a phone or an e-mail address: six digits, kept
 * only as a hash, good for a short while and a few tries. Pure.
 */
export const CODE_TTL_MS = 15 * 60 * 1000;
export const CODE_MAX_ATTEMPTS = 5;

/** Six digits, each drawn from `randomInt` (crypto's, in production): leading zeros kept. */
export function newVerificationCode(randomInt: (max: number) => number): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

export interface StoredCode {
  attempts: number;
  expiresAt: Date;
  usedAt?: Date | null;
}

/**
 * Whether a code may still be tried. The hash is compared only when it may: an expired or
 * exhausted code is refused the same way whatever is typed.
 */
export function codeUsable(code: StoredCode | undefined, now: Date): boolean {
  return (
    !!code &&
    !code.usedAt &&
    code.attempts < CODE_MAX_ATTEMPTS &&
    code.expiresAt.getTime() > now.getTime()
  );
}

/** A new code for the same contact no sooner than this after the last one. */
export const CODE_RESEND_AFTER_MS = 60 * 1000;

/** Whole seconds to wait before another code may be sent; 0 when one may be sent now. Pure. */
export function resendWaitSeconds(lastSentAt: Date | undefined, now: Date): number {
  if (!lastSentAt) return 0;
  const wait = lastSentAt.getTime() + CODE_RESEND_AFTER_MS - now.getTime();
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}
