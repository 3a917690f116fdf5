/** The shapes the floor's messages share (ADR 0036). */
export const QUEUE_FORMATS = {
  agencyCode: /^[A-Z0-9-]{2,32}$/,
  serviceCode: /^[A-Z0-9][A-Z0-9-]{1,63}$/,
  /** A service line's letters: said before the number (`B-017`). */
  linePrefix: /^[A-Z]{1,2}$/,
  /** A counter's code as the display shows it (`3`, `A12`): unique in the mall. */
  counterCode: /^[A-Z0-9]{1,8}$/,
  /** `ANT` and a number of the tracking-number scheme: the slip's QR code, the booking code. */
  ticketCode: /^ANT[0-9A-HJKMNP-TV-Z]{9}$/,
  /** `B-017`. */
  ticketNo: /^[A-Z]{1,2}-\d{3,4}$/,
  trackingNo: /^[0-9A-HJKMNP-TV-Z]{9}$/,
  /** A slot's wall-clock start. */
  slotTime: /^([01]\d|2[0-3]):[0-5]\d$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
  cursor: /^[A-Za-z0-9_-]{1,200}$/,
} as const;

/** Why a visitor comes: a service (to apply or ask), or an application of theirs. */
export const TICKET_PURPOSES = ['APPLY', 'HAND_IN_DOCUMENTS', 'COLLECT_OUTPUT'] as const;
export type TicketPurpose = (typeof TICKET_PURPOSES)[number];

export const TICKET_KINDS = ['WALK_IN', 'BOOKED'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/**
 * BOOKED (no number yet) → WAITING (checked in: numbered) → CALLED → SERVED or NO_SHOW; a
 * booking may be CANCELLED by its applicant, and is EXPIRED once its day is over unchecked. A
 * walk-in starts WAITING.
 */
export const TICKET_STATUSES = [
  'BOOKED',
  'CANCELLED',
  'EXPIRED',
  'WAITING',
  'CALLED',
  'SERVED',
  'NO_SHOW',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
