import { localDateOf } from '../time/zoned-time';

/**
 * The number of an issued output (ADR 0021): `<AGENCY>-<YYYY>-<NNNNNN>`, e.g.
 * `DUKCAPIL-2026-000042`. The agency code first, so the gateway routes a verification to the
 * deployment that issued it without asking anyone; the year in the agency's time zone and a
 * sequence the agency's database allocates per year, so numbers are readable, ordered and never
 * repeat. Only upper-case letters, digits and '-': the number is a URL path segment as it is.
 * The sequence is zero-padded to 6 digits and simply grows past 999999.
 */
export const DOCUMENT_NUMBER_PATTERN = /^([A-Z0-9-]{2,32})-([0-9]{4})-([0-9]{6,9})$/;

const SEQUENCE_DIGITS = 6;
const MAX_SEQUENCE = 999_999_999;

export interface DocumentNumber {
  agencyCode: string;
  year: number;
  sequence: number;
}

export function formatDocumentNumber({ agencyCode, year, sequence }: DocumentNumber): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`not a document sequence: ${sequence}`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`not a document year: ${year}`);
  }
  const number = `${agencyCode}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
  if (!DOCUMENT_NUMBER_PATTERN.test(number))
    throw new RangeError(`not an agency code: ${agencyCode}`);
  return number;
}

/**
 * What a person or a QR scanner hands in: any case, spaces around. Null for anything that is
 * not a document number (the gateway answers 400 before asking an agency).
 */
export function parseDocumentNumber(input: string): DocumentNumber | null {
  const match = DOCUMENT_NUMBER_PATTERN.exec(input.trim().toUpperCase());
  if (!match) return null;
  const sequence = Number(match[3]);
  // One spelling per number: `-0000042` is not `-000042`.
  if (sequence < 1 || match[3] !== String(sequence).padStart(SEQUENCE_DIGITS, '0')) return null;
  return { agencyCode: match[1], year: Number(match[2]), sequence };
}

/** The year a document issued at that instant is numbered in: the agency's calendar year. */
export function documentYear(issuedAt: Date, timeZone: string): number {
  return Number(localDateOf(issuedAt, timeZone).slice(0, 4));
}
