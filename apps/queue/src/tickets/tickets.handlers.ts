import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  BookVisit,
  BookVisitV1,
  CancelBooking,
  CheckInBooking,
  GetTicketStatus,
  IssueTicket,
  IssueTicketV1,
  ListMyBookings,
  ListMyBookingsV1,
  TicketCodeV1,
  type TicketV1,
  type TicketsPageV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { TicketsService } from './tickets.service';

@Controller()
export class TicketsHandlers {
  constructor(private readonly tickets: TicketsService) {}

  @HandleRequest(IssueTicket)
  issue(@Payload() request: IssueTicketV1, @Caller() caller: RequestContext): Promise<TicketV1> {
    return this.tickets.issue(request, caller);
  }

  /** Public: whoever holds the code (the slip's QR code) sees the ticket, without personal data. */
  @HandleRequest(GetTicketStatus)
  status(@Payload() request: TicketCodeV1): Promise<TicketV1> {
    return this.tickets.status(request.code);
  }

  @HandleRequest(BookVisit)
  book(@Payload() request: BookVisitV1, @Caller() caller: RequestContext): Promise<TicketV1> {
    return this.tickets.book(request, caller);
  }

  @HandleRequest(CancelBooking)
  cancel(@Payload() request: TicketCodeV1, @Caller() caller: RequestContext): Promise<TicketV1> {
    return this.tickets.cancel(request.code, caller);
  }

  @HandleRequest(ListMyBookings)
  mine(
    @Payload() request: ListMyBookingsV1,
    @Caller() caller: RequestContext,
  ): Promise<TicketsPageV1> {
    return this.tickets.mine(request, caller);
  }

  @HandleRequest(CheckInBooking)
  checkIn(@Payload() request: TicketCodeV1, @Caller() caller: RequestContext): Promise<TicketV1> {
    return this.tickets.checkIn(request.code, caller);
  }
}
