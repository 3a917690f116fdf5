import { readHolidaysSeed } from '../time/holidays-seed';
import { workingDayCalendar } from '../time/working-days';
import {
  ComplaintRefused,
  actOnComplaint,
  complaintDue,
  complaintOverdue,
  newComplaint,
} from './complaint';

const seed = readHolidaysSeed();
const calendar = workingDayCalendar(
  ['2026'].flatMap((year) => seed.years[year].holidays.map((holiday) => holiday.date)),
);
const WIB = 'Asia/Jakarta';
const at = (local: string) => new Date(`${local}+07:00`);
const refusal = (act: () => unknown): ComplaintRefused => {
  try {
    act();
  } catch (error) {
    if (error instanceof ComplaintRefused) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('a complaint on the shared calendar', () => {
  // Tuesday 17 March 2026, the day before Nyepi's cuti bersama (18), Nyepi (19), Idul Fitri's
  // cuti bersama (20, 23, 24) around its weekend: the first working day after is Wednesday 25.
  const submitted = newComplaint(at('2026-03-17T10:00:00'), WIB);

  it('is routed within 3 working days, counted past the holidays and cuti bersama', () => {
    // 25, 26, 27 March: the end of Friday 27 in Jakarta.
    expect(complaintDue(submitted, calendar)).toEqual({
      what: 'ROUTE',
      by: at('2026-03-28T00:00:00'),
    });
  });

  it('escalates once the routing deadline has passed, not a moment before', () => {
    expect(complaintOverdue(submitted, at('2026-03-27T23:59:59'), calendar)).toBeUndefined();
    expect(complaintOverdue(submitted, at('2026-03-28T00:00:00'), calendar)).toEqual({
      what: 'ROUTE',
      by: at('2026-03-28T00:00:00'),
    });
  });

  const routed = actOnComplaint(submitted, 'ROUTE', at('2026-03-27T15:00:00'), calendar);

  it('is answered by the agency within 5 working days of routing, Good Friday not counted', () => {
    // 30, 31 March, 1, 2 April, (3 April Good Friday), 6 April.
    expect(routed.status).toBe('ROUTED');
    expect(complaintDue(routed, calendar)).toEqual({
      what: 'ANSWER',
      by: at('2026-04-07T00:00:00'),
    });
    expect(complaintOverdue(routed, at('2026-04-07T00:00:00'), calendar)?.what).toBe('ANSWER');
  });

  const answered = actOnComplaint(routed, 'ANSWER', at('2026-04-06T10:00:00'), calendar);

  it('closes by itself 10 working days after an answer nobody disputes, and not before', () => {
    // 7, 8, 9, 10, 13, 14, 15, 16, 17, 20 April.
    expect(complaintDue(answered, calendar)).toEqual({
      what: 'CLOSE',
      by: at('2026-04-21T00:00:00'),
    });
    expect(complaintOverdue(answered, at('2026-05-01T00:00:00'), calendar)).toBeUndefined();
    expect(
      refusal(() => actOnComplaint(answered, 'CLOSE', at('2026-04-20T23:59:59'), calendar)).reason,
    ).toBe('not_yet_due');
    const closed = actOnComplaint(answered, 'CLOSE', at('2026-04-21T00:00:00'), calendar);
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: at('2026-04-21T00:00:00') });
    expect(complaintDue(closed, calendar)).toBeUndefined();
  });

  it('reopens once on the reporter’s dispute, for a new answer within 5 working days', () => {
    const reopened = actOnComplaint(answered, 'DISPUTE', at('2026-04-10T09:00:00'), calendar);
    expect(reopened.status).toBe('REOPENED');
    // 13, 14, 15, 16, 17 April.
    expect(complaintDue(reopened, calendar)).toEqual({
      what: 'ANSWER',
      by: at('2026-04-18T00:00:00'),
    });
    const again = actOnComplaint(reopened, 'ANSWER', at('2026-04-17T09:00:00'), calendar);
    expect(
      refusal(() => actOnComplaint(again, 'DISPUTE', at('2026-04-17T10:00:00'), calendar)).reason,
    ).toBe('dispute_used');
  });

  it('takes no dispute once the answer has stood its 10 working days', () => {
    expect(() => actOnComplaint(answered, 'DISPUTE', at('2026-04-21T00:00:00'), calendar)).toThrow(
      ComplaintRefused,
    );
  });

  it('refuses what its status does not allow', () => {
    expect(
      refusal(() => actOnComplaint(submitted, 'ANSWER', at('2026-03-18T09:00:00'), calendar)),
    ).toMatchObject({ reason: 'illegal_transition', status: 'SUBMITTED' });
    expect(() => actOnComplaint(routed, 'ROUTE', at('2026-03-30T09:00:00'), calendar)).toThrow(
      ComplaintRefused,
    );
  });

  it('counts Ascension Day and its cuti bersama out of an answering round', () => {
    // Routed Wednesday 13 May 2026: 14 (Ascension) and 15 (cuti bersama) are off; 18–22 count.
    const may = actOnComplaint(
      newComplaint(at('2026-05-12T09:00:00'), WIB),
      'ROUTE',
      at('2026-05-13T16:00:00'),
      calendar,
    );
    expect(complaintDue(may, calendar)).toEqual({ what: 'ANSWER', by: at('2026-05-23T00:00:00') });
  });
});
