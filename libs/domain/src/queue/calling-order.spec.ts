import { callingOrder, priorityFrom, ticketsAhead, type WaitingTicket } from './calling-order';

const at = (hhmm: string) => new Date(`2026-03-16T${hhmm}:00.000+07:00`);
const slot = { start: at('09:00'), end: at('09:30') };
const walkIn = (number: number, checkedIn: string): WaitingTicket => ({
  number,
  checkedInAt: at(checkedIn),
});
const booked = (number: number, checkedIn: string): WaitingTicket => ({
  number,
  checkedInAt: at(checkedIn),
  priorityFrom: priorityFrom(slot, at(checkedIn)),
});

describe('priorityFrom', () => {
  it('gives a booked visitor who checks in before their slot priority from its start', () => {
    expect(priorityFrom(slot, at('08:40'))).toEqual(slot.start);
  });

  it('gives one who checks in during the slot, up to its very end, priority from its start', () => {
    expect(priorityFrom(slot, at('09:10'))).toEqual(slot.start);
    expect(priorityFrom(slot, slot.end)).toEqual(slot.start);
  });

  it('gives one who comes after the slot has ended no priority: they queue like a walk-in', () => {
    expect(priorityFrom(slot, new Date(slot.end.getTime() + 1))).toBeUndefined();
  });

  it('gives a walk-in no priority', () => {
    expect(priorityFrom(undefined, at('09:10'))).toBeUndefined();
  });
});

describe('callingOrder', () => {
  const sorted = (tickets: WaitingTicket[], now: string) =>
    [...tickets].sort(callingOrder(at(now))).map((ticket) => ticket.number);

  it('calls walk-ins in check-in order', () => {
    expect(sorted([walkIn(3, '08:20'), walkIn(1, '08:01'), walkIn(2, '08:05')], '08:30')).toEqual([
      1, 2, 3,
    ]);
  });

  it('calls a booked visitor whose slot has started before walk-ins who came earlier', () => {
    const tickets = [walkIn(1, '08:01'), walkIn(2, '08:05'), booked(3, '08:50')];
    expect(sorted(tickets, '09:00')).toEqual([3, 1, 2]);
  });

  it('keeps an early booked visitor in check-in order until their slot starts', () => {
    const tickets = [walkIn(1, '08:01'), booked(2, '08:50'), walkIn(3, '08:55')];
    expect(sorted(tickets, '08:59')).toEqual([1, 2, 3]);
  });

  it('calls booked visitors whose slots have started among themselves in check-in order', () => {
    const tickets = [walkIn(1, '08:01'), booked(3, '09:05'), booked(2, '08:50')];
    expect(sorted(tickets, '09:10')).toEqual([2, 3, 1]);
  });

  it('breaks a tie of check-in instants by the number', () => {
    expect(sorted([walkIn(5, '08:00'), walkIn(4, '08:00')], '08:30')).toEqual([4, 5]);
  });
});

describe('ticketsAhead', () => {
  it('counts those called before the ticket, itself not included', () => {
    const mine = walkIn(3, '08:20');
    const waiting = [walkIn(1, '08:01'), walkIn(2, '08:05'), mine, walkIn(4, '08:30')];
    expect(ticketsAhead(mine, waiting, at('08:40'))).toBe(2);
  });

  it('counts a booked visitor whose slot has started ahead of an earlier walk-in', () => {
    const mine = walkIn(1, '08:01');
    const waiting = [mine, booked(2, '08:50')];
    expect(ticketsAhead(mine, waiting, at('08:59'))).toBe(0);
    expect(ticketsAhead(mine, waiting, at('09:00'))).toBe(1);
  });
});
