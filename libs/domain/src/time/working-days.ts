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

const DAY_MS = 86_400_000;

/** The calendar day after `date` (`YYYY-MM-DD`), in the proleptic Gregorian calendar. */
export function nextDate(date: string): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + DAY_MS);
}

export function isWorkingDay(date: string, calendar: WorkingDayCalendar): boolean {
  return isWorkingDayAt(Date.parse(`${date}T00:00:00Z`), calendar);
}

const isoDate = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

/**
 * The days off as UTC midnights, made once per calendar: the loops below walk days as numbers,
 * without a string or a Date per day.
 */
const daysOffAsNumbers = new WeakMap<ReadonlySet<string>, Set<number>>();

function isWorkingDayAt(utcMidnight: number, calendar: WorkingDayCalendar): boolean {
  // 1970-01-01 was a Thursday (4): 0 is Sunday, 6 Saturday.
  const weekday = (((Math.floor(utcMidnight / DAY_MS) + 4) % 7) + 7) % 7;
  if (weekday === 0 || weekday === 6) return false;
  let daysOff = daysOffAsNumbers.get(calendar.daysOff);
  if (!daysOff) {
    daysOff = new Set([...calendar.daysOff].map((day) => Date.parse(`${day}T00:00:00Z`)));
    daysOffAsNumbers.set(calendar.daysOff, daysOff);
  }
  return !daysOff.has(utcMidnight);
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
  let day = Date.parse(`${localDateOf(received, timeZone)}T00:00:00Z`);
  for (let counted = 0; counted < days;) {
    day += DAY_MS;
    if (isWorkingDayAt(day, calendar)) counted += 1;
  }
  return startOfLocalDay(isoDate(day + DAY_MS), timeZone);
}

/**
 * How many working days lie after `from` up to and including `to` (both `YYYY-MM-DD`): the
 * working days a case has used when it arrived on `from` and it is now `to`; 0 when `to` is not
 * after `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingDayCalendar): number {
  let count = 0;
  const last = Date.parse(`${to}T00:00:00Z`);
  for (let day = Date.parse(`${from}T00:00:00Z`) + DAY_MS, steps = 0; day <= last; day += DAY_MS) {
    if (steps++ > MAX_DAYS * 2) throw new RangeError(`too long a span: ${from} to ${to}`);
    if (isWorkingDayAt(day, calendar)) count += 1;
  }
  return count;
}
