// A NIK is personal data: logs keep the region and serial (enough to debug) and hide the
// birth date. Any 16-digit run is treated as a NIK, wherever it appears.
const SIXTEEN_DIGITS = /(?<!\d)(\d{6})\d{6}(\d{4})(?!\d)/g;

export function redactNiks(text: string): string {
  return text.replace(SIXTEEN_DIGITS, '$1******$2');
}

/** Deep copy of a log value with every NIK-looking string masked. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactNiks(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactNiks(value.message),
      stack: value.stack && redactNiks(value.stack),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactValue(item, depth + 1);
  return out;
}
