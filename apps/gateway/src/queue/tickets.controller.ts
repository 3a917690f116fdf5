import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  BookVisit,
  CancelBooking,
  CheckInBooking,
  GetTicketStatus,
  IssueTicket,
  ListMyBookings,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { ApiBodyProblems } from '../accounts/accounts.openapi';
import { mistypedTrackingNoExample } from '../applications/tracking-number.param';
import { Callers, Public } from '../auth/access';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import {
  APPLICANTS,
  ApiTicketCodeParam,
  KIOSKS,
  mistypedTicketCode,
  ticketCodeFrom,
} from './queue-formats';
import {
  BOOKING_EXAMPLE,
  CHECKED_IN_EXAMPLE,
  STATUS_EXAMPLE,
  WALK_IN_EXAMPLE,
} from './queue.examples';
import {
  BookVisitRequest,
  CheckInRequest,
  IssueTicketRequest,
  ListBookingsRequest,
  toBookVisitV1,
  toCheckInV1,
  toIssueTicketV1,
  toListMyBookingsV1,
} from './queue.requests';
import {
  TicketResponse,
  TicketsPageResponse,
  toTicketResponse,
  toTicketsPageResponse,
} from './queue.responses';

const TICKETS = '/v1/queue/tickets';
const ONE = `${TICKETS}/ANTK7M39QX2C`;
const CHECK_INS = '/v1/queue/check-ins';
const BOOKINGS = '/v1/queue/bookings';
const CANCEL = `${BOOKINGS}/ANT4F8KQ2W9X/cancel`;

const notFound = (instance: string, summary: string) => ({
  notFound: {
    summary,
    error: new DomainError('queue_ticket_not_found', 404, [], { code: 'ANTK7M39QX2C' }),
    instance,
  },
});
const refusedBooking = (instance: string, status: string) => ({
  [status.toLowerCase()]: {
    summary: `A booking ${status}`,
    error: new DomainError('queue_booking_refused', 409, [], { code: 'ANT4F8KQ2W9X', status }),
    instance,
  },
});
const noLine = (instance: string) => ({
  noLine: {
    summary: 'A service no active line numbers',
    error: DomainError.validation([{ field: 'serviceCode', code: 'service_not_in_line' }], 422),
    instance,
  },
});

/**
 * Tickets on the mall floor (ADR 0036): a kiosk's walk-in numbers and check-ins, an applicant's
 * bookings, and each ticket's public status by its code.
 */
