import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import { QueuePageV1 } from './floor-ticket';
import {
  QUEUE_FORMATS as F,
  TICKET_PURPOSES,
  type TicketKind,
  type TicketPurpose,
  type TicketStatus,
} from './queue-formats';

/**
 * A walk-in's number, taken at a kiosk (an API client with `queue:kiosk`) for a service. A
 * ticket to hand in documents or collect an output names the application (its tracking number),
 * which must exist at the service's agency.
 */
export class IssueTicketV1 {
  @IsString()
  @Matches(F.serviceCode)
  serviceCode: string;

  @IsIn(TICKET_PURPOSES)
  purpose: TicketPurpose;

  @IsOptional()
  @IsString()
  @Matches(F.trackingNo)
  trackingNo?: string;
}

/** A visit booked by the signed-in applicant, for a service, a working day and a slot of it. */
export class BookVisitV1 extends IssueTicketV1 {
  @IsString()
  @Matches(F.day)
  day: string;

  /** The slot's `HH:MM`, as the service's slots of that day list it. */
  @IsString()
  @Matches(F.slotTime)
  slotStart: string;
}

/** A ticket or a booking by its code: the public status, a cancellation, a check-in. */
export class TicketCodeV1 {
  @IsString()
  @Matches(F.ticketCode)
  code: string;
}

/** The signed-in applicant's bookings, the latest booked first. */
export class ListMyBookingsV1 extends QueuePageV1 {}

/**
 * A ticket as its holder, its kiosk and its officer see it. Never a name or a NIK; the
 * tracking number it names is left out of the public status.
 */
export interface TicketV1 {
  code: string;
  /** `B-017`, once it has a number (a booking gets one at check-in). */
  ticketNo?: string;
  status: TicketStatus;
  kind: TicketKind;
  purpose: TicketPurpose;
  serviceCode: string;
  agencyCode: string;
  /** The line it is numbered on, once numbered. */
  line?: { prefix: string; name: string };
  /** The mall's local day of the visit. */
  day: string;
  trackingNo?: string;
  /** A booking's slot: ISO 8601 in the mall's zone. */
  slot?: { start: string; end: string };
  bookedAt?: string;
  checkedInAt?: string;
  /** The latest call, its counter and how many calls so far. */
  calledAt?: string;
  counterCode?: string;
  calls?: number;
  servedAt?: string;
  noShowAt?: string;
  cancelledAt?: string;
  /** WAITING: tickets called before it if nothing changes, and the wait that makes. */
  ahead?: number;
  /** Absent while no counter is open for its line. */
  estimatedWaitMinutes?: number;
}

export interface TicketsPageV1 {
  items: TicketV1[];
  nextCursor?: string;
}

export const IssueTicket = defineRequest<IssueTicketV1, TicketV1>({
  subject: 'queue.ticket.issue.v1',
  service: 'queue',
  payload: IssueTicketV1,
});

export const GetTicketStatus = defineRequest<TicketCodeV1, TicketV1>({
  subject: 'queue.ticket.get.v1',
  service: 'queue',
  payload: TicketCodeV1,
});

export const BookVisit = defineRequest<BookVisitV1, TicketV1>({
  subject: 'queue.booking.make.v1',
  service: 'queue',
  payload: BookVisitV1,
});

export const CancelBooking = defineRequest<TicketCodeV1, TicketV1>({
  subject: 'queue.booking.cancel.v1',
  service: 'queue',
  payload: TicketCodeV1,
});

export const ListMyBookings = defineRequest<ListMyBookingsV1, TicketsPageV1>({
  subject: 'queue.booking.list.v1',
  service: 'queue',
  payload: ListMyBookingsV1,
});

export const CheckInBooking = defineRequest<TicketCodeV1, TicketV1>({
  subject: 'queue.booking.check-in.v1',
  service: 'queue',
  payload: TicketCodeV1,
});
