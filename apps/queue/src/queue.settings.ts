/** What the queue features read of the configuration, without the whole environment. */
export interface QueueSettings {
  /** The mall's IANA time zone: a ticket's day, booking days and slot hours (`MALL_TIME_ZONE`). */
  timeZone: string;
  /** How many days ahead a visit can be booked (`QUEUE_BOOKING_HORIZON_DAYS`). */
  bookingHorizonDays: number;
  /** A visitor's assumed time at a counter before a line has served anyone (`QUEUE_DEFAULT_SERVICE_MINUTES`). */
  defaultServiceSeconds: number;
  /** How often sessions left open past the end of the mall's day are looked for (`QUEUE_SESSION_SWEEP_MS`). */
  sessionSweepMs: number;
}

export const QUEUE_SETTINGS = Symbol('QUEUE_SETTINGS');
