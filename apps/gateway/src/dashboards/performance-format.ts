export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * Whether an `Accept` header prefers CSV to JSON (RFC 9110 §12.5.1): each type's weight is that
 * of the most specific range naming it; a tie, or no header, is JSON, the API's own format.
 */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = accept.split(',').flatMap((part) => {
    const [range, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!range) return [];
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    return Number.isFinite(weight) ? [{ range, weight }] : [];
  });
  const weightOf = (type: string) => {
    const [major] = type.split('/');
    const match =
      ranges.find((r) => r.range === type) ??
      ranges.find((r) => r.range === `${major}/*`) ??
      ranges.find((r) => r.range === '*/*');
    return match?.weight ?? 0;
  };
  return weightOf('text/csv') > weightOf('application/json');
}
