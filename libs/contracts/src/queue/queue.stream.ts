import { defineStream } from '../contract';

/**
 * What happens on the mall floor (ADR 0036): tickets issued, called, served or missed. Numbers,
 * lines, counters and times only, no personal data (a booking's applicant stays in the queue
 * database), so it is kept without age limit like the agencies' events.
 */
export const QUEUE_STREAM = defineStream({
  name: 'QUEUE',
  space: 'queue',
  description: "the mall floor's tickets: issued, called, served or no-show, routed by agency",
});
