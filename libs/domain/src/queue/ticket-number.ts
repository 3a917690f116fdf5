import { prefixedNumbers } from '../tracking-number/tracking-number';

/**
 * A service line's letters, said before the number (`B-017`): one or two capitals, unique in the
 * mall, so a number on the display names one line.
 */
export const LINE_PREFIX = /^[A-Z]{1,2}$/;

/** The numbers a line gives on one day: three digits are said easily, four are the ceiling. */
export const MAX_TICKET_NUMBER = 9999;

/** `B-017`: the line's prefix and the day's number, at least three digits. */
export function formatTicketNumber(prefix: string, number: number): string {
  if (!LINE_PREFIX.test(prefix)) throw new RangeError(`not a line prefix: ${prefix}`);
  if (!(Number.isInteger(number) && number >= 1 && number <= MAX_TICKET_NUMBER))
    throw new RangeError(`not a ticket number: ${number}`);
  return `${prefix}-${String(number).padStart(3, '0')}`;
}

/**
 * A ticket's own code (ADR 0036): `ANT` (antrian) and a number of the tracking-number scheme,
 * printed on the slip (as a QR code) and given with a booking. The public status and the
 * check-in of a booking go by it: unlike the number, which repeats every day and is on the
 * display for all to see, it cannot be guessed, and a mistyped one is caught by its check symbol.
 */
export const TICKET_CODES = prefixedNumbers('ANT', 'a ticket code');
