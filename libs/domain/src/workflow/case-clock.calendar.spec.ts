import { readHolidaysSeed } from '../time/holidays-seed';
import { workingDayCalendar, workingDayDeadline, workingDaysBetween } from '../time/working-days';
import { localDateOf } from '../time/zoned-time';
import { caseClock, type ClockStep } from './case-clock';
import type { ApplicationStatus } from '../application-status/application-status';

// The real SKB days off of 2025–2027, as the project seeds them: intake loads this file into the
// calendar (seedYears) and every service's calendar is all of its dates, national and cuti bersama.
const seed = readHolidaysSeed();
const calendar = workingDayCalendar(
  Object.values(seed.years).flatMap((year) => year.holidays.map((day) => day.date)),
);
const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';

const steps = (...pairs: [ApplicationStatus, string][]): ClockStep[] =>
  pairs.map(([to, at]) => ({ to, at }));
const deadlineOf = (days: number, history: ClockStep[], timeZone = WIB) =>
  caseClock({ value: days, unit: 'WORKING_DAYS' }, history, {
    timeZone,
    calendar,
    now: new Date('2027-06-01T00:00:00Z'),
  });

describe('caseClock over the real 2025–2026 calendar: the Friday before a cuti bersama', () => {
  it('skips the cuti bersama of Monday 18 August 2025 (added by the SKB amendment)', () => {
    // Enters VERIFYING Fri 15 Aug 2025 10:00 WIB; Fri 15 does not count (the day it arrives).
    // Sat 16, Sun 17 (Independence Day), Mon 18 (cuti bersama) are off. Five working days:
    // Tue 19, Wed 20, Thu 21, Fri 22, Mon 25: the deadline is the midnight that begins Tue 26.
    expect(deadlineOf(5, steps(['VERIFYING', '2025-08-15T10:00:00+07:00']))).toEqual({
      state: 'running',
      deadline: new Date('2025-08-26T00:00:00+07:00'),
    });
  });

  it('skips the cuti bersama of Monday 16 February 2026 and Imlek on Tuesday 17', () => {
    // Enters VERIFYING Fri 13 Feb 2026 16:45 WITA. Off: Sat 14, Sun 15, Mon 16 (cuti bersama),
    // Tue 17 (Chinese New Year). Five working days: Wed 18, Thu 19, Fri 20, Mon 23, Tue 24:
    // the deadline is the WITA midnight that begins Wed 25.
    expect(
      deadlineOf(
        5,
        steps(
          ['SUBMITTED', '2026-02-13T08:00:00+08:00'],
          ['VERIFYING', '2026-02-13T16:45:00+08:00'],
        ),
        WITA,
      ),
    ).toEqual({ state: 'running', deadline: new Date('2026-02-25T00:00:00+08:00') });
  });
});

describe('caseClock over the real calendar: a revision pause moves the deadline by its length', () => {
  // Enters VERIFYING Mon 15 Dec 2025 09:00 WIB with 10 working days. Without a pause: Tue 16,
  // Wed 17, Thu 18, Fri 19, Mon 22, Tue 23, Wed 24, (Thu 25 Christmas, Fri 26 cuti bersama off)
  // Mon 29, Tue 30, Wed 31: the deadline is the midnight that begins Thu 1 Jan 2026.
  const verifying: [ApplicationStatus, string] = ['VERIFYING', '2025-12-15T09:00:00+07:00'];

  it('without the pause, ends with 2025', () => {
    expect(deadlineOf(10, steps(verifying))).toEqual({
      state: 'running',
      deadline: new Date('2026-01-01T00:00:00+07:00'),
    });
  });

  it('with a revision from Wed 17 to Tue 23 December, ends four working days later', () => {
    // Counted before the pause: Tue 16, Wed 17 (running at its midnight; the revision is asked at
    // 11:00). The case waits Wed 17 11:00 – Tue 23 15:00: Thu 18, Fri 19, Mon 22 and Tue 23 (the
    // day it comes back) do not count. Eight more: Wed 24, Mon 29, Tue 30, Wed 31, (Thu 1 Jan
    // New Year off) Fri 2, Mon 5, Tue 6, Wed 7 Jan: the midnight that begins Thu 8 Jan 2026.
    const history = steps(
      verifying,
      ['NEEDS_REVISION', '2025-12-17T11:00:00+07:00'],
      ['VERIFYING', '2025-12-23T15:00:00+07:00'],
    );
    const before = deadlineOf(10, steps(verifying));
    const after = deadlineOf(10, history);
    expect(after).toEqual({ state: 'running', deadline: new Date('2026-01-08T00:00:00+07:00') });

    // The same in general terms: the deadline moved by as many working days as the pause took
    // (the days after the day it began, up to the day it ended), counted on the same calendar.
    const lastDay = (clock: ReturnType<typeof deadlineOf>) =>
      clock.state === 'not_started' ? '' : localDateOf(new Date(clock.deadline.getTime() - 1), WIB);
    const pauseLength = workingDaysBetween('2025-12-17', '2025-12-23', calendar);
    const moved = workingDaysBetween(lastDay(before), lastDay(after), calendar);
    expect([pauseLength, moved]).toEqual([4, 4]);
  });

  it('while the revision is pending, gives the deadline the case would have if it came back now', () => {
    // Asked Wed 17 Dec 11:00; read Mon 22 Dec 12:00: 8 days left counted from Mon 22 — Tue 23,
    // Wed 24, Mon 29, Tue 30, Wed 31, Fri 2, Mon 5, Tue 6 Jan: the midnight that begins Wed 7.
    const history = steps(verifying, ['NEEDS_REVISION', '2025-12-17T11:00:00+07:00']);
    expect(
      caseClock({ value: 10, unit: 'WORKING_DAYS' }, history, {
        timeZone: WIB,
        calendar,
        now: new Date('2025-12-22T12:00:00+07:00'),
      }),
    ).toEqual({
      state: 'paused',
      since: new Date('2025-12-17T11:00:00+07:00'),
      deadline: new Date('2026-01-07T00:00:00+07:00'),
    });
  });
});

