import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  MAX_LINE_SERVICES,
  QUEUE_FORMATS,
  QUEUE_NAME_MAX_LENGTH,
  TICKET_PURPOSES,
  type BookVisitV1,
  type IssueTicketV1,
  type ListCountersV1,
  type ListMyBookingsV1,
  type ListServiceLinesV1,
  type OpenCounterSessionV1,
  type PutBookingScheduleV1,
  type PutCounterV1,
  type PutServiceLineV1,
  type TicketPurpose,
} from '@satupintu/contracts';
import {
  TRACKING_NO_INPUT_MAX_LENGTH,
  trackingNoFromPath,
} from '../applications/tracking-number.param';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';
import { AgencyPageRequest, PageCursor, PageLimit, agencyPageOf } from '../openapi/paging';
import { WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';
import {
  COUNTER_CODE,
  DAY,
  NAME,
  SLOT_TIME,
  TICKET_CODE_INPUT_MAX_LENGTH,
  ticketCodeFrom,
} from './queue-formats';

const SERVICE_CODE = {
  type: String,
  maxLength: SERVICE_CODE_MAX_LENGTH,
  pattern: QUEUE_FORMATS.serviceCode.source,
  example: 'DUKCAPIL-KK',
} satisfies ApiPropertyOptions;
const serviceCodeFormat = { context: { code: 'service_code_format' } };
const between = (min: number, max: number) => ({
  context: { code: 'must_be_integer_between', params: { min, max } },
});

/** A required text field of a pattern, with the code its mismatch is reported by. */
const PatternField = (
  property: ApiPropertyOptions,
  pattern: RegExp,
  code: string,
): PropertyDecorator =>
  applyDecorators(
    ApiProperty(property),
    IsDefined(),
    IsString(),
    Matches(pattern, { context: { code } }),
  );

const AgencyCodeField = (description: string) =>
  PatternField({ ...AGENCY_CODE, description }, QUEUE_FORMATS.agencyCode, 'agency_code_format');

const ServiceCodeField = (description: string) =>
  PatternField({ ...SERVICE_CODE, description }, QUEUE_FORMATS.serviceCode, 'service_code_format');

const NameField = (description: string, example: string) =>
  applyDecorators(
    ApiProperty({ ...NAME, description, example }),
    IsDefined(),
    IsString(),
    MinLength(1),
    MaxLength(QUEUE_NAME_MAX_LENGTH),
  );

const ActiveField = (description: string) =>
  applyDecorators(
    ApiProperty({ description, example: true }),
    IsDefined(),
    IsBoolean({ context: { code: 'must_be_boolean' } }),
  );

/** A list of distinct catalog service codes, one at least. */
const ServiceCodesField = (description: string, example: string[]) =>
  applyDecorators(
    ApiProperty({
      type: [String],
      description,
      minItems: 1,
      maxItems: MAX_LINE_SERVICES,
      uniqueItems: true,
      items: { type: 'string', maxLength: SERVICE_CODE_MAX_LENGTH, pattern: SERVICE_CODE.pattern },
      example,
    }),
    IsDefined(),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_LINE_SERVICES),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(QUEUE_FORMATS.serviceCode, { each: true, ...serviceCodeFormat }),
  );

/** A service line, stated whole; its prefix is the path's. */
export class PutServiceLineRequest {
  @AgencyCodeField('The agency whose services it numbers')
  agencyCode: string;

  @NameField('Shown on the kiosk and the display', 'Kependudukan')
  name: string;

  @ServiceCodesField(
    'The catalog services it numbers, all of the agency; a service is on one line at most',
    ['DUKCAPIL-KK', 'DUKCAPIL-AKTA-LAHIR'],
  )
  serviceCodes: string[];

  @ActiveField('Whether kiosks give its numbers')
  active: boolean;
}

export function toPutServiceLineV1(prefix: string, body: PutServiceLineRequest): PutServiceLineV1 {
  return {
    prefix,
    agencyCode: body.agencyCode,
    name: body.name,
    serviceCodes: body.serviceCodes,
    active: body.active,
  };
}

/** A counter of an agency; its code is the path's. */
export class PutCounterRequest {
  @AgencyCodeField('The agency that staffs it')
  agencyCode: string;

  @NameField('Shown on the display', 'Loket 3 Dukcapil')
  name: string;

  @ActiveField('Whether officers may open sessions at it')
  active: boolean;
}

export function toPutCounterV1(code: string, body: PutCounterRequest): PutCounterV1 {
  return { code, agencyCode: body.agencyCode, name: body.name, active: body.active };
}

export class BookingSlotRequest {
  @PatternField(
    { ...SLOT_TIME, description: "Its start on the mall's wall clock, `HH:MM`" },
    QUEUE_FORMATS.slotTime,
    'time_format',
  )
  start: string;

  @ApiProperty({ description: 'How long it is, in minutes', minimum: 5, maximum: 480, example: 30 })
  @IsDefined()
  @IsInt(between(5, 480))
  @Min(5, between(5, 480))
  @Max(480, between(5, 480))
  minutes: number;

