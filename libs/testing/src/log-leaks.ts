/**
 * What must never appear in a log line: a full NIK, a JWT, an argon2 hash, Authorization
 * credentials, or a field named like a credential holding anything but the redaction mark.
 * Written apart from the logger's own redaction, so it checks it instead of repeating it.
 */
const TEXT_LEAKS: [string, RegExp][] = [
  ['a NIK', /(?<!\d)\d{16}(?!\d)/],
  ['a JWT', /eyJ[\w-]{2,}\.eyJ[\w-]{2,}\./],
  ['an argon2 hash', /\$argon2(id|i|d)\$/],
  ['Authorization credentials', /\b(Bearer|Basic)\s+(?!\[redacted\])[\w.~+/=-]{8,}/i],
];

const CREDENTIAL_FIELD =
  /password|secret|token|authori[sz]ation|cookie|otp|one_?time|verification_?code/i;
const CODE_FIELD = /code$/i;
/** Fields that are ids or traces by construction (hex runs can look like digits). */
const OPAQUE_FIELDS = new Set(['traceId', 'traceparent', 'spanId', 'eventId', 'nats-msg-id']);

const ONE_TIME_CODE = (key: string) => `a one-time code (${key})`;

/** Whether a leak is a one-time code: only a development notifier may write those, by design. */
export function isOneTimeCode(leak: string): boolean {
  return leak.startsWith('a one-time code');
}

export function leaksIn(line: string): string[] {
  const found = TEXT_LEAKS.filter(([, pattern]) => pattern.test(withoutOpaqueFields(line))).map(
    ([what]) => what,
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return found;
  }
  walk(parsed, (key, value) => {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    if (CREDENTIAL_FIELD.test(key) && value !== '[redacted]' && value !== '')
      found.push(`a credential field (${key})`);
    // One-time codes are six digits; database error codes (`23505`) are five.
    else if (CODE_FIELD.test(key) && /^\d{6}$/.test(String(value))) found.push(ONE_TIME_CODE(key));
  });
  return found;
}

function withoutOpaqueFields(line: string): string {
  return line.replace(/"(traceId|traceparent|spanId|eventId)":"[^"]*"/g, '"$1":""');
}

function walk(value: unknown, visit: (key: string, value: unknown) => void, depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 12) return;
  for (const [key, item] of Object.entries(value)) {
    if (OPAQUE_FIELDS.has(key)) continue;
    visit(key, item);
    walk(item, visit, depth + 1);
  }
}
