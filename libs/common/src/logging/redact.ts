// A NIK is personal data: logs keep the region and serial (enough to debug) and hide the
// birth date. Any 16-digit run is treated as a NIK, wherever it appears.
const SIXTEEN_DIGITS = /(?<!\d)(\d{6})\d{6}(\d{4})(?!\d)/g;

export function redactNiks(text: string): string {
  return text.replace(SIXTEEN_DIGITS, '$1******$2');
}

// A credential in a URL's query (which the gateway refuses with 400, but still logs the request):
// the parameter's name stays, its value goes.
const URL_SECRET =
  /([?&](?:access_token|refresh_token|id_token|token|client_secret|password|api_key|apikey|code_verifier|otp)=)[^&#\s"]*/gi;

export function redactUrlSecrets(text: string): string {
  return text.replace(URL_SECRET, '$1[redacted]');
}

const MAX_DEPTH = 8;

/**
 * Deep copy of a log value with every NIK-looking string masked. Errors keep their name, code
 * and other own fields; what lies deeper than we look is dropped rather than logged unread.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactUrlSecrets(redactNiks(value));
  if (typeof value === 'number' || typeof value === 'bigint') {
    const text = String(value);
    const masked = redactNiks(text);
    return masked === text ? value : masked;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (value instanceof Date) return value;
  if (value instanceof Error) {
    const out: Record<string, unknown> = { type: value.name, message: redactNiks(value.message) };
    if (value.stack) out.stack = redactNiks(value.stack);
    for (const [key, item] of Object.entries(value)) out[key] = redactValue(item, depth + 1);
    if (value.cause !== undefined) out.cause = redactValue(value.cause, depth + 1);
    return out;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactValue(item, depth + 1);
  return out;
}
