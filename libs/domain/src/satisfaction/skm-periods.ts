/**
 * The periods an SKM index is computed over (PermenPANRB 14/2017: at least yearly, usually per
 * quarter or semester), as local dates of the mall's time zone: `[start, end)`.
 */
export const SKM_PERIOD_KINDS = ['quarter', 'semester', 'year'] as const;
export type SkmPeriodKind = (typeof SKM_PERIOD_KINDS)[number];

export interface SkmPeriod {
  kind: SkmPeriodKind;
  /** The first day, `YYYY-MM-DD`. */
  start: string;
  /** The day after the last, `YYYY-MM-DD`. */
  end: string;
  /** Its name (`SKM_PERIOD_LABEL`): `2026-TW1`, `2026-S2`, `2026`. */
  label: string;
}

/**
 * The one naming of an SKM period: what the index and the published report print, what a
 * follow-up plan is recorded under and SERVQUAL's results are asked by. A quarter is a triwulan,
 * `2026-TW1` to `2026-TW4` (TW I–IV, as Indonesian offices number quarters and PRODUCT.md's
 * follow-up plans name them), a semester `2026-S1` or `2026-S2`, a year `2026`.
 */
export const SKM_PERIOD_LABEL = /^(\d{4})(?:-(TW[1-4]|S[12]))?$/;

/** The years a period may be named in: a typo such as `0226` names none. */
const LABEL_YEARS = { from: 2000, to: 2100 };

import { parseLocalDate } from '../time/zoned-time';

const MONTHS: Record<SkmPeriodKind, number> = { quarter: 3, semester: 6, year: 12 };
function firstOf(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
}

function periodAt(kind: SkmPeriodKind, year: number, month: number): SkmPeriod {
  const size = MONTHS[kind];
  const index = Math.floor((month - 1) / size);
  const first = index * size + 1;
  const label =
    kind === 'year' ? String(year) : `${year}-${kind === 'quarter' ? 'TW' : 'S'}${index + 1}`;
  return { kind, start: firstOf(year, first), end: firstOf(year, first + size), label };
}

/** The period a label names (`SKM_PERIOD_LABEL`), or undefined when it names none. */
export function skmPeriodNamed(label: string): SkmPeriod | undefined {
  const match = SKM_PERIOD_LABEL.exec(label);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < LABEL_YEARS.from || year > LABEL_YEARS.to) return undefined;
  const part = match[2];
  if (!part) return periodAt('year', year, 1);
  const kind: SkmPeriodKind = part.startsWith('TW') ? 'quarter' : 'semester';
  return periodAt(kind, year, (Number(part.slice(-1)) - 1) * MONTHS[kind] + 1);
}

/** The period of this kind holding the local date `date` (a real `YYYY-MM-DD`). */
export function skmPeriodOf(kind: SkmPeriodKind, date: string): SkmPeriod {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new RangeError(`not a date: ${date}`);
  return periodAt(kind, parsed.year, parsed.month);
}

/**
 * Every period from the one holding `from` to the one holding `to`, oldest first; an empty list
 * when `to` is before `from`.
 */
export function skmPeriodsBetween(kind: SkmPeriodKind, from: string, to: string): SkmPeriod[] {
  const periods: SkmPeriod[] = [];
  const last = skmPeriodOf(kind, to);
  for (let period = skmPeriodOf(kind, from); period.start <= last.start;) {
    periods.push(period);
    period = skmPeriodOf(kind, period.end);
  }
  return periods;
}
