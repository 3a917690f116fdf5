// A NIK is personal data: logs keep the province and regency and the serial (enough to tell
// records apart, PRODUCT.md's `3201********0001`) and hide the district and the birth date. Any
// 16-digit run is treated as a NIK, wherever it appears.
const SIXTEEN_DIGITS = /(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)/g;

export function redactNiks(text: string): string {
  return text.replace(SIXTEEN_DIGITS, '$1********$2');
}

// Credentials have no business in a log: a field named like one is dropped whatever it holds,
// and tokens or Authorization values that slip into free text are cut out.
const SECRET_KEY =
  /pass(word|phrase)?(_?hash)?$|secret|token|authori[sz]ation|cookie|otp|one_?time|verification_?code/i;
const JWT = /eyJ[\w-]{2,}\.eyJ[\w-]{2,}\.[\w-]*/g;
const AUTHORIZATION = /\b(Bearer|Basic)\s+[\w.~+/=-]{8,}/gi;
// A URL a client sent with a credential in its query (which the gateway refuses, and logs).
const QUERY_CREDENTIAL = /([?&][\w.-]*(?:token|secret|password|code|key)[\w.-]*=)[^&#\s"]*/gi;
export const REDACTED = '[redacted]';

/** Text as it may be logged: NIKs masked, JWTs and Authorization credentials removed. */
export function redactText(text: string): string {
  return redactNiks(text)
    .replace(JWT, REDACTED)
    .replace(AUTHORIZATION, `$1 ${REDACTED}`)
    .replace(QUERY_CREDENTIAL, `$1${REDACTED}`);
}

const MAX_DEPTH = 8;

/**
 * Deep copy of a log value with every NIK-looking string masked and every credential removed. Errors keep their name, code
 * and other own fields; what lies deeper than we look is dropped rather than logged unread.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const text = String(value);
    const masked = redactNiks(text);
    return masked === text ? value : masked;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (value instanceof Date) return value;
  if (value instanceof Error) {
    const out: Record<string, unknown> = { type: value.name, message: redactText(value.message) };
    if (value.stack) out.stack = redactText(value.stack);
    for (const [key, item] of Object.entries(value)) out[key] = redactEntry(key, item, depth);
    if (value.cause !== undefined) out.cause = redactValue(value.cause, depth + 1);
    return out;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactEntry(key, item, depth);
  return out;
}

function redactEntry(key: string, item: unknown, depth: number): unknown {
  if (SECRET_KEY.test(key) && item !== undefined && item !== null && item !== '') return REDACTED;
  return redactValue(item, depth + 1);
}
