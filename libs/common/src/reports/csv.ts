export type CsvCell = string | number | null | undefined;

/**
 * One field of RFC 4180: quoted when it holds a quote, a comma or a line break, quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is led by a `'`:
 * codes and labels may be a caller's own text, echoed.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Records as CSV text: fields joined by commas, CRLF after each record (RFC 4180). */
export function csvText(records: readonly (readonly CsvCell[])[]): string {
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
