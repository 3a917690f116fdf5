import { DomainError } from '@satupintu/common';
import { MAX_PERFORMANCE_PERIODS, type PeriodKind } from '@satupintu/contracts';
import { parseLocalDate } from '@satupintu/domain';

/** The whole periods a dashboard covers, as local dates: `[start, end)` and each period's start. */
export interface PeriodRange {
  kind: PeriodKind;
  /** Each period's first day, `YYYY-MM-DD`, oldest first. */
  periods: string[];
  /** The first day counted. */
  start: string;
  /** The last day counted. */
  last: string;
  /** The day after the last one counted. */
  end: string;
}

function parts(date: string): [number, number, number] | undefined {
  const parsed = parseLocalDate(date);
  return parsed ? [parsed.year, parsed.month, parsed.day] : undefined;
}

function format(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** The first day of the period holding `date`: what PostgreSQL's `date_trunc(kind, …)` gives. */
export function periodStart(kind: PeriodKind, date: string): string {
  const found = parts(date);
  if (!found) throw new RangeError(`not a date: ${date}`);
  const [year, month, day] = found;
  switch (kind) {
    case 'day':
      return format(year, month, day);
    case 'month':
      return format(year, month, 1);
    case 'quarter':
      return format(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
    case 'year':
      return format(year, 1, 1);
  }
}

/** The first day of the period after the one starting on `start`. */
export function nextPeriod(kind: PeriodKind, start: string): string {
  const found = parts(start);
  if (!found) throw new RangeError(`not a date: ${start}`);
  const [year, month, day] = found;
  switch (kind) {
    case 'day':
      return format(year, month, day + 1);
    case 'month':
      return format(year, month + 1, 1);
    case 'quarter':
      return format(year, month + 3, 1);
    case 'year':
      return format(year + 1, 1, 1);
  }
}

/**
 * Every whole period from the one holding `from` to the one holding `to`. A date that is no
 * date, `to` before `from`, or more periods than a dashboard draws is the caller's mistake (400).
 */
export function periodRange(kind: PeriodKind, from: string, to: string): PeriodRange {
  const errors = [
    ...(parts(from) ? [] : [{ field: 'from', code: 'must_be_date' }]),
    ...(parts(to) ? [] : [{ field: 'to', code: 'must_be_date' }]),
  ];
  if (errors.length) throw DomainError.validation(errors);
  if (to < from) throw DomainError.validation([{ field: 'to', code: 'period_order' }]);
  const start = periodStart(kind, from);
  const last = periodStart(kind, to);
  const periods: string[] = [];
  for (let period = start; period <= last; period = nextPeriod(kind, period)) {
    if (periods.length === MAX_PERFORMANCE_PERIODS)
      throw DomainError.validation([
        { field: 'to', code: 'too_many_periods', params: { max: MAX_PERFORMANCE_PERIODS } },
      ]);
    periods.push(period);
  }
  const end = nextPeriod(kind, last);
  const lastDay = new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { kind, periods, start, last: lastDay, end };
}
