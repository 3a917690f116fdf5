/** What the order of calling needs of a ticket waiting on the floor. */
export interface WaitingTicket {
  /** From when it goes before walk-ins: a booked visitor's slot start, if they came in time. */
  priorityFrom?: Date;
  /** When it got its number: the walk-in's issue, the booked visitor's check-in. */
  checkedInAt: Date;
  /** The day's number on its line: the tie-break of two check-ins in the same millisecond. */
  number: number;
}

/**
 * Decided once, at check-in (ADR 0036): a booked visitor who checks in no later than the end of
 * their slot goes before walk-ins from the moment the slot starts (an early one waits for their
 * slot, then goes ahead); one who comes after the slot has ended queues like a walk-in. A walk-in
 * never has priority.
 */
export function priorityFrom(
  slot: { start: Date; end: Date } | undefined,
  checkedInAt: Date,
): Date | undefined {
  return slot && checkedInAt.getTime() <= slot.end.getTime() ? slot.start : undefined;
}

export function hasPriority(ticket: WaitingTicket, now: Date): boolean {
  return ticket.priorityFrom !== undefined && ticket.priorityFrom.getTime() <= now.getTime();
}

/**
 * The order officers call in: booked visitors whose slot has started (and who came in time)
 * before everyone else, then check-in order, then the number. The call-next statement
 * (`CallsRepository.callNext`) orders by the same three keys in SQL.
 */
export function callingOrder(now: Date): (a: WaitingTicket, b: WaitingTicket) => number {
  return (a, b) =>
    Number(hasPriority(b, now)) - Number(hasPriority(a, now)) ||
    a.checkedInAt.getTime() - b.checkedInAt.getTime() ||
    a.number - b.number;
}

/** How many of `waiting` are called before `ticket` if nothing changes. */
export function ticketsAhead(
  ticket: WaitingTicket,
  waiting: readonly WaitingTicket[],
  now: Date,
): number {
  const order = callingOrder(now);
  return waiting.filter((other) => other !== ticket && order(other, ticket) < 0).length;
}