@ApiTags('queue')
@Controller('v1/queue')
export class TicketsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('tickets')
  @HttpCode(201)
  @Callers(KIOSKS)
  @ApiOperation({
    operationId: 'issueTicket',
    summary: 'Take a number at a kiosk',
    description:
      "A kiosk (an API client with `queue:kiosk`) takes a walk-in's number for a service: the " +
      "next of the service's line for the mall's day (`B-017`), taken in the same transaction as " +
      'the ticket, so two kiosks never give the same number however close together they ask. ' +
      'To hand in documents or collect an output, the ticket names the application ' +
      '(`trackingNo`), which must exist at the service’s agency (intake is asked then; a plain ' +
      'walk-in waits on no other service). The answer’s `code` is the ticket’s own: the slip’s ' +
      'QR code opens its status (`GET /v1/queue/tickets/{code}`), with the tickets ahead and the ' +
      'estimated wait. Send an `Idempotency-Key`: a retry never takes a second number.',
    security: securityOf(KIOSKS),
  })
  @ApiBody({
    type: IssueTicketRequest,
    examples: {
      apply: { summary: 'To apply for a family card', value: { serviceCode: 'DUKCAPIL-KK' } },
      collect: {
        summary: 'To collect an output',
        value: { serviceCode: 'DUKCAPIL-KK', purpose: 'COLLECT_OUTPUT', trackingNo: 'M2PQ-7R4Z-D' },
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'The ticket, numbered and waiting',
    type: TicketResponse,
    headers: REPLAYED_HEADERS,
    examples: { issued: { summary: 'B-017, to collect an output', value: WALK_IN_EXAMPLE } },
  })
  @ApiBodyProblems(
    TICKETS,
    DomainError.validation([{ field: 'serviceCode', code: 'service_code_format' }]),
    'A malformed service code',
    { ...mistypedTrackingNoExample(TICKETS), ...invalidIdempotencyKeyExample(TICKETS) },
  )
  @ApiProblemResponse(403, 'Not a kiosk (an API client with `queue:kiosk`)', {
    officer: {
      summary: 'An officer',
      error: new DomainError('forbidden', 403, [], { resource: 'queue tickets' }),
      instance: TICKETS,
    },
  })
  @ApiIdempotencyKey(TICKETS, {
    409: {
      description: 'The line has given its last number of the day',
      examples: {
        exhausted: {
          summary: 'Line B gave 9999 today',
          error: new DomainError('queue_numbers_exhausted', 409, [], { prefix: 'B', max: 9999 }),
          instance: TICKETS,
        },
      },
    },
    422: {
      description:
        'A service no active line numbers, a tracking number where none belongs (or none where ' +
        'one does), an application nobody has or of another agency',
      examples: {
        ...noLine(TICKETS),
        otherAgency: {
          summary: "A PUPR application on a Dukcapil service's ticket",
          error: DomainError.validation(
            [
              {
                field: 'trackingNo',
                code: 'application_of_other_agency',
                params: { agencyCode: 'PUPR' },
              },
            ],
            422,
          ),
          instance: TICKETS,
        },
      },
    },
  })
  @ApiUpstreamProblems('queue', TICKETS)
  async issue(@Body() body: IssueTicketRequest): Promise<TicketResponse> {
    return toTicketResponse(await this.rpc.request(IssueTicket, toIssueTicketV1(body)));
  }

  @Get('tickets/:code')
  @Public()
  @ApiOperation({
    operationId: 'getTicketStatus',
    summary: "A ticket's status",
    description:
      'Whoever holds the code (the slip’s QR code, the booking) sees the ticket: its number, ' +
      'line, service and status, the counter it is called to, and while it waits the tickets of ' +
      'its line called before it (`ahead`) and the estimated wait (`ahead` × the median ' +
      'call-to-served time of the line’s latest 20 served tickets, or 10 minutes before any, ÷ ' +
      'the counters open for the line; absent while none is open). No personal data: not even ' +
      'the application it names. The code cannot be guessed; the number on the display can, and ' +
      'so opens nothing.',
    security: [],
  })
  @ApiTicketCodeParam('The ticket’s code')
  @ApiOkResponse({
    description: 'The ticket',
    type: TicketResponse,
    examples: { waiting: { summary: 'Four ahead', value: STATUS_EXAMPLE } },
  })
  @ApiProblemResponse(
    400,
    'The code is mistyped: its check symbol does not match',
    mistypedTicketCode(ONE),
  )
  @ApiProblemResponse(404, 'No ticket has this code', notFound(ONE, 'A code nobody has'))
  @ApiUpstreamProblems('queue', ONE)
  async status(@Param('code') code: string): Promise<TicketResponse> {
    return toTicketResponse(
      await this.rpc.request(GetTicketStatus, { code: ticketCodeFrom(code) }),
    );
  }

  @Post('check-ins')
  @HttpCode(201)
  @Callers(KIOSKS)
  @ApiOperation({
    operationId: 'checkInBooking',
    summary: 'Check a booked visitor in at a kiosk',
    description:
      'The visitor shows or types the booking code on the day of the visit; the booking gets the ' +
      "next number of its service's line now, as a walk-in's would. A visitor who checks in by " +
      "the end of their slot is called before walk-ins from the slot's start; one who comes " +
      'later queues as a walk-in. A booking cancelled, checked in already or of a day gone is a ' +
      '409; of a day to come, a 409 naming the day. Send an `Idempotency-Key`: a retry gets the ' +
      'same number.',
    security: securityOf(KIOSKS),
  })
  @ApiBody({
    type: CheckInRequest,
    examples: { typed: { summary: 'As typed', value: { bookingCode: 'ant-4f8k-q2w9-x' } } },
  })
  @ApiResponse({
    status: 201,
    description: 'The booking, numbered and waiting',
    type: TicketResponse,
    headers: REPLAYED_HEADERS,
    examples: { checkedIn: { summary: 'B-021', value: CHECKED_IN_EXAMPLE } },
  })
  @ApiBodyProblems(
    CHECK_INS,
    DomainError.validation([{ field: 'bookingCode', code: 'required' }]),
    'No code',
    { ...mistypedTicketCode(CHECK_INS), ...invalidIdempotencyKeyExample(CHECK_INS) },
  )
  @ApiProblemResponse(404, 'No booking has this code', notFound(CHECK_INS, 'A code nobody booked'))
  @ApiIdempotencyKey(CHECK_INS, {
    409: {
      description: 'The booking is not to be checked in (now)',
      examples: {
        ...refusedBooking(CHECK_INS, 'CANCELLED'),
        notToday: {
          summary: 'A booking for tomorrow',
          error: new DomainError('queue_check_in_not_today', 409, [], { day: '2026-03-18' }),
          instance: CHECK_INS,
        },
      },
    },
    422: {
      description: 'Its service is on no active line any more',
      examples: {
        noLine: {
          summary: 'The line was stopped',
          error: DomainError.validation([{ field: 'code', code: 'service_not_in_line' }], 422),
          instance: CHECK_INS,
        },
      },
    },
  })
  @ApiUpstreamProblems('queue', CHECK_INS)
  async checkIn(@Body() body: CheckInRequest): Promise<TicketResponse> {
    return toTicketResponse(await this.rpc.request(CheckInBooking, toCheckInV1(body)));
  }

  @Post('bookings')
  @HttpCode(201)
  @Callers(APPLICANTS)
  @ApiOperation({
    operationId: 'bookVisit',
    summary: 'Book a visit to a counter',
    description:
      'The signed-in applicant books a visit for a service in one of its slots (see ' +
      '`GET /v1/queue/services/{serviceCode}/slots`): on a working day of the mall’s calendar, ' +
      'from today to the booking horizon (30 days unless the mall sets another), in a slot that ' +
      'has not started, while it has a place (counted in the statement that books, so a full ' +
      'slot is never overbooked). One booking per applicant, service and day. A booking to hand ' +
      'in documents or collect an output names one of the applicant’s own applications ' +
      '(`trackingNo`): anyone else’s is refused exactly as a number nobody has (422 ' +
      '`unknown_application`), so bookings tell nothing of other cases. The answer’s ' +
      '`code` is the booking code to check in with at a kiosk on the day; the number comes then. ' +
      'Send an `Idempotency-Key`: a retry never books twice.',
    security: securityOf(APPLICANTS),
  })
  @ApiBody({
    type: BookVisitRequest,
    examples: {
      visit: {
        summary: 'Tuesday at nine',
        value: { serviceCode: 'DUKCAPIL-KK', day: '2026-03-17', slotStart: '09:00' },
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'The booking',
    type: TicketResponse,
    headers: REPLAYED_HEADERS,
    examples: { booked: { summary: 'Booked', value: BOOKING_EXAMPLE } },
  })
  @ApiBodyProblems(
    BOOKINGS,
    DomainError.validation([{ field: 'slotStart', code: 'time_format' }]),
    'A start that is no time',
    { ...mistypedTrackingNoExample(BOOKINGS), ...invalidIdempotencyKeyExample(BOOKINGS) },
  )
  @ApiProblemResponse(403, 'Not an applicant', {
    kiosk: {
      summary: 'A kiosk',
      error: new DomainError('forbidden', 403, [], { resource: 'bookings' }),
      instance: BOOKINGS,
    },
  })
  @ApiIdempotencyKey(BOOKINGS, {
    409: {
      description: 'The slot is full, or the applicant has booked this service that day',
      examples: {
        full: {
          summary: 'No place left',
          error: new DomainError('queue_slot_full', 409, [], {
            slotStart: '09:00',
            day: '2026-03-17',
          }),
          instance: BOOKINGS,
        },
        twice: {
          summary: 'A second booking of the day',
          error: new DomainError('queue_booking_exists', 409, [], {
            serviceCode: 'DUKCAPIL-KK',
            day: '2026-03-17',
          }),
          instance: BOOKINGS,
        },
      },
    },
    422: {
      description:
        'A day not bookable (not a working day, past, beyond the horizon), a slot the service ' +
        'does not have or that has started, a service without slots or line',
      examples: {
        holiday: {
          summary: 'Nyepi',
          error: DomainError.validation([{ field: 'day', code: 'day_not_working' }], 422),
          instance: BOOKINGS,
        },
        started: {
          summary: 'A slot already started',
          error: DomainError.validation([{ field: 'slotStart', code: 'slot_started' }], 422),
          instance: BOOKINGS,
        },
      },
    },
  })
  @ApiUpstreamProblems('queue', BOOKINGS)
  async book(@Body() body: BookVisitRequest): Promise<TicketResponse> {
    return toTicketResponse(await this.rpc.request(BookVisit, toBookVisitV1(body)));
  }

  @Get('bookings')
  @Callers(APPLICANTS)
  @ApiOperation({
    operationId: 'listMyBookings',
    summary: 'My bookings',
    description:
      'The signed-in applicant’s bookings, the latest booked first, a page at a time, each with ' +
      'its status: booked, cancelled, expired (its day gone unchecked), or its ticket since.',
    security: securityOf(APPLICANTS),
  })
  @ApiOkResponse({
    description: 'A page of bookings',
    type: TicketsPageResponse,
    examples: { page: { summary: 'One booking', value: { items: [BOOKING_EXAMPLE] } } },
  })
  @ApiProblemResponse(400, 'A malformed limit or cursor', {
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: `${BOOKINGS}?cursor=bm9wZQ`,
    },
  })
  @ApiUpstreamProblems('queue', BOOKINGS)
  async mine(@Query() query: ListBookingsRequest): Promise<TicketsPageResponse> {
    return toTicketsPageResponse(await this.rpc.request(ListMyBookings, toListMyBookingsV1(query)));
  }

  @Post('bookings/:code/cancel')
  @HttpCode(200)
  @Callers(APPLICANTS)
  @ApiOperation({
    operationId: 'cancelBooking',
    summary: 'Cancel a booking',
    description:
      'Its applicant cancels a booking not yet checked in, and its place in the slot is free ' +
      'again. Another applicant’s booking is answered as a code nobody has. Cancelling again is ' +
      'a 409, so no `Idempotency-Key`.',
    security: securityOf(APPLICANTS),
  })
  @ApiTicketCodeParam('The booking code')
  @ApiOkResponse({
    description: 'The booking, cancelled',
    type: TicketResponse,
    examples: {
      cancelled: {
        summary: 'Cancelled',
        value: {
          ...BOOKING_EXAMPLE,
          status: 'CANCELLED',
          cancelledAt: '2026-03-16T21:02:44.510+07:00',
        },
      },
    },
  })
  @ApiProblemResponse(400, 'The code is mistyped', mistypedTicketCode(CANCEL))
  @ApiProblemResponse(
    404,
    "No booking of the caller's has this code",
    notFound(CANCEL, "Another applicant's"),
  )
  @ApiProblemResponse(409, 'Cancelled, checked in, or its day gone', {
    ...refusedBooking(CANCEL, 'WAITING'),
    ...refusedBooking(CANCEL, 'EXPIRED'),
  })
  @ApiUpstreamProblems('queue', CANCEL)
  async cancel(@Param('code') code: string): Promise<TicketResponse> {
    return toTicketResponse(await this.rpc.request(CancelBooking, { code: ticketCodeFrom(code) }));
  }
}
