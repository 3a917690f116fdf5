import {
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { defineEvent } from '../contract';
import {
  QUEUE_FORMATS as F,
  TICKET_KINDS,
  TICKET_PURPOSES,
  type TicketKind,
  type TicketPurpose,
} from './queue-formats';
import { TicketOnFloorV1 } from './floor-ticket';
import { QUEUE_STREAM } from './queue.stream';

/**
 * A ticket got its number (ADR 0036): a walk-in's at the kiosk, a booked visitor's at check-in.
 * Numbers, codes and ids only: never who the visitor is.
 */
export class TicketIssuedV1 extends TicketOnFloorV1 {
  @IsInt()
  @Min(1)
  @Max(9999)
  number: number;

  /** The mall's local day the number is of. */
  @IsString()
  @Matches(F.day)
  day: string;

  @IsIn(TICKET_KINDS)
  kind: TicketKind;

  @IsIn(TICKET_PURPOSES)
  purpose: TicketPurpose;

  /** The application it names (to hand in documents, to collect an output). */
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  /** A booked visitor's slot start: ISO 8601 in the mall's zone. */
  @IsOptional()
  @IsISO8601()
  slotStart?: string;

  /** ISO 8601 in the mall's zone. */
  @IsISO8601()
  checkedInAt: string;
}

export const TicketIssued = defineEvent<TicketIssuedV1>({
  subject: 'queue.ticket.issued.v1',
  stream: QUEUE_STREAM,
  payload: TicketIssuedV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.ticketId,
});
