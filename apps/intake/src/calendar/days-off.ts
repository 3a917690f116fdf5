import { DomainError } from '@satupintu/common';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  DAY_OFF_NOTE_MAX,
  type CalendarYearV1,
  type DayOffKind,
  type DayOffV1,
  type Principal,
  type PutDayOffV1,
  type WorkingDayCalendarChangedV1,
} from '@satupintu/contracts';
import type { HolidaysSeed } from '@satupintu/domain';

/**
 * The mall's days off: what a mall admin may change in them, and what every follower receives.
 * Pure: the repository loads the year and stores what these decide.
 */

const RESOURCE = 'calendar';

/** The calendar is the mall's: only a mall admin changes it (anyone may read it). */
export function requireCalendarAdmin(principal: Principal): void {
  if (principal.kind === 'officer' && principal.roles.includes('MALL_ADMIN')) return;
  throw principal.kind === 'anonymous'
    ? new DomainError('unauthenticated', 401, [], { resource: RESOURCE })
    : new DomainError('forbidden', 403, [], { resource: RESOURCE });
}

/**
 * A day of `year`, as `YYYY-MM-DD`: a real date (no 30 February) inside the year the route
 * names, so a change is filed under the year whose version it bumps. A Saturday or Sunday is
 * accepted: the decree lists holidays that fall on weekends too, and keeping them keeps the
 * calendar a faithful copy of it; they change no deadline, weekends are never working days.
 */
export function checkDayOfYear(year: number, date: string): void {
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR)
    throw DomainError.validation([
      {
        field: 'year',
        code: 'calendar_year_range',
        params: { min: CALENDAR_FIRST_YEAR, max: CALENDAR_LAST_YEAR },
      },
    ]);
  if (!isRealDate(date)) throw DomainError.validation([{ field: 'date', code: 'must_be_date' }]);
  if (Number(date.slice(0, 4)) !== year)
    throw DomainError.validation([{ field: 'date', code: 'date_outside_year', params: { year } }]);
}

export function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/**
 * The year after adding or replacing the day off on `input.date`; a year the calendar does not
 * hold yet (next year's decree) starts at version 1. The same day off again makes no version.
 */
export function putDayOff(
  current: CalendarYearV1 | undefined,
  input: PutDayOffV1,
): { next: CalendarYearV1; changed: boolean } {
  checkDayOfYear(input.year, input.date);
  const nameId = input.nameId.trim();
  const nameEn = input.nameEn.trim();
  const note = input.note?.trim() || undefined;
  const problems = [
    ...(nameId ? [] : [{ field: 'nameId', code: 'required' }]),
    ...(nameEn ? [] : [{ field: 'nameEn', code: 'required' }]),
  ];
  if (problems.length > 0) throw DomainError.validation(problems);
  const dayOff: DayOffV1 = {
    date: input.date,
    kind: input.kind,
    nameId,
    nameEn,
    ...(note ? { note } : {}),
  };
  const before = current?.daysOff.find((day) => day.date === input.date);
  if (current && before && sameDayOff(before, dayOff)) return { next: current, changed: false };
  const others = (current?.daysOff ?? []).filter((day) => day.date !== input.date);
  return {
    next: {
      year: input.year,
      version: (current?.version ?? 0) + 1,
      ...(current?.decree ? { decree: current.decree } : {}),
      daysOff: [...others, dayOff].sort((a, b) => a.date.localeCompare(b.date)),
    },
    changed: true,
  };
}

/** The year without the day off on `date`; 404 if it has none there. */
export function deleteDayOff(
  current: CalendarYearV1 | undefined,
  year: number,
  date: string,
): CalendarYearV1 {
  checkDayOfYear(year, date);
  if (!current?.daysOff.some((day) => day.date === date))
    throw new DomainError('day_off_not_found', 404, [], { date });
  return {
    ...current,
    version: current.version + 1,
    daysOff: current.daysOff.filter((day) => day.date !== date),
  };
}

function sameDayOff(a: DayOffV1, b: DayOffV1): boolean {
  return a.kind === b.kind && a.nameId === b.nameId && a.nameEn === b.nameEn && a.note === b.note;
}

/** What every service that computes deadlines receives: the whole year, dates and kinds only. */
export function calendarChangedEvent(
  year: CalendarYearV1,
  changedAt: Date,
): WorkingDayCalendarChangedV1 {
  return {
    year: year.year,
    version: year.version,
    daysOff: year.daysOff.map((day) => ({ date: day.date, kind: day.kind })),
    changedAt: changedAt.toISOString(),
  };
}

const SEED_KINDS: Record<string, DayOffKind> = {
  national: 'HOLIDAY',
  cuti_bersama: 'CUTI_BERSAMA',
};

/**
 * The seed's years as the calendar keeps them, each at version 1; its sources become each day's
 * note (as many as fit). Refuses a seed that would not pass an admin's own change.
 */
export function seedYears(seed: HolidaysSeed): CalendarYearV1[] {
  return Object.entries(seed.years)
    .map(([yearText, entry]) => {
      const year = Number(yearText);
      let days: CalendarYearV1 | undefined;
      for (const holiday of entry.holidays) {
        const kind = SEED_KINDS[holiday.kind];
        if (!kind) throw new Error(`seed ${holiday.date}: unknown kind ${holiday.kind}`);
        days = putDayOff(days, {
          year,
          date: holiday.date,
          kind,
          nameId: holiday.name_id,
          nameEn: holiday.name_en,
          note: fitting(holiday.sources ?? [], DAY_OFF_NOTE_MAX),
        }).next;
      }
      return {
        year,
        version: 1,
        ...(entry.decree ? { decree: entry.decree } : {}),
        daysOff: days?.daysOff ?? [],
      };
    })
    .sort((a, b) => a.year - b.year);
}

function fitting(sources: string[], max: number): string {
  let note = '';
  for (const source of sources) {
    const next = note ? `${note}\n${source}` : source;
    if (next.length > max) break;
    note = next;
  }
  return note;
}
