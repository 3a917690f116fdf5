import { IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import { QUEUE_FORMATS as F } from './queue-formats';

/**
 * Intake asks, as the front-desk officer submitting at the counter (ADR 0037): is this the
 * ticket called to my counter now? Answered with the ticket and the counter; otherwise a 422
 * on `queueTicket`.
 */
export class GetServedTicketV1 {
  @IsString()
  @Matches(F.ticketCode)
  ticketCode: string;
}

export interface ServedTicketV1 {
  ticketCode: string;
  /** `B-017`. */
  ticketNo: string;
  counterCode: string;
  serviceCode: string;
  agencyCode: string;
}

export const GetServedTicket = defineRequest<GetServedTicketV1, ServedTicketV1>({
  subject: 'queue.ticket.served-by-me.v1',
  service: 'queue',
  payload: GetServedTicketV1,
});
