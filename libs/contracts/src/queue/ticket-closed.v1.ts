import { IsIn, IsISO8601 } from 'class-validator';
import { defineEvent } from '../contract';
import { TicketAtCounterV1 } from './floor-ticket';
import { QUEUE_STREAM } from './queue.stream';

export const TICKET_OUTCOMES = ['SERVED', 'NO_SHOW'] as const;
export type TicketOutcome = (typeof TICKET_OUTCOMES)[number];

/** A called ticket is done at its counter: the visitor was served, or did not come. */
export class TicketClosedV1 extends TicketAtCounterV1 {
  @IsIn(TICKET_OUTCOMES)
  outcome: TicketOutcome;

  /** ISO 8601 in the mall's zone. */
  @IsISO8601()
  closedAt: string;
}
export const TicketClosed = defineEvent<TicketClosedV1>({
  subject: 'queue.ticket.closed.v1',
  stream: QUEUE_STREAM,
  payload: TicketClosedV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.ticketId,
});
