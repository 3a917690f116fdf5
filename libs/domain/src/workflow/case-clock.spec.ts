import type { ApplicationStatus } from '../application-status/application-status';
import { workingDayCalendar, workingDayDeadline } from '../time/working-days';
import { caseClock, type ClockStep, type ServiceTimeLimit } from './case-clock';
import { type CaseRecord, nextRecord } from './case-history';
import type { WorkflowAction } from './workflow';

// March 2026, days off made up for the tests: Wednesday 4 and Thursday 12.
//   Mon 2 · Tue 3 · [Wed 4] · Thu 5 · Fri 6 · Sat 7 · Sun 8 ·
//   Mon 9 · Tue 10 · Wed 11 · [Thu 12] · Fri 13 · Sat 14 · Sun 15 · Mon 16 · Tue 17
const calendar = workingDayCalendar(['2026-03-04', '2026-03-12']);
const WIB = 'Asia/Jakarta';
const WIT = 'Asia/Jayapura';

/** `Mon 2 10:00` → that local time in March 2026, WIB. */
const wib = (day: number, time: string) =>
  `2026-03-${String(day).padStart(2, '0')}T${time}:00.000+07:00`;
/** The midnight that begins a day of March 2026 in WIB, as an instant. */
const midnight = (day: number) => new Date(wib(day, '00:00'));

const steps = (...pairs: [ApplicationStatus, string][]): ClockStep[] =>
  pairs.map(([to, at]) => ({ to, at }));

const workingDays = (value: number): ServiceTimeLimit => ({ value, unit: 'WORKING_DAYS' });
const now = new Date(wib(31, '12:00'));
const clock = (limit: ServiceTimeLimit, history: ClockStep[], at = now, timeZone = WIB) =>
  caseClock(limit, history, { timeZone, calendar, now: at });

describe('caseClock: when it runs', () => {
  it('has no deadline before the agency starts verifying', () => {
    expect(clock(workingDays(3), [])).toEqual({ state: 'not_started' });
    expect(clock(workingDays(3), steps(['SUBMITTED', wib(2, '09:00')]))).toEqual({
      state: 'not_started',
    });
    expect(
      clock(workingDays(3), steps(['SUBMITTED', wib(2, '09:00')], ['REJECTED', wib(2, '10:00')])),
    ).toEqual({ state: 'not_started' });
  });

  it('starts when the case enters VERIFYING, not when it was submitted', () => {
    const history = steps(
      ['SUBMITTED', '2026-02-27T15:00:00.000+07:00'],
      ['VERIFYING', wib(2, '10:00')],
    );
    // Tue 3, Thu 5, Fri 6 (Wed 4 is off): the end of Friday.
    expect(clock(workingDays(3), history)).toEqual({ state: 'running', deadline: midnight(7) });
  });

  it('without pauses, is the working-day deadline counted from entering VERIFYING', () => {
    for (let day = 2; day <= 16; day += 1)
      for (const time of ['00:00', '08:00', '23:59'])
        for (let value = 1; value <= 8; value += 1) {
          const entered = wib(day, time);
          expect(clock(workingDays(value), steps(['VERIFYING', entered]))).toEqual({
            state: 'running',
            deadline: workingDayDeadline(new Date(entered), value, WIB, calendar),
          });
        }
  });

  it('keeps running through IN_REVIEW and APPROVED, and stops at ISSUED with that deadline', () => {
    const history = steps(
      ['VERIFYING', wib(2, '10:00')],
      ['IN_REVIEW', wib(3, '10:00')],
      ['APPROVED', wib(5, '10:00')],
    );
    expect(clock(workingDays(3), history)).toEqual({ state: 'running', deadline: midnight(7) });
    history.push({ to: 'ISSUED', at: wib(9, '10:00') });
    expect(clock(workingDays(3), history)).toEqual({ state: 'stopped', deadline: midnight(7) });
  });

  it('reads steps given as instants as well as texts', () => {
    const history: ClockStep[] = [{ to: 'VERIFYING', at: new Date(wib(2, '10:00')) }];
    expect(clock(workingDays(3), history)).toEqual({ state: 'running', deadline: midnight(7) });
  });

  it("takes a case's records as its history", () => {
    const records: CaseRecord[] = [];
    const add = (
      from: ApplicationStatus,
      to: ApplicationStatus,
      action: WorkflowAction,
      at: string,
    ) =>
      records.push(
        nextRecord(records[records.length - 1], {
          applicationId: '0b5c2a3e-6f1d-4c8e-9a57-2d4e6f8a1b3c',
          from,
          to,
          action,
          actor: { kind: 'system' },
          at,
        }),
      );
    add('SUBMITTED', 'VERIFYING', 'START_VERIFICATION', wib(2, '10:00'));
    add('VERIFYING', 'NEEDS_REVISION', 'REQUEST_REVISION', wib(3, '11:00'));
    add('NEEDS_REVISION', 'VERIFYING', 'RESUBMIT', wib(9, '09:00'));
    expect(clock(workingDays(3), records)).toEqual({ state: 'running', deadline: midnight(12) });
  });
});

