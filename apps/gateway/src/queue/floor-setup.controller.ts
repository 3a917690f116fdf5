import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiExtension,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  ListBookingSlots,
  ListCounters,
  ListServiceLines,
  PutBookingSchedule,
  PutCounter,
  PutServiceLine,
  QUEUE_FORMATS,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { ApiBodyProblems } from '../accounts/accounts.openapi';
import { Callers, Public } from '../auth/access';
import { SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { COUNTER_CODE, FLOOR_MANAGERS, LINE_PREFIX } from './queue-formats';
import { COUNTER_EXAMPLE, LINE_EXAMPLE, SCHEDULE_EXAMPLE, SLOTS_EXAMPLE } from './queue.examples';
import {
  BookingSlotsRequest,
  FloorListRequest,
  PutBookingScheduleRequest,
  PutCounterRequest,
  PutServiceLineRequest,
  toFloorListV1,
  toPutBookingScheduleV1,
  toPutCounterV1,
  toPutServiceLineV1,
} from './queue.requests';
import {
  BookingScheduleResponse,
  BookingSlotsResponse,
  CounterResponse,
  CountersPageResponse,
  ServiceLineResponse,
  ServiceLinesPageResponse,
  toBookingScheduleResponse,
  toBookingSlotsResponse,
  toCounterResponse,
  toCountersPageResponse,
  toServiceLineResponse,
  toServiceLinesPageResponse,
} from './queue.responses';

const LINES = '/v1/queue/lines';
const COUNTERS = '/v1/queue/counters';
const SCHEDULE = '/v1/queue/services/DUKCAPIL-KK/schedule';
const SLOTS = '/v1/queue/services/DUKCAPIL-KK/slots?day=2026-03-17';
const PUT_MISSING =
  'Nothing is missing for a PUT: a line or counter not there is added with what it states.';

/** A path's value checked against its pattern: a 400 naming the parameter otherwise. */
function pathParam(value: string, pattern: RegExp, field: string, code: string): string {
  if (!pattern.test(value)) throw DomainError.validation([{ field, code }]);
  return value;
}

const ApiServiceCodeParam = () =>
  ApiParam({
    name: 'serviceCode',
    description: 'A service of the catalog',
    schema: {
      type: 'string',
      maxLength: SERVICE_CODE_MAX_LENGTH,
      pattern: QUEUE_FORMATS.serviceCode.source,
    },
    example: 'DUKCAPIL-KK',
  });

const otherAgency = (instance: string, resource: string) => ({
  otherAgency: {
    summary: "Another agency's admin",
    error: new DomainError('forbidden', 403, [], { resource }),
    instance,
  },
});

/**
 * The floor's set-up (ADR 0036): service lines, counters and each service's booking slots, set
 * by the agency's admin or a mall admin and read by anyone (kiosks, display screens, apps).
 */
@ApiTags('queue')
@Controller('v1/queue')
export class FloorSetupController {
  constructor(private readonly rpc: RpcClient) {}

  @Put('lines/:prefix')
  @Callers(FLOOR_MANAGERS)
  @ApiOperation({
    operationId: 'putServiceLine',
    summary: 'Set a service line',
    description:
      'A service line numbers the tickets of some services of one agency, per day, behind its ' +
      'letters: `B-001`, `B-002`, … Stated whole: its agency, its name for the kiosk and the ' +
      'display, its services (checked against the catalog: offered, and of that agency; each on ' +
      'one line at most) and whether kiosks give its numbers. The agency’s admin sets its own ' +
      "agency's lines, a mall admin any; taking over another agency's line needs that right too. " +
      'Numbers already given keep their line.',
    security: securityOf(FLOOR_MANAGERS),
  })
  @ApiParam({
    name: 'prefix',
    description: 'The line’s letters, said before each number: one or two capitals',
    schema: { type: 'string', minLength: 1, maxLength: 2, pattern: LINE_PREFIX.pattern },
    example: 'B',
  })
  @ApiBody({
    type: PutServiceLineRequest,
    examples: {
      kependudukan: {
        summary: 'Two Dukcapil services on line B',
        value: {
          agencyCode: 'DUKCAPIL',
          name: 'Kependudukan',
          serviceCodes: ['DUKCAPIL-KK', 'DUKCAPIL-AKTA-LAHIR'],
          active: true,
        },
      },
    },
  })
  @ApiOkResponse({
    description: 'The line as set',
    type: ServiceLineResponse,
    examples: { set: { summary: 'Line B', value: LINE_EXAMPLE } },
  })
  @ApiBodyProblems(
    `${LINES}/B`,
    DomainError.validation([{ field: 'serviceCodes', code: 'required' }]),
    'No services',
    {
      prefix: {
        summary: 'A prefix of digits',
        error: DomainError.validation([{ field: 'prefix', code: 'line_prefix_format' }]),
        instance: `${LINES}/7`,
      },
    },
  )
  @ApiProblemResponse(
    403,
    "Not a mall admin nor the admin of the line's agency",
    otherAgency(`${LINES}/B`, 'service lines of DUKCAPIL'),
  )
  @ApiProblemResponse(409, 'A service is already on another line', {
    otherLine: {
      summary: 'DUKCAPIL-KK is numbered on line A',
      error: new DomainError('queue_service_in_other_line', 409, [], {
        serviceCode: 'DUKCAPIL-KK',
        prefix: 'A',
      }),
      instance: `${LINES}/B`,
    },
  })
  @ApiProblemResponse(422, 'A service the catalog does not offer, or of another agency', {
    otherAgency: {
      summary: 'A PUPR service on a Dukcapil line',
      error: DomainError.validation(
        [
          {
            field: 'serviceCodes.1',
            code: 'service_of_other_agency',
            params: { agencyCode: 'DUKCAPIL' },
          },
        ],
        422,
      ),
      instance: `${LINES}/B`,
    },
  })
  @ApiExtension('x-missing-resource', PUT_MISSING)
  @ApiUpstreamProblems('queue', `${LINES}/B`)
  async putLine(
    @Param('prefix') prefix: string,
    @Body() body: PutServiceLineRequest,
  ): Promise<ServiceLineResponse> {
    const checked = pathParam(prefix, QUEUE_FORMATS.linePrefix, 'prefix', 'line_prefix_format');
    return toServiceLineResponse(
      await this.rpc.request(PutServiceLine, toPutServiceLineV1(checked, body)),
    );
  }

  @Get('lines')
  @Public()
  @ApiOperation({
    operationId: 'listServiceLines',
    summary: "The mall's service lines",
    description:
      'Every service line (or one agency’s), by prefix, a page at a time: what a kiosk offers ' +
      'and how a number on the display reads. Public: no personal data.',
    security: [],
  })
  @ApiOkResponse({
    description: 'A page of lines',
    type: ServiceLinesPageResponse,
    examples: { page: { summary: 'One line', value: { items: [LINE_EXAMPLE] } } },
  })
  @ApiProblemResponse(400, 'A malformed filter or cursor', {
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: `${LINES}?cursor=bm9wZQ`,
    },
  })
  @ApiUpstreamProblems('queue', LINES)
  async lines(@Query() query: FloorListRequest): Promise<ServiceLinesPageResponse> {
    return toServiceLinesPageResponse(
      await this.rpc.request(ListServiceLines, toFloorListV1(query)),
    );
  }

  @Put('counters/:counterCode')
  @Callers(FLOOR_MANAGERS)
  @ApiOperation({
    operationId: 'putCounter',
    summary: 'Set a counter',
    description:
      "A counter of an agency, by the code the display shows (unique in the mall): its agency's " +
      'admin sets it, a mall admin any. An inactive counter takes no new sessions; one open ' +
      'stays open until closed.',
    security: securityOf(FLOOR_MANAGERS),
  })
  @ApiParam({
    name: 'counterCode',
    description: 'The counter’s code, as the display shows it',
    schema: { type: 'string', minLength: 1, maxLength: 8, pattern: COUNTER_CODE.pattern },
    example: '3',
  })
  @ApiBody({
    type: PutCounterRequest,
    examples: {
      counter: {
        summary: 'Counter 3, Dukcapil’s',
        value: { agencyCode: 'DUKCAPIL', name: 'Loket 3 Dukcapil', active: true },
      },
    },
  })
  @ApiOkResponse({
    description: 'The counter as set',
    type: CounterResponse,
    examples: { set: { summary: 'Counter 3', value: COUNTER_EXAMPLE } },
  })
  @ApiBodyProblems(
    `${COUNTERS}/3`,
    DomainError.validation([{ field: 'active', code: 'must_be_boolean' }]),
    'Active not a boolean',
    {
      code: {
        summary: 'A code with a space',
        error: DomainError.validation([{ field: 'counterCode', code: 'counter_code_format' }]),
        instance: `${COUNTERS}/A%201`,
      },
    },
  )
  @ApiProblemResponse(
    403,
    "Not a mall admin nor the admin of the counter's agency",
    otherAgency(`${COUNTERS}/3`, 'counters of DUKCAPIL'),
  )
  @ApiExtension('x-missing-resource', PUT_MISSING)
  @ApiUpstreamProblems('queue', `${COUNTERS}/3`)
  async putCounter(
    @Param('counterCode') counterCode: string,
    @Body() body: PutCounterRequest,
  ): Promise<CounterResponse> {
    const code = pathParam(
      counterCode,
      QUEUE_FORMATS.counterCode,
      'counterCode',
      'counter_code_format',
    );
    return toCounterResponse(await this.rpc.request(PutCounter, toPutCounterV1(code, body)));
  }

  @Get('counters')
  @Public()
  @ApiOperation({
    operationId: 'listCounters',
    summary: "The mall's counters",
    description:
      'Every counter (or one agency’s), by code, with whether an officer has a session open at ' +
      'it now. Public: no personal data.',
    security: [],
  })
  @ApiOkResponse({
    description: 'A page of counters',
    type: CountersPageResponse,
    examples: { page: { summary: 'One counter', value: { items: [COUNTER_EXAMPLE] } } },
  })
  @ApiProblemResponse(400, 'A malformed filter or cursor', {
    agency: {
      summary: 'An agency code in lower case',
      error: DomainError.validation([{ field: 'agencyCode', code: 'agency_code_format' }]),
      instance: `${COUNTERS}?agencyCode=dukcapil`,
    },
  })
  @ApiUpstreamProblems('queue', COUNTERS)
  async counters(@Query() query: FloorListRequest): Promise<CountersPageResponse> {
    return toCountersPageResponse(await this.rpc.request(ListCounters, toFloorListV1(query)));
  }

  @Put('services/:serviceCode/schedule')
  @Callers(FLOOR_MANAGERS)
  @ApiOperation({
    operationId: 'putBookingSchedule',
    summary: "Set a service's booking slots",
    description:
      'The slots a visit to the service can be booked in, the same on every working day of the ' +
      "mall's calendar: each a start on the mall's wall clock, a length and a capacity, in order, " +
      'none overlapping. None: the service takes no bookings. The service must be in the ' +
      "catalog; its agency's admin or a mall admin sets them. Bookings already made keep their " +
      'slot.',
    security: securityOf(FLOOR_MANAGERS),
  })
  @ApiServiceCodeParam()
  @ApiBody({
    type: PutBookingScheduleRequest,
    examples: {
      morningAndAfternoon: {
        summary: 'Two morning hours and one after lunch',
        value: { slots: SCHEDULE_EXAMPLE.slots },
      },
    },
  })
  @ApiOkResponse({
    description: 'The slots as set',
    type: BookingScheduleResponse,
    examples: { set: { summary: 'Three slots', value: SCHEDULE_EXAMPLE } },
  })
  @ApiBodyProblems(
    SCHEDULE,
    DomainError.validation([{ field: 'slots.0.start', code: 'time_format' }]),
    'A start that is no time',
  )
  @ApiProblemResponse(
    403,
    "Not a mall admin nor the admin of the service's agency",
    otherAgency(SCHEDULE, 'booking slots of DUKCAPIL-KK'),
  )
  @ApiExtension(
    'x-missing-resource',
    'A service the catalog does not offer is a 422 naming `serviceCode`, as a field of the request.',
  )
  @ApiProblemResponse(422, 'Slots that overlap, or a service the catalog does not offer', {
    overlap: {
      summary: 'The second slot starts before the first ends',
      error: DomainError.validation(
        [{ field: 'slots.1.start', code: 'slot_overlap', params: { previous: '08:00' } }],
        422,
      ),
      instance: SCHEDULE,
    },
  })
  @ApiUpstreamProblems('queue', SCHEDULE)
  async putSchedule(
    @Param('serviceCode') serviceCode: string,
    @Body() body: PutBookingScheduleRequest,
  ): Promise<BookingScheduleResponse> {
    const code = pathParam(
      serviceCode,
      QUEUE_FORMATS.serviceCode,
      'serviceCode',
      'service_code_format',
    );
    return toBookingScheduleResponse(
      await this.rpc.request(PutBookingSchedule, toPutBookingScheduleV1(code, body)),
    );
  }

  @Get('services/:serviceCode/slots')
  @Public()
  @ApiOperation({
    operationId: 'listBookingSlots',
    summary: "A day's booking slots of a service",
    description:
      'Each slot of the day with its capacity and the places left (0 once it has started). A ' +
      'day that cannot be booked (a weekend, a public holiday or cuti bersama of the mall’s ' +
      'calendar, a day before today or past the booking horizon, a year whose calendar is not ' +
      'set) answers `bookable: false` and no slots. Public.',
    security: [],
  })
  @ApiServiceCodeParam()
  @ApiOkResponse({
    description: 'The slots of the day',
    type: BookingSlotsResponse,
    examples: { tuesday: { summary: 'The first slot is full', value: SLOTS_EXAMPLE } },
  })
  @ApiProblemResponse(400, 'A day that is not a date', {
    day: {
      summary: 'The 30th of February',
      error: DomainError.validation([{ field: 'day', code: 'must_be_date' }]),
      instance: SLOTS.replace('2026-03-17', '2026-02-30'),
    },
  })
  @ApiProblemResponse(404, 'The service has no booking slots', {
    noSchedule: {
      summary: 'A service that takes no bookings',
      error: new DomainError('queue_schedule_not_found', 404, [], { serviceCode: 'PUPR-PBG' }),
      instance: SLOTS.replace('DUKCAPIL-KK', 'PUPR-PBG'),
    },
  })
  @ApiUpstreamProblems('queue', SLOTS)
  async slots(
    @Param('serviceCode') serviceCode: string,
    @Query() query: BookingSlotsRequest,
  ): Promise<BookingSlotsResponse> {
    const code = pathParam(
      serviceCode,
      QUEUE_FORMATS.serviceCode,
      'serviceCode',
      'service_code_format',
    );
    return toBookingSlotsResponse(
      await this.rpc.request(ListBookingSlots, { serviceCode: code, day: query.day }),
    );
  }
}
