import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isWorkingDay,
  nextDate,
  workingDayCalendar,
  workingDayDeadline,
  workingDaysBetween,
} from './working-days';

/** The project's copy of the SKB days off, 2025–2027 (seed data; admins edit it at runtime). */
const seed = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'data', 'holidays-id.json'), 'utf8'),
) as { years: Record<string, { holidays: { date: string }[] }> };
const DAYS_OFF = Object.values(seed.years).flatMap((year) => year.holidays.map((h) => h.date));
const calendar = workingDayCalendar(DAYS_OFF);

const ZONES = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 } as const;

describe('workingDayDeadline, by hand', () => {
  it('skips the Nyepi and Lebaran days off of March 2026 and the weekend between them', () => {
    // Received Tue 17 March 10:00 WIB; 18, 19, 20, 23 and 24 March are off, 21–22 a weekend:
    // the three working days are 25, 26 and 27 March, so the deadline is the midnight after 27.
    const received = new Date('2026-03-17T03:00:00Z');
    expect(workingDayDeadline(received, 3, 'Asia/Jakarta', calendar).toISOString()).toBe(
      '2026-03-27T17:00:00.000Z',
    );
  });

  it('counts from the day after the day it arrived, whatever the hour', () => {
    const morning = new Date('2026-04-06T00:00:00+07:00');
    const lateEvening = new Date('2026-04-06T23:59:59+07:00');
    for (const received of [morning, lateEvening])
      expect(workingDayDeadline(received, 1, 'Asia/Jakarta', calendar).toISOString()).toBe(
        '2026-04-07T17:00:00.000Z',
      );
  });

  it("reads the day in the agency's zone: the same instant is Friday in WITA, Saturday in WIT", () => {
    // 13 Feb 2026 23:30 WITA = 14 Feb 00:30 WIT; 16 (cuti bersama) and 17 (Imlek) are off.
    const received = new Date('2026-02-13T15:30:00Z');
    expect(workingDayDeadline(received, 1, 'Asia/Makassar', calendar).toISOString()).toBe(
      '2026-02-18T16:00:00.000Z',
    );
    expect(workingDayDeadline(received, 1, 'Asia/Jayapura', calendar).toISOString()).toBe(
      '2026-02-18T15:00:00.000Z',
    );
  });

  it('counts a day off the admins add at runtime, and forgets one they delete', () => {
    const received = new Date('2026-04-06T10:00:00+07:00');
    const added = workingDayCalendar([...DAYS_OFF, '2026-04-07']);
    expect(workingDayDeadline(received, 1, 'Asia/Jakarta', added).toISOString()).toBe(
      '2026-04-08T17:00:00.000Z',
    );
    const deleted = workingDayCalendar(DAYS_OFF.filter((day) => day !== '2026-03-20'));
    expect(
      workingDayDeadline(new Date('2026-03-17T10:00:00+07:00'), 1, 'Asia/Jakarta', deleted),
    ).toEqual(new Date('2026-03-21T00:00:00+07:00'));
  });

  it.each([0, -1, 1.5, Number.NaN, 4000])('refuses a time limit of %s working days', (days) => {
    expect(() => workingDayDeadline(new Date(), days, 'Asia/Jakarta', calendar)).toThrow(
      RangeError,
    );
  });

  it('refuses a day off that is not a date', () => {
    expect(() => workingDayCalendar(['2026-02-30x'])).toThrow(RangeError);
    expect(() => workingDayCalendar(['26-03-20'])).toThrow(RangeError);
  });
});

describe('workingDayDeadline, exhaustively over 2025–2027', () => {
  // A second way to the same answer: the sorted list of every working day, and plain offsets.
  const working: string[] = [];
  for (let date = '2024-12-01'; date < '2028-06-01'; date = nextDate(date)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5 && !DAYS_OFF.includes(date)) working.push(date);
  }
  const expected = (localDate: string, days: number, offsetHours: number) => {
    const first = working.findIndex((day) => day > localDate);
    const last = working[first + days - 1];
    return new Date(Date.parse(`${nextDate(last)}T00:00:00Z`) - offsetHours * 3_600_000);
  };

  it.each(Object.entries(ZONES))(
    'agrees with a count over the list of working days, in %s, for every day and hour',
    (zone, offsetHours) => {
      const mismatches: string[] = [];
      for (let date = '2025-01-01'; date <= '2027-12-31'; date = nextDate(date)) {
        for (const hour of [0, 9, 23]) {
          const received = new Date(
            Date.parse(`${date}T${String(hour).padStart(2, '0')}:30:00Z`) - offsetHours * 3_600_000,
          );
          for (const days of [1, 2, 3, 5, 7, 10, 14, 20]) {
            const got = workingDayDeadline(received, days, zone, calendar).getTime();
            const want = expected(date, days, offsetHours).getTime();
            if (got !== want) mismatches.push(`${date} ${hour}:30 +${days}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    },
  );

  it('never ends a deadline on a day off, and always a local midnight', () => {
    for (let date = '2025-01-01'; date <= '2027-12-31'; date = nextDate(date)) {
      const deadline = workingDayDeadline(
        new Date(`${date}T12:00:00+07:00`),
        4,
        'Asia/Jakarta',
        calendar,
      );
      const lastDay = new Date(deadline.getTime() + 7 * 3_600_000 - 1).toISOString().slice(0, 10);
      expect(isWorkingDay(lastDay, calendar)).toBe(true);
      expect((deadline.getTime() + 7 * 3_600_000) % 86_400_000).toBe(0);
    }
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to the second', () => {
    // 17 March 2026 to 27 March: 25, 26 and 27 (the days between are off).
    expect(workingDaysBetween('2026-03-17', '2026-03-27', calendar)).toBe(3);
    expect(workingDaysBetween('2026-03-17', '2026-03-17', calendar)).toBe(0);
    expect(workingDaysBetween('2026-03-27', '2026-03-17', calendar)).toBe(0);
  });

  it('is the inverse of the deadline: the deadline day is exactly the limit away', () => {
    for (let date = '2025-01-01'; date <= '2027-11-30'; date = nextDate(date)) {
      for (const days of [1, 5, 14]) {
        const deadline = workingDayDeadline(
          new Date(`${date}T08:00:00+07:00`),
          days,
          'Asia/Jakarta',
          calendar,
        );
        const lastDay = new Date(deadline.getTime() + 7 * 3_600_000 - 1).toISOString().slice(0, 10);
        expect(workingDaysBetween(date, lastDay, calendar)).toBe(days);
      }
    }
  });
});

describe('the seed calendar', () => {
  it('has the decrees of 2025, 2026 and 2027 with their cuti bersama', () => {
    expect(Object.keys(seed.years)).toEqual(['2025', '2026', '2027']);
    expect(calendar.daysOff.has('2025-08-18')).toBe(true); // added by the SKB amendment of Aug 2025
    expect(calendar.daysOff.has('2026-03-20')).toBe(true); // cuti bersama Idul Fitri 2026
  });
});