describe('caseClock over the real calendar: Idul Fitri 2025 and 2026', () => {
  it('2025: skips Nyepi, Lebaran (31 Mar – 1 Apr) and its cuti bersama (2–4 and 7 Apr)', () => {
    // Enters VERIFYING Wed 26 Mar 2025 14:00 WIB. Thu 27 counts (1); off: Fri 28 (cuti bersama
    // Nyepi), Sat 29 (Nyepi), Sun 30, Mon 31 and Tue 1 (Idul Fitri), Wed 2 – Fri 4 (cuti bersama),
    // Sat 5, Sun 6, Mon 7 (cuti bersama). Then Tue 8 (2), Wed 9 (3), Thu 10 (4), Fri 11 (5):
    // the midnight that begins Sat 12 April.
    expect(deadlineOf(5, steps(['VERIFYING', '2025-03-26T14:00:00+07:00']))).toEqual({
      state: 'running',
      deadline: new Date('2025-04-12T00:00:00+07:00'),
    });
  });

  it('2026: skips Nyepi (18–19 Mar), Lebaran (21–22 Mar) and its cuti bersama (20, 23, 24 Mar)', () => {
    // Enters VERIFYING Mon 16 Mar 2026 14:00 WIB. Tue 17 counts (1); off: Wed 18 (cuti bersama
    // Nyepi), Thu 19 (Nyepi), Fri 20 (cuti bersama Idul Fitri), Sat 21 and Sun 22 (Idul Fitri),
    // Mon 23 and Tue 24 (cuti bersama). Then Wed 25 (2), Thu 26 (3), Fri 27 (4), Mon 30 (5):
    // the midnight that begins Tue 31 March.
    expect(deadlineOf(5, steps(['VERIFYING', '2026-03-16T14:00:00+07:00']))).toEqual({
      state: 'running',
      deadline: new Date('2026-03-31T00:00:00+07:00'),
    });
  });
});

describe('caseClock over the real calendar: the change from 2025 to 2026', () => {
  it('reads both years: Christmas and its cuti bersama, then New Year', () => {
    // Enters VERIFYING Mon 22 Dec 2025 10:00 WIB with 10 working days: Tue 23 (1), Wed 24 (2);
    // off: Thu 25 (Christmas), Fri 26 (cuti bersama), the weekend; Mon 29 (3), Tue 30 (4),
    // Wed 31 (5); off: Thu 1 Jan (New Year); Fri 2 (6), Mon 5 (7), Tue 6 (8), Wed 7 (9),
    // Thu 8 (10): the midnight that begins Fri 9 January 2026.
    const history = steps(['VERIFYING', '2025-12-22T10:00:00+07:00']);
    expect(deadlineOf(10, history)).toEqual({
      state: 'running',
      deadline: new Date('2026-01-09T00:00:00+07:00'),
    });
    // caseClock with no pause is workingDayDeadline from entering VERIFYING.
    expect(workingDayDeadline(new Date('2025-12-22T10:00:00+07:00'), 10, WIB, calendar)).toEqual(
      new Date('2026-01-09T00:00:00+07:00'),
    );
  });

  it('stops at the decision with the deadline then in force', () => {
    const history = steps(
      ['VERIFYING', '2025-12-22T10:00:00+07:00'],
      ['IN_REVIEW', '2025-12-30T09:00:00+07:00'],
      ['APPROVED', '2026-01-05T09:00:00+07:00'],
      ['ISSUED', '2026-01-06T09:00:00+07:00'],
    );
    expect(deadlineOf(10, history)).toEqual({
      state: 'stopped',
      deadline: new Date('2026-01-09T00:00:00+07:00'),
    });
  });
});
