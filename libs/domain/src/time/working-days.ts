import { localDateOf, startOfLocalDay } from './zoned-time';

/**
 * The mall's working-day calendar: Monday to Friday, minus the national holidays and cuti
 * bersama of the joint ministerial decree (SKB) of each year. The days off are data an admin
 * edits at runtime (decrees are amended), never constants: this only reads them.
 */
export interface WorkingDayCalendar {
  /** The days off that fall on weekdays or not, as `YYYY-MM-DD`. */
  readonly daysOff: ReadonlySet<string>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function workingDayCalendar(daysOff: Iterable<string>): WorkingDayCalendar {
  const set = new Set<string>();
  for (const day of daysOff) {
    if (!DATE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
      throw new RangeError(`not a date: ${day}`);
    set.add(day);
  }
  return { daysOff: set };
}

/** The calendar day after `date` (`YYYY-MM-DD`), in the proleptic Gregorian calendar. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: WorkingDayCalendar): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.daysOff.has(date);
}

/** Counting past the calendar's data would be a guess: refuse rather than miss a decree. */
const MAX_DAYS = 3660;

/**
 * The deadline of a time limit of `days` working days for something received at `received`:
 * counting starts on the first working day after the day it arrived (whatever the hour), and the
 * deadline is the end of the `days`th working day, that is the local midnight that follows it,
 * in the zone of the agency that owns the work.
 */
export function workingDayDeadline(
  received: Date,
  days: number,
  timeZone: string,
  calendar: WorkingDayCalendar,
): Date {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw new RangeError(`a time limit is 1 to ${MAX_DAYS} working days (got ${days})`);
  let date = localDateOf(received, timeZone);
  for (let counted = 0; counted < days;) {
    date = nextDate(date);
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  return startOfLocalDay(nextDate(date), timeZone);
}

/**
 * How many working days lie after `from` up to and including `to` (both `YYYY-MM-DD`): the
 * working days a case has used when it arrived on `from` and it is now `to`; 0 when `to` is not
 * after `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingDayCalendar): number {
  let count = 0;
  for (let date = nextDate(from), steps = 0; date <= to; date = nextDate(date), steps += 1) {
    if (steps > MAX_DAYS * 2) throw new RangeError(`too long a span: ${from} to ${to}`);
    if (isWorkingDay(date, calendar)) count += 1;
  }
  return count;
}
