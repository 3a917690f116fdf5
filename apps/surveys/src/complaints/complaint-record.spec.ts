import {
  newComplaint,
  actOnComplaint,
  readHolidaysSeed,
  workingDayCalendar,
} from '@satupintu/domain';
import { calendarStamp, deadlinesOf } from './complaint-record';

const seed = readHolidaysSeed();
const calendar = workingDayCalendar(seed.years['2026'].holidays.map((holiday) => holiday.date));
const at = (local: string) => new Date(`${local}+07:00`);

describe('the deadline columns of a complaint', () => {
  const submitted = newComplaint(at('2026-03-17T10:00:00'), 'Asia/Jakarta');
  const first = deadlinesOf(submitted, calendar);
  const routed = actOnComplaint(submitted, 'ROUTE', at('2026-03-27T15:00:00'), calendar);
  const answering = deadlinesOf(routed, calendar, first);

  it('keep the routing deadline once routed, and the first round’s answering deadline', () => {
    expect(first).toEqual({
      dueWhat: 'ROUTE',
      dueAt: at('2026-03-28T00:00:00'),
      routeDueAt: at('2026-03-28T00:00:00'),
      firstAnswerDueAt: null,
    });
    expect(answering).toEqual({
      dueWhat: 'ANSWER',
      dueAt: at('2026-04-07T00:00:00'),
      routeDueAt: at('2026-03-28T00:00:00'),
      firstAnswerDueAt: at('2026-04-07T00:00:00'),
    });
  });

  it('judge the first answer by the first round, not by the round a dispute opens', () => {
    const answered = actOnComplaint(routed, 'ANSWER', at('2026-04-06T10:00:00'), calendar);
    const reopened = actOnComplaint(answered, 'DISPUTE', at('2026-04-10T09:00:00'), calendar);
    expect(deadlinesOf(reopened, calendar, answering)).toEqual({
      dueWhat: 'ANSWER',
      dueAt: at('2026-04-18T00:00:00'),
      routeDueAt: at('2026-03-28T00:00:00'),
      firstAnswerDueAt: at('2026-04-07T00:00:00'),
    });
    const closed = actOnComplaint(
      actOnComplaint(reopened, 'ANSWER', at('2026-04-17T09:00:00'), calendar),
      'CLOSE',
      at('2026-05-05T00:00:00'),
      calendar,
    );
    expect(deadlinesOf(closed, calendar, answering)).toMatchObject({ dueWhat: null, dueAt: null });
  });

  it('stamp the calendar by its years and versions, in order', () => {
    expect(
      calendarStamp(
        new Map([
          [2027, 1],
          [2025, 3],
          [2026, 2],
        ]),
      ),
    ).toBe('2025:3,2026:2,2027:1');
  });
});
