import { hash, verify, argon2id } from 'argon2';
import { test as isCommonPassword } from 'fxa-common-password-list';
import { INDONESIAN_COMMON_PASSWORDS } from './indonesian-common-passwords';

/** NIST SP 800-63B: length, not composition rules, and no password from a breach list. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  'password_too_short' | 'password_too_long' | 'password_common' | 'password_personal';

/** What the password must not contain: the account's own identifiers. */
export interface PasswordContext {
  nik?: string;
  username?: string;
  email?: string;
  phone?: string;
  name?: string;
}

/** Why a password is refused, or undefined when it is acceptable. Pure. */
export function passwordProblem(
  password: string,
  context: PasswordContext = {},
): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  const lower = password.toLowerCase();
  if (
    isCommonPassword(lower) ||
    INDONESIAN_COMMON_PASSWORDS.has(lower) ||
    /^(.)\1+$/.test(lower) ||
    /^(0123456789|1234567890|abcdefghij)/.test(lower)
  )
    return 'password_common';
  const personal = [
    context.nik,
    context.username,
    context.email?.split('@')[0],
    context.phone?.replace(/\D/g, '').slice(-8),
    ...(context.name?.toLowerCase().split(/\s+/) ?? []),
  ].filter((part): part is string => !!part && part.length >= 4);
  if (personal.some((part) => lower.includes(part.toLowerCase()))) return 'password_personal';
  return undefined;
}

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): the cost an attacker
 * pays per guess, and what a login costs us (a few ms of CPU).
 */
const ARGON2_OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Never throws for a malformed hash: a wrong password and a broken hash are both `false`. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash to verify against when the account does not exist, so that answering "unknown account"
 * takes as long as "wrong password" and the timing tells an attacker nothing.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword('not-a-password-of-anyone');
  return dummy;
}
