import { IsISO8601, IsInt, Max, Min } from 'class-validator';
import { defineEvent } from '../contract';
import { TicketAtCounterV1 } from './floor-ticket';
import { QUEUE_STREAM } from './queue.stream';

/**
 * An officer called a ticket to their counter, or called it again (`calls` above 1): what the
 * display shows.
 */
export class TicketCalledV1 extends TicketAtCounterV1 {
  /** 1 for the first call; each recall adds one. */
  @IsInt()
  @Min(1)
  @Max(1000)
  calls: number;

  /** This call: ISO 8601 in the mall's zone. */
  @IsISO8601()
  calledAt: string;
}
export const TicketCalled = defineEvent<TicketCalledV1>({
  subject: 'queue.ticket.called.v1',
  stream: QUEUE_STREAM,
  payload: TicketCalledV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.ticketId,
});
