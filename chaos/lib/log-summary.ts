/** Fields that differ on every line and would keep identical lines apart. */
const VOLATILE = new Set(['level', 'time', 'service', 'requestId', 'traceId', 'pid', 'hostname']);

/**
 * One key per kind of log line (service, level, message, error message), so that a thousand
 * identical warnings read as one line with a count in the report. A JSON line without `msg`
 * (TypeORM's own warnings put theirs under `typeorm`) keeps its other fields instead.
 */
export function logKey(service: string, line: string): string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return `${service}: ${line.slice(0, 200)}`;
  }
  if (typeof record !== 'object' || record === null || !('level' in record)) {
    return `${service}: ${line.slice(0, 200)}`;
  }
  const { level, msg, err } = record as { level: unknown; msg?: unknown; err?: unknown };
  const errMessage = (err as { message?: unknown } | undefined)?.message;
  const detail = typeof errMessage === 'string' ? ` (${errMessage.slice(0, 160)})` : '';
  const message =
    typeof msg === 'string'
      ? msg
      : JSON.stringify(
          Object.fromEntries(Object.entries(record).filter(([key]) => !VOLATILE.has(key))),
        ).slice(0, 200);
  return `${service}: ${String(level)} ${message}${detail}`;
}