describe('caseClock: working days, paused while the case waits on the applicant', () => {
  it('does not count a revision that spans a holiday and a weekend', () => {
    // Tue 3 counts (running at its midnight); Wed 4 (off) to Mon 9 the case waits; Mon 9, the
    // day it comes back, does not count; Tue 10 and Wed 11 do: the end of Wednesday.
    const history = steps(
      ['VERIFYING', wib(2, '10:00')],
      ['NEEDS_REVISION', wib(3, '11:00')],
      ['VERIFYING', wib(9, '09:00')],
    );
    expect(clock(workingDays(3), history)).toEqual({ state: 'running', deadline: midnight(12) });
  });

  it('does not count a payment wait that spans a holiday and a weekend', () => {
    // Tue 10 counts; waits Tue 10 16:00 to Fri 13 08:00 (Thu 12 off); Mon 16 counts.
    const history = steps(
      ['VERIFYING', wib(9, '10:00')],
      ['AWAITING_PAYMENT', wib(10, '16:00')],
      ['IN_REVIEW', wib(13, '08:00')],
    );
    expect(clock(workingDays(2), history)).toEqual({ state: 'running', deadline: midnight(17) });
    // Without the wait: Tue 10 and Wed 11.
    expect(clock(workingDays(2), history.slice(0, 1))).toEqual({
      state: 'running',
      deadline: midnight(12),
    });
  });

  it('adds up several pauses', () => {
    // Counted: Tue 3; [revision Tue 3 11:00 – Thu 5 14:00]; Fri 6, Mon 9; [payment Mon 9 10:00 –
    // Tue 10 08:00]; Wed 11. Four days: the end of Wednesday 11.
    const history = steps(
      ['VERIFYING', wib(2, '10:00')],
      ['NEEDS_REVISION', wib(3, '11:00')],
      ['VERIFYING', wib(5, '14:00')],
      ['AWAITING_PAYMENT', wib(9, '10:00')],
      ['IN_REVIEW', wib(10, '08:00')],
    );
    expect(clock(workingDays(4), history)).toEqual({ state: 'running', deadline: midnight(12) });
    expect(clock(workingDays(5), history)).toEqual({ state: 'running', deadline: midnight(14) });
    history.push({ to: 'APPROVED', at: wib(11, '09:00') }, { to: 'ISSUED', at: wib(11, '10:00') });
    expect(clock(workingDays(4), history)).toEqual({ state: 'stopped', deadline: midnight(12) });
  });

  it('neither costs nor gains for a pause within one day', () => {
    const plain = steps(['VERIFYING', wib(2, '10:00')]);
    const withinTuesday = steps(
      ['VERIFYING', wib(2, '10:00')],
      ['NEEDS_REVISION', wib(3, '09:00')],
      ['VERIFYING', wib(3, '16:00')],
    );
    const withinArrivalDay = steps(
      ['VERIFYING', wib(2, '10:00')],
      ['NEEDS_REVISION', wib(2, '11:00')],
      ['VERIFYING', wib(2, '17:00')],
    );
    for (const history of [plain, withinTuesday, withinArrivalDay])
      expect(clock(workingDays(3), history)).toEqual({ state: 'running', deadline: midnight(7) });
  });

  it('changes nothing for a pause on days off only', () => {
    // From Fri 6: Mon 9 and Tue 10. Waiting Sat 7 to Sun 8 takes no working day away.
    const history = steps(
      ['VERIFYING', wib(6, '10:00')],
      ['NEEDS_REVISION', wib(7, '10:00')],
      ['VERIFYING', wib(8, '10:00')],
    );
    expect(clock(workingDays(2), history)).toEqual({ state: 'running', deadline: midnight(11) });
  });

  it('gains a day for a pause overnight: the day the case comes back does not count', () => {
    const history = steps(
      ['VERIFYING', wib(2, '10:00')],
      ['NEEDS_REVISION', wib(2, '16:00')],
      ['VERIFYING', wib(3, '09:00')],
    );
    // Thu 5, Fri 6, Mon 9 (Tue 3, the day it came back, and Wed 4, off, do not count).
    expect(clock(workingDays(3), history)).toEqual({ state: 'running', deadline: midnight(10) });
  });

  it('while paused, gives the deadline the case would have if it came back now', () => {
    const history = steps(['VERIFYING', wib(2, '10:00')], ['NEEDS_REVISION', wib(3, '11:00')]);
    const since = new Date(wib(3, '11:00'));
    // One day used (Tue 3), two left, counted after the day it would come back.
    expect(clock(workingDays(3), history, new Date(wib(5, '12:00')))).toEqual({
      state: 'paused',
      since,
      deadline: midnight(10),
    });
    expect(clock(workingDays(3), history, new Date(wib(9, '08:00')))).toEqual({
      state: 'paused',
      since,
      deadline: midnight(12),
    });
    // A clock read before the pause began (skew between processes) counts from the pause.
    expect(clock(workingDays(3), history, new Date(wib(3, '10:00')))).toEqual({
      state: 'paused',
      since,
      deadline: midnight(7),
    });
  });

  it('keeps the deadline a case missed before it paused', () => {
    // One working day: Tue 3, so the end of Tuesday; the revision asked on Wed 4 comes too late.
    const history = steps(['VERIFYING', wib(2, '10:00')], ['NEEDS_REVISION', wib(4, '10:00')]);
    expect(clock(workingDays(1), history, new Date(wib(6, '10:00')))).toEqual({
      state: 'paused',
      since: new Date(wib(4, '10:00')),
      deadline: midnight(4),
    });
    history.push({ to: 'VERIFYING', at: wib(9, '10:00') });
    expect(clock(workingDays(1), history)).toEqual({ state: 'running', deadline: midnight(4) });
  });

  it('counts a day used up to a pause that began on it', () => {
    // Tue 3 counts, though the case paused at 11:00 on it: it was running at its midnight.
    const history = steps(
      ['VERIFYING', wib(2, '10:00')],
      ['NEEDS_REVISION', wib(3, '11:00')],
      ['VERIFYING', wib(9, '09:00')],
    );
    expect(clock(workingDays(1), history)).toEqual({ state: 'running', deadline: midnight(4) });
  });

  it('stops a case withdrawn while paused with the deadline it would have had back then', () => {
    const history = steps(
      ['VERIFYING', wib(2, '10:00')],
      ['NEEDS_REVISION', wib(3, '11:00')],
      ['WITHDRAWN', wib(6, '10:00')],
    );
    // Tue 3 used; from Fri 6: Mon 9 and Tue 10.
    expect(clock(workingDays(3), history)).toEqual({ state: 'stopped', deadline: midnight(11) });
  });

  it("divides days at the agency's midnight: the same instant is Monday in WIB, Tuesday in WIT", () => {
    const history = steps(['VERIFYING', '2026-03-02T16:30:00.000Z']);
    // WIB: Mon 2 23:30, so Tue 3 counts. WIT: Tue 3 01:30, so Thu 5 (Wed 4 is off).
    expect(clock(workingDays(1), history, now, WIB)).toEqual({
      state: 'running',
      deadline: new Date('2026-03-04T00:00:00.000+07:00'),
    });
    expect(clock(workingDays(1), history, now, WIT)).toEqual({
      state: 'running',
      deadline: new Date('2026-03-06T00:00:00.000+09:00'),
    });
  });
});

