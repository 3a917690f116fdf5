import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * The second factors of the public lookup, as tracking keeps them: never the birth date or the
 * NIB itself (personal data, which tracking's work does not need), only a keyed HMAC of each,
 * bound to its applicant or business, current value only. Whoever reads the table without the
 * key cannot test a guessed date against it, and two people born on the same day do not share
 * a value.
 */
export type FactorKind = 'birth-date' | 'nib';

export const FACTOR_MAC_BYTES = 32;

export function factorMac(
  key: Buffer | KeyObject,
  kind: FactorKind,
  ownerId: string,
  value: string,
): Buffer {
  return createHmac('sha256', key).update(`${kind}:${ownerId.toLowerCase()}:${value}`).digest();
}

/** `YYYY-MM-DD` of the profile's birth date, which the contract allows as a full ISO 8601 time. */
export function birthDateOf(profileBirthDate: string): string {
  return profileBirthDate.slice(0, 10);
}

/** The factor a lookup offers, with the owner of the case it must belong to. */
export interface OfferedFactor {
  kind: FactorKind;
  value: string;
}

export function offeredFactor(lookup: {
  birthDate?: string;
  nib?: string;
}): OfferedFactor | undefined {
  if (lookup.birthDate !== undefined && lookup.nib === undefined)
    return { kind: 'birth-date', value: lookup.birthDate };
  if (lookup.nib !== undefined && lookup.birthDate === undefined)
    return { kind: 'nib', value: lookup.nib };
  return undefined;
}

/** An owner id no case has: what an unknown number's factor is computed against. */
const NOBODY = '00000000-0000-0000-0000-000000000000';
const NO_MAC = Buffer.alloc(FACTOR_MAC_BYTES);

/**
 * Whether the offered factor is the one kept for the case's owner. Computed the same way
 * whether or not the case or its owner's factor is known (an HMAC and a constant-time compare
 * against a stand-in), so the answer's timing does not tell an unknown number from a wrong
 * factor.
 */
export function factorMatches(
  key: Buffer | KeyObject,
  offered: OfferedFactor,
  ownerId: string | null | undefined,
  storedMac: Buffer | null | undefined,
): boolean {
  const given = factorMac(key, offered.kind, ownerId ?? NOBODY, offered.value);
  const stored = storedMac?.length === FACTOR_MAC_BYTES ? storedMac : NO_MAC;
  const equal = timingSafeEqual(given, stored);
  return equal && !!ownerId && stored !== NO_MAC;
}