  @ApiProperty({
    description: 'How many visitors may book it',
    minimum: 1,
    maximum: 1000,
    example: 8,
  })
  @IsDefined()
  @IsInt(between(1, 1000))
  @Min(1, between(1, 1000))
  @Max(1000, between(1, 1000))
  capacity: number;
}

export class PutBookingScheduleRequest {
  @ApiProperty({
    type: [BookingSlotRequest],
    description:
      'The slots of each working day, in order of their start, none overlapping, none past ' +
      'midnight; none: the service takes no bookings',
    maxItems: 48,
  })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(48)
  @ValidateNested({ each: true })
  @Type(() => BookingSlotRequest)
  slots: BookingSlotRequest[];
}

export function toPutBookingScheduleV1(
  serviceCode: string,
  body: PutBookingScheduleRequest,
): PutBookingScheduleV1 {
  return {
    serviceCode,
    slots: body.slots.map((slot) => ({
      start: slot.start,
      minutes: slot.minutes,
      capacity: slot.capacity,
    })),
  };
}

export class BookingSlotsRequest {
  @PatternField(
    { ...DAY, description: "The day, in the mall's calendar" },
    QUEUE_FORMATS.day,
    'must_be_date',
  )
  day: string;
}

/** A list of the floor's lines or counters, one agency's or all. */
export class FloorListRequest extends AgencyPageRequest {}

export const toFloorListV1 = (query: FloorListRequest): ListServiceLinesV1 & ListCountersV1 =>
  agencyPageOf(query);

export class ListBookingsRequest {
  @PageLimit('Bookings')
  limit?: number;

  @PageCursor()
  cursor?: string;
}

export function toListMyBookingsV1(query: ListBookingsRequest): ListMyBookingsV1 {
  return {
    limit: query.limit ?? WORK_QUEUE_LIMITS.defaultPageSize,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}

/** A walk-in's number, at a kiosk. */
export class IssueTicketRequest {
  @ServiceCodeField('The service the visitor comes for')
  serviceCode: string;

  @ApiPropertyOptional({
    enum: TICKET_PURPOSES,
    enumName: 'TicketPurpose',
    description:
      '`APPLY` (to apply for or ask about the service; the default), `HAND_IN_DOCUMENTS` or ' +
      '`COLLECT_OUTPUT` (of an application: `trackingNo` names it)',
    example: 'APPLY',
  })
  @IsOptional()
  @IsIn(TICKET_PURPOSES)
  purpose?: TicketPurpose;

  @ApiPropertyOptional({
    description:
      'HAND_IN_DOCUMENTS, COLLECT_OUTPUT: the application’s tracking number, as typed; it must ' +
      "exist, at the service's agency; in a booking, it must be the applicant's own (anyone " +
      "else's is answered as one nobody has: 422 `unknown_application`)",
    minLength: 9,
    maxLength: TRACKING_NO_INPUT_MAX_LENGTH,
    pattern: '^[0-9A-Za-z -]+$',
    example: 'K7M3-9QX2-C',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TRACKING_NO_INPUT_MAX_LENGTH)
  trackingNo?: string;
}

export function toIssueTicketV1(body: IssueTicketRequest): IssueTicketV1 {
  return {
    serviceCode: body.serviceCode,
    purpose: body.purpose ?? 'APPLY',
    ...(body.trackingNo ? { trackingNo: trackingNoFromPath(body.trackingNo) } : {}),
  };
}

/** A visit booked by the signed-in applicant. */
export class BookVisitRequest extends IssueTicketRequest {
  @PatternField(
    { ...DAY, description: 'A working day of the mall, from today to the horizon' },
    QUEUE_FORMATS.day,
    'must_be_date',
  )
  day: string;

  @PatternField(
    { ...SLOT_TIME, description: "The slot's start, as the day's slots list it" },
    QUEUE_FORMATS.slotTime,
    'time_format',
  )
  slotStart: string;
}

export function toBookVisitV1(body: BookVisitRequest): BookVisitV1 {
  return { ...toIssueTicketV1(body), day: body.day, slotStart: body.slotStart };
}

/** A booked visitor at a kiosk. */
export class CheckInRequest {
  @ApiProperty({
    description: 'The booking code, as the booking gave it or as typed (hyphens, any case)',
    minLength: 12,
    maxLength: TICKET_CODE_INPUT_MAX_LENGTH,
    pattern: '^[0-9A-Za-z -]+$',
    example: 'ANT-K7M3-9QX2-C',
  })
  @IsDefined()
  @IsString()
  @MaxLength(TICKET_CODE_INPUT_MAX_LENGTH)
  bookingCode: string;
}

export const toCheckInV1 = (body: CheckInRequest) => ({ code: ticketCodeFrom(body.bookingCode) });

export class OpenCounterSessionRequest {
  @PatternField(
    { ...COUNTER_CODE, description: 'A counter of the officer’s agency' },
    QUEUE_FORMATS.counterCode,
    'counter_code_format',
  )
  counterCode: string;

  @ServiceCodesField('The services it calls for: of the agency, each on a service line', [
    'DUKCAPIL-KK',
  ])
  serviceCodes: string[];
}

export function toOpenCounterSessionV1(body: OpenCounterSessionRequest): OpenCounterSessionV1 {
  return { counterCode: body.counterCode, serviceCodes: body.serviceCodes };
}