describe('caseClock: calendar days', () => {
  const days = (value: number): ServiceTimeLimit => ({ value, unit: 'DAYS' });

  it('counts weekends and days off, from the day after', () => {
    expect(clock(days(3), steps(['VERIFYING', wib(2, '10:00')]))).toEqual({
      state: 'running',
      deadline: midnight(6),
    });
    expect(clock(days(3), steps(['VERIFYING', '2026-02-27T10:00:00.000+07:00']))).toEqual({
      state: 'running',
      deadline: midnight(3),
    });
  });

  it('does not count the days the case waits', () => {
    const history = steps(
      ['VERIFYING', wib(2, '10:00')],
      ['NEEDS_REVISION', wib(3, '11:00')],
      ['VERIFYING', wib(7, '09:00')],
    );
    // Tue 3; then Sun 8 and Mon 9.
    expect(clock(days(3), history)).toEqual({ state: 'running', deadline: midnight(10) });
    expect(clock(days(1), history)).toEqual({ state: 'running', deadline: midnight(4) });
  });

  it('while paused, counts from now', () => {
    const history = steps(['VERIFYING', wib(2, '10:00')], ['AWAITING_PAYMENT', wib(2, '12:00')]);
    expect(clock(days(2), history, new Date(wib(6, '12:00')))).toEqual({
      state: 'paused',
      since: new Date(wib(2, '12:00')),
      deadline: midnight(9),
    });
  });
});

