import type { FormProblem } from '../service-standard/validate-form';
import { isWorkingDay, type WorkingDayCalendar } from '../time/working-days';
import { localDateOf, parseLocalDate, startOfLocalDay } from '../time/zoned-time';

/** One bookable slot of a service's day: from `start` (the mall's wall clock), `minutes` long. */
export interface BookingSlot {
  /** `HH:MM`, 00:00 to 23:59. */
  start: string;
  minutes: number;
  /** How many visitors may book it. */
  capacity: number;
}

/** A service's day holds at most this many slots, each this long and with this capacity. */
export const SCHEDULE_LIMITS = {
  slots: 48,
  minutes: { min: 5, max: 480 },
  capacity: { min: 1, max: 1000 },
} as const;

export const SLOT_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * What is wrong with a service's slots as a whole (each slot's own shape is checked where the
 * request is read): they must come in order of their start, none overlapping the one before,
 * none running past midnight. Empty when they are fine; an empty list of slots is fine too (the
 * service takes no bookings).
 */
export function checkSchedule(slots: readonly BookingSlot[]): FormProblem[] {
  const problems: FormProblem[] = [];
  slots.forEach((slot, i) => {
    if (!SLOT_TIME.test(slot.start)) {
      problems.push({ field: `slots.${i}.start`, code: 'time_format' });
      return;
    }
    const start = minutesOfDay(slot.start);
    if (start + slot.minutes > 24 * 60)
      problems.push({ field: `slots.${i}.minutes`, code: 'slot_past_midnight' });
    const previous = slots[i - 1];
    if (
      previous &&
      SLOT_TIME.test(previous.start) &&
      start < minutesOfDay(previous.start) + previous.minutes
    )
      problems.push({
        field: `slots.${i}.start`,
        code: 'slot_overlap',
        params: { previous: previous.start },
      });
  });
  return problems;
}

/**
 * When a slot of a day starts and ends. Midnight plus the minutes of its wall-clock start: the
 * mall's zones (WIB, WITA, WIT) keep no daylight saving, so no day is longer or shorter.
 */
export function slotTimes(
  day: string,
  slot: BookingSlot,
  timeZone: string,
): { start: Date; end: Date } {
  const start = new Date(
    startOfLocalDay(day, timeZone).getTime() + minutesOfDay(slot.start) * 60_000,
  );
  return { start, end: new Date(start.getTime() + slot.minutes * 60_000) };
}

/** What a booking is checked against besides the service's slots. */
export interface BookingRules {
  calendar: WorkingDayCalendar;
  /** The years the calendar holds: a day of another year cannot be told a working day. */
  calendarYears: ReadonlyMap<number, number>;
  now: Date;
  /** The mall's zone: today and every slot are its local days and hours. */
  timeZone: string;
  /** How many days after today the last bookable day is. */
  horizonDays: number;
}

export type BookingCheck =
  { slot: BookingSlot; start: Date; end: Date } | { problems: FormProblem[] };

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * Whether a visit can be booked on `day` in the slot starting at `slotStart` (ADR 0036): a
 * working day of the mall's calendar (of a year the calendar holds), from today to the horizon,
 * in a slot of the service's day that has not started yet. Capacity is not checked here: it is
 * counted in the statement that books.
 */
export function checkBooking(
  day: string,
  slotStart: string,
  schedule: readonly BookingSlot[],
  rules: BookingRules,
): BookingCheck {
  const date = parseLocalDate(day);
  if (!date) return { problems: [{ field: 'day', code: 'must_be_date' }] };
  const today = localDateOf(rules.now, rules.timeZone);
  const last = addDays(today, rules.horizonDays);
  const dayProblem: FormProblem | undefined =
    day < today
      ? { field: 'day', code: 'day_in_past', params: { today } }
      : day > last
        ? { field: 'day', code: 'day_beyond_horizon', params: { last } }
        : !rules.calendarYears.has(date.year)
          ? { field: 'day', code: 'calendar_year_not_held', params: { year: date.year } }
          : !isWorkingDay(day, rules.calendar)
            ? { field: 'day', code: 'day_not_working' }
            : undefined;
  if (dayProblem) return { problems: [dayProblem] };
  const slot = schedule.find((candidate) => candidate.start === slotStart);
  if (!slot)
    return {
      problems: [
        {
          field: 'slotStart',
          code: 'slot_unknown',
          params: { values: schedule.map((s) => s.start).join(', ') || '-' },
        },
      ],
    };
  const times = slotTimes(day, slot, rules.timeZone);
  if (times.start.getTime() <= rules.now.getTime())
    return { problems: [{ field: 'slotStart', code: 'slot_started' }] };
  return { slot, ...times };
}
