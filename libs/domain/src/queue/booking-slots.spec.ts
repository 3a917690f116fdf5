import { workingDayCalendar } from '../time/working-days';
import {
  addDays,
  checkBooking,
  checkSchedule,
  slotTimes,
  type BookingRules,
  type BookingSlot,
} from './booking-slots';

const slot = (start: string, minutes = 30, capacity = 5): BookingSlot => ({
  start,
  minutes,
  capacity,
});

describe('checkSchedule', () => {
  it('accepts slots in order, back to back or with gaps, and none at all', () => {
    expect(checkSchedule([slot('08:00'), slot('08:30'), slot('13:00', 60)])).toEqual([]);
    expect(checkSchedule([])).toEqual([]);
  });

  it('names a slot that starts before the one before it has ended', () => {
    expect(checkSchedule([slot('08:00', 60), slot('08:30')])).toEqual([
      { field: 'slots.1.start', code: 'slot_overlap', params: { previous: '08:00' } },
    ]);
  });

  it('names slots out of order as overlapping the one before', () => {
    expect(checkSchedule([slot('10:00'), slot('09:00')])).toEqual([
      { field: 'slots.1.start', code: 'slot_overlap', params: { previous: '10:00' } },
    ]);
  });

  it('names a slot that runs past midnight', () => {
    expect(checkSchedule([slot('23:45', 30)])).toEqual([
      { field: 'slots.0.minutes', code: 'slot_past_midnight' },
    ]);
    expect(checkSchedule([slot('23:30', 30)])).toEqual([]);
  });

  it('names a start that is no wall-clock time', () => {
    expect(checkSchedule([slot('24:00'), slot('8:00')])).toEqual([
      { field: 'slots.0.start', code: 'time_format' },
      { field: 'slots.1.start', code: 'time_format' },
    ]);
  });
});

describe('slotTimes', () => {
  it("places a slot on the mall's wall clock: 09:00 WIB is 02:00 UTC", () => {
    const times = slotTimes('2026-03-16', slot('09:00', 45), 'Asia/Jakarta');
    expect(times.start.toISOString()).toBe('2026-03-16T02:00:00.000Z');
    expect(times.end.toISOString()).toBe('2026-03-16T02:45:00.000Z');
  });

  it('follows the zone: 09:00 WITA is 01:00 UTC', () => {
    expect(slotTimes('2026-03-16', slot('09:00'), 'Asia/Makassar').start.toISOString()).toBe(
      '2026-03-16T01:00:00.000Z',
    );
  });
});

describe('addDays', () => {
  it('counts calendar days across months and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('checkBooking', () => {
  // Monday 16 March 2026, 07:30 WIB; Nyepi (Thursday 19 March) is a day off.
  const rules: BookingRules = {
    calendar: workingDayCalendar(['2026-03-19']),
    calendarYears: new Map([[2026, 1]]),
    now: new Date('2026-03-16T07:30:00+07:00'),
    timeZone: 'Asia/Jakarta',
    horizonDays: 30,
  };
  const schedule = [slot('08:00'), slot('08:30'), slot('13:00', 60)];

  it('books a slot of a working day that has not started, with its start and end', () => {
    expect(checkBooking('2026-03-17', '08:30', schedule, rules)).toEqual({
      slot: slot('08:30'),
      start: new Date('2026-03-17T08:30:00+07:00'),
      end: new Date('2026-03-17T09:00:00+07:00'),
    });
  });

  it("books today's slots that have not started yet", () => {
    expect(checkBooking('2026-03-16', '08:00', schedule, rules)).toMatchObject({
      start: new Date('2026-03-16T08:00:00+07:00'),
    });
  });

  it('refuses a slot that has started, or is over', () => {
    const late = { ...rules, now: new Date('2026-03-16T08:00:00+07:00') };
    expect(checkBooking('2026-03-16', '08:00', schedule, late)).toEqual({
      problems: [{ field: 'slotStart', code: 'slot_started' }],
    });
  });

  it('refuses a day before today', () => {
    expect(checkBooking('2026-03-13', '08:00', schedule, rules)).toEqual({
      problems: [{ field: 'day', code: 'day_in_past', params: { today: '2026-03-16' } }],
    });
  });

  it('refuses a day past the horizon, and takes the last one', () => {
    expect(checkBooking('2026-04-16', '08:00', schedule, rules)).toEqual({
      problems: [{ field: 'day', code: 'day_beyond_horizon', params: { last: '2026-04-15' } }],
    });
    expect(checkBooking('2026-04-15', '08:00', schedule, rules)).toHaveProperty('slot');
  });

  it("refuses a weekend and a day off of the mall's calendar", () => {
    for (const day of ['2026-03-21', '2026-03-22', '2026-03-19'])
      expect(checkBooking(day, '08:00', schedule, rules)).toEqual({
        problems: [{ field: 'day', code: 'day_not_working' }],
      });
  });

  it('refuses a day of a year the calendar does not hold: its days off are not known', () => {
    const december = { ...rules, now: new Date('2026-12-28T07:00:00+07:00') };
    expect(checkBooking('2027-01-04', '08:00', schedule, december)).toEqual({
      problems: [{ field: 'day', code: 'calendar_year_not_held', params: { year: 2027 } }],
    });
  });

  it('refuses a slot the service does not have, naming those it has', () => {
    expect(checkBooking('2026-03-17', '09:00', schedule, rules)).toEqual({
      problems: [
        { field: 'slotStart', code: 'slot_unknown', params: { values: '08:00, 08:30, 13:00' } },
      ],
    });
  });

  it('refuses a day that does not exist', () => {
    expect(checkBooking('2026-02-30', '08:00', schedule, rules)).toEqual({
      problems: [{ field: 'day', code: 'must_be_date' }],
    });
  });
});
