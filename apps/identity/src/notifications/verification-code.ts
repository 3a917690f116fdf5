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
