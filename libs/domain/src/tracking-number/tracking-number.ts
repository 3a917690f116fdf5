/**
 * Crockford Base32: no I, L, O or U, so a number read aloud over the phone cannot be heard or
 * written as a look-alike, and no accidental words form.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
const DATA_LENGTH = 8;
const CANONICAL_LENGTH = DATA_LENGTH + 1;
const CROCKFORD_LOOK_ALIKES: Readonly<Record<string, string>> = { I: '1', L: '1', O: '0' };

/**
 * Eight random symbols (40 bits) and a Luhn mod 32 check symbol. The check catches every
 * single-symbol substitution and every swap of two adjacent different symbols except '0'⇄'Z'
 * (code points 0 and 31), the mod-32 twin of Luhn's 09⇄90 blind spot: doubling either one
 * yields the same summed digits (0 → 0, 31 → 62 → 1 + 30 = 31), so swapping them leaves the sum
 * unchanged. Of the 32 × 31 ordered pairs of different symbols, 990 of 992 swaps are detected.
 */
export function generateTrackingNumber(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(DATA_LENGTH);
  if (bytes.length < DATA_LENGTH) {
    throw new RangeError(`randomBytes returned ${bytes.length} bytes, expected ${DATA_LENGTH}`);
  }
  const codes: number[] = [];
  // 256 is a multiple of 32, so keeping the low 5 bits gives every symbol the same chance.
  for (let i = 0; i < DATA_LENGTH; i++) codes.push(bytes[i] & (BASE - 1));
  return toSymbols(codes) + ALPHABET[checkCode(codes)];
}

/**
 * Accepts what a person may type: any case, spaces and hyphens anywhere, and the Crockford
 * look-alikes I/L for 1 and O for 0. Returns the canonical 9-symbol form, or null.
 */
export function normalizeTrackingNumber(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '').replace(/[a-z]/g, (ch) => ch.toUpperCase());
  if (compact.length !== CANONICAL_LENGTH) return null;
  const codes: number[] = [];
  for (const ch of compact) {
    const code = ALPHABET.indexOf(CROCKFORD_LOOK_ALIKES[ch] ?? ch);
    if (code < 0) return null;
    codes.push(code);
  }
  const data = codes.slice(0, DATA_LENGTH);
  if (checkCode(data) !== codes[DATA_LENGTH]) return null;
  return toSymbols(codes);
}

/** 'K7M39QX2C' → 'K7M3-9QX2-C'. Throws on anything that is not a valid tracking number. */
export function formatTrackingNumber(canonical: string): string {
  const normalized = normalizeTrackingNumber(canonical);
  if (normalized === null) throw new RangeError(`Not a tracking number: "${canonical}"`);
  return `${normalized.slice(0, 4)}-${normalized.slice(4, 8)}-${normalized.slice(8)}`;
}

export function isValidTrackingNumber(input: string): boolean {
  return normalizeTrackingNumber(input) !== null;
}

function toSymbols(codes: readonly number[]): string {
  return codes.map((code) => ALPHABET[code]).join('');
}

/** Luhn mod N: from the rightmost data symbol, every other code point is doubled. */
function checkCode(codes: readonly number[]): number {
  let sum = 0;
  let factor = 2;
  for (let i = codes.length - 1; i >= 0; i--) {
    const addend = codes[i] * factor;
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return (BASE - (sum % BASE)) % BASE;
}

/**
 * A number of the same scheme as an application's behind a prefix of capital letters: what a
 * person types back (`ADU-K7M3-9QX2-C`) is read as forgivingly as a tracking number, and no
 * application number (9 symbols), however mistyped, reads as one (12 or more).
 */
export interface PrefixedNumbers {
  prefix: string;
  generate(randomBytes: (n: number) => Uint8Array): string;
  /** The canonical form (`ADUK7M39QX2C`) of what a person typed, or null. */
  normalize(input: string): string | null;
  /** 'ADUK7M39QX2C' → 'ADU-K7M3-9QX2-C'. Throws on anything that is not one. */
  format(canonical: string): string;
}

export function prefixedNumbers(prefix: string, what: string): PrefixedNumbers {
  if (!/^[A-Z]{2,4}$/.test(prefix)) throw new RangeError(`not a number prefix: ${prefix}`);
  const normalize = (input: string): string | null => {
    const compact = input.replace(/[\s-]/g, '').toUpperCase();
    if (!compact.startsWith(prefix)) return null;
    const number = normalizeTrackingNumber(compact.slice(prefix.length));
    return number === null ? null : prefix + number;
  };
  return {
    prefix,
    generate: (randomBytes) => prefix + generateTrackingNumber(randomBytes),
    normalize,
    format: (canonical) => {
      const normalized = normalize(canonical);
      if (normalized === null) throw new RangeError(`Not ${what}: "${canonical}"`);
      return `${prefix}-${formatTrackingNumber(normalized.slice(prefix.length))}`;
    },
  };
}

/**
 * A complaint's own tracking id (ADR 0034): `ADU` (aduan) and then a number of the same scheme
 * as an application's, 12 symbols in all. U is not in the Crockford alphabet, so no application
 * number contains it and no application number, however mistyped, reads as a complaint's.
 */
export const COMPLAINT_NUMBERS = prefixedNumbers('ADU', 'a complaint number');
export const COMPLAINT_NUMBER_PREFIX = COMPLAINT_NUMBERS.prefix;

export const generateComplaintNumber = COMPLAINT_NUMBERS.generate;

/**
 * Forgiving as `normalizeTrackingNumber` after the prefix (which must be there, in any case):
 * the canonical 12-symbol form `ADUK7M39QX2C`, or null.
 */
export const normalizeComplaintNumber = COMPLAINT_NUMBERS.normalize;

/** 'ADUK7M39QX2C' → 'ADU-K7M3-9QX2-C'. Throws on anything that is not a complaint number. */
export const formatComplaintNumber = COMPLAINT_NUMBERS.format;