describe('caseClock: minutes and hours', () => {
  const minutes = (value: number): ServiceTimeLimit => ({ value, unit: 'MINUTES' });
  const hours = (value: number): ServiceTimeLimit => ({ value, unit: 'HOURS' });

  it('counts elapsed running time, less the pauses, to the millisecond', () => {
    const history = steps(
      ['VERIFYING', wib(2, '10:00')],
      ['NEEDS_REVISION', wib(2, '10:20')],
      ['VERIFYING', wib(2, '11:00')],
    );
    expect(clock(minutes(60), history)).toEqual({
      state: 'running',
      deadline: new Date(wib(2, '11:40')),
    });
  });

  it('while paused, gives the deadline as if the case came back now', () => {
    const history = steps(['VERIFYING', wib(2, '10:00')], ['NEEDS_REVISION', wib(2, '10:20')]);
    expect(clock(minutes(60), history, new Date(wib(2, '10:50')))).toEqual({
      state: 'paused',
      since: new Date(wib(2, '10:20')),
      deadline: new Date(wib(2, '11:30')),
    });
  });

  it('keeps a deadline missed before a pause', () => {
    const history = steps(
      ['VERIFYING', wib(2, '10:00')],
      ['NEEDS_REVISION', wib(2, '11:30')],
      ['VERIFYING', wib(2, '12:00')],
    );
    expect(clock(minutes(60), history)).toEqual({
      state: 'running',
      deadline: new Date(wib(2, '11:00')),
    });
    // Exactly used up when the pause began: that is the deadline.
    expect(clock(minutes(90), history)).toEqual({
      state: 'running',
      deadline: new Date(wib(2, '11:30')),
    });
  });

  it('runs through nights, weekends and days off, and pauses across them', () => {
    expect(clock(hours(2), steps(['VERIFYING', wib(6, '23:00')]))).toEqual({
      state: 'running',
      deadline: new Date(wib(7, '01:00')),
    });
    const history = steps(
      ['VERIFYING', wib(6, '16:00')],
      ['AWAITING_PAYMENT', wib(6, '17:00')],
      ['IN_REVIEW', wib(9, '08:00')],
    );
    expect(clock(hours(2), history)).toEqual({
      state: 'running',
      deadline: new Date(wib(9, '09:00')),
    });
  });
});

describe('caseClock: what it refuses', () => {
  it.each([0, -1, 1.5, 10_001, Number.NaN])('a time limit of %s', (value) => {
    expect(() => clock(workingDays(value), steps(['VERIFYING', wib(2, '10:00')]))).toThrow(
      RangeError,
    );
  });

  it('a history out of time order', () => {
    const history = steps(['VERIFYING', wib(3, '10:00')], ['NEEDS_REVISION', wib(2, '10:00')]);
    expect(() => clock(workingDays(3), history)).toThrow('time order');
  });

  it('a time that is not one', () => {
    expect(() => clock(workingDays(3), steps(['VERIFYING', 'soon']))).toThrow(RangeError);
  });
});
