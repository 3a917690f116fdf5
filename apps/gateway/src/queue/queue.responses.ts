import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  MAX_LINE_SERVICES,
  TICKET_KINDS,
  TICKET_PURPOSES,
  TICKET_STATUSES,
  type BookingScheduleV1,
  type BookingSlotsV1,
  type CounterSessionV1,
  type CounterV1,
  type CountersPageV1,
  type ServiceLineV1,
  type ServiceLinesPageV1,
  type TicketKind,
  type TicketPurpose,
  type TicketStatus,
  type TicketV1,
  type TicketsPageV1,
} from '@satupintu/contracts';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH, TRACKING_NO, ZONED_TIME } from '../openapi/formats';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';
import {
  COUNTER_CODE,
  DAY,
  LINE_PREFIX,
  NAME,
  SLOT_TIME,
  TICKET_CODE,
  TICKET_NO,
} from './queue-formats';

const SERVICE_CODE = { type: String, maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DUKCAPIL-KK' };
const SERVICE_CODES = {
  type: [String],
  maxItems: MAX_LINE_SERVICES,
  items: { type: 'string', maxLength: SERVICE_CODE_MAX_LENGTH },
  example: ['DUKCAPIL-AKTA-LAHIR', 'DUKCAPIL-KK'],
} satisfies ApiPropertyOptions;
const NEXT_CURSOR = {
  description: 'Present when there are more: pass it as `cursor` for the next page',
  maxLength: WORK_QUEUE_LIMITS.cursor,
  pattern: CURSOR_PATTERN,
};
const PAGE_ITEMS = { maxItems: WORK_QUEUE_LIMITS.pageSize };

export class ServiceLineResponse {
  @ApiProperty(LINE_PREFIX)
  prefix: string;

  @ApiProperty(AGENCY_CODE)
  agencyCode: string;

  @ApiProperty({ ...NAME, example: 'Kependudukan' })
  name: string;

  @ApiProperty({ ...SERVICE_CODES, description: 'The services it numbers' })
  serviceCodes: string[];

  @ApiProperty({ description: 'Whether kiosks give its numbers', example: true })
  active: boolean;

  @ApiProperty(ZONED_TIME)
  changedAt: string;
}

export const toServiceLineResponse = (line: ServiceLineV1): ServiceLineResponse => ({
  prefix: line.prefix,
  agencyCode: line.agencyCode,
  name: line.name,
  serviceCodes: line.serviceCodes,
  active: line.active,
  changedAt: line.changedAt,
});

export class ServiceLinesPageResponse {
  @ApiProperty({ type: [ServiceLineResponse], description: 'By prefix', ...PAGE_ITEMS })
  items: ServiceLineResponse[];

  @ApiPropertyOptional(NEXT_CURSOR)
  nextCursor?: string;
}

export const toServiceLinesPageResponse = (page: ServiceLinesPageV1): ServiceLinesPageResponse => ({
  items: page.items.map(toServiceLineResponse),
  ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
});

export class CounterResponse {
  @ApiProperty(COUNTER_CODE)
  code: string;

  @ApiProperty(AGENCY_CODE)
  agencyCode: string;

  @ApiProperty({ ...NAME, example: 'Loket 3 Dukcapil' })
  name: string;

  @ApiProperty({ description: 'Whether officers may open sessions at it', example: true })
  active: boolean;

  @ApiProperty({ description: 'Whether an officer has a session open at it now', example: true })
  open: boolean;

  @ApiProperty(ZONED_TIME)
  changedAt: string;
}

export const toCounterResponse = (counter: CounterV1): CounterResponse => ({
  code: counter.code,
  agencyCode: counter.agencyCode,
  name: counter.name,
  active: counter.active,
  open: counter.open,
  changedAt: counter.changedAt,
});

export class CountersPageResponse {
  @ApiProperty({ type: [CounterResponse], description: 'By code', ...PAGE_ITEMS })
  items: CounterResponse[];

  @ApiPropertyOptional(NEXT_CURSOR)
  nextCursor?: string;
}

export const toCountersPageResponse = (page: CountersPageV1): CountersPageResponse => ({
  items: page.items.map(toCounterResponse),
  ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
});

export class BookingSlotResponse {
  @ApiProperty(SLOT_TIME)
  start: string;

  @ApiProperty({ minimum: 5, maximum: 480, example: 30 })
  minutes: number;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 8 })
  capacity: number;
}

export class BookingScheduleResponse {
  @ApiProperty(SERVICE_CODE)
  serviceCode: string;

  @ApiProperty(AGENCY_CODE)
  agencyCode: string;

  @ApiProperty({ type: [BookingSlotResponse], maxItems: 48 })
  slots: BookingSlotResponse[];

  @ApiProperty(ZONED_TIME)
  changedAt: string;
}

export const toBookingScheduleResponse = (
  schedule: BookingScheduleV1,
): BookingScheduleResponse => ({
  serviceCode: schedule.serviceCode,
  agencyCode: schedule.agencyCode,
  slots: schedule.slots.map(({ start, minutes, capacity }) => ({ start, minutes, capacity })),
  changedAt: schedule.changedAt,
});

export class BookableSlotResponse {
  @ApiProperty({ ...SLOT_TIME, description: 'What a booking names as `slotStart`' })
  slotStart: string;

  @ApiProperty(ZONED_TIME)
  start: string;

  @ApiProperty(ZONED_TIME)
  end: string;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 8 })
  capacity: number;

  @ApiProperty({
    description: 'Places left: 0 when full or already started',
    minimum: 0,
    maximum: 1000,
    example: 5,
  })
  available: number;
}

export class BookingSlotsResponse {
  @ApiProperty(SERVICE_CODE)
  serviceCode: string;

  @ApiProperty(DAY)
  day: string;

  @ApiProperty({
    description:
      'False on a day that cannot be booked: not a working day of the mall, before today, past ' +
      'the horizon, or of a year whose calendar is not set; its slots are then not listed',
    example: true,
  })
  bookable: boolean;

  @ApiProperty({ type: [BookableSlotResponse], maxItems: 48 })
  slots: BookableSlotResponse[];
}

export const toBookingSlotsResponse = (slots: BookingSlotsV1): BookingSlotsResponse => ({
  serviceCode: slots.serviceCode,
  day: slots.day,
  bookable: slots.bookable,
  slots: slots.slots.map((slot) => ({
    slotStart: slot.slotStart,
    start: slot.start,
    end: slot.end,
    capacity: slot.capacity,
    available: slot.available,
  })),
});

export class TicketLineResponse {
  @ApiProperty(LINE_PREFIX)
  prefix: string;

  @ApiProperty({ ...NAME, example: 'Kependudukan' })
  name: string;
}

export class TicketSlotResponse {
  @ApiProperty(ZONED_TIME)
  start: string;

  @ApiProperty(ZONED_TIME)
  end: string;
}

export class TicketResponse {
  @ApiProperty({
    ...TICKET_CODE,
    description: 'Its own code: the status page and check-in go by it',
  })
  code: string;

  @ApiPropertyOptional({ ...TICKET_NO, description: 'Its number, once it has one' })
  ticketNo?: string;

  @ApiProperty({
    enum: TICKET_STATUSES,
    enumName: 'TicketStatus',
    description:
      '`BOOKED` (no number yet) → `WAITING` (numbered) → `CALLED` → `SERVED` or `NO_SHOW`; a ' +
      'booking may be `CANCELLED`, and is `EXPIRED` once its day is over unchecked',
    example: 'WAITING',
  })
  status: TicketStatus;

  @ApiProperty({ enum: TICKET_KINDS, enumName: 'TicketKind', example: 'WALK_IN' })
  kind: TicketKind;

  @ApiProperty({ enum: TICKET_PURPOSES, enumName: 'TicketPurpose', example: 'APPLY' })
  purpose: TicketPurpose;

  @ApiProperty(SERVICE_CODE)
  serviceCode: string;

  @ApiProperty(AGENCY_CODE)
  agencyCode: string;

  @ApiPropertyOptional({ type: TicketLineResponse, description: 'The line it is numbered on' })
  line?: TicketLineResponse;

  @ApiProperty({ ...DAY, description: "The mall's local day of the visit" })
  day: string;

  @ApiPropertyOptional({
    ...TRACKING_NO,
    description: 'The application it names: never on the public status',
  })
  trackingNo?: string;

  @ApiPropertyOptional({ type: TicketSlotResponse, description: "A booking's slot" })
  slot?: TicketSlotResponse;

  @ApiPropertyOptional(ZONED_TIME)
  bookedAt?: string;

  @ApiPropertyOptional({ ...ZONED_TIME, description: 'When it got its number' })
  checkedInAt?: string;

  @ApiPropertyOptional({ ...ZONED_TIME, description: 'Its latest call' })
  calledAt?: string;

  @ApiPropertyOptional({ ...COUNTER_CODE, description: 'The counter it is (was) called to' })
  counterCode?: string;

  @ApiPropertyOptional({ description: 'Calls so far', minimum: 1, maximum: 1000, example: 1 })
  calls?: number;

  @ApiPropertyOptional(ZONED_TIME)
  servedAt?: string;

  @ApiPropertyOptional(ZONED_TIME)
  noShowAt?: string;

  @ApiPropertyOptional(ZONED_TIME)
  cancelledAt?: string;

  @ApiPropertyOptional({
    description: 'WAITING, on the status: tickets of its line called before it if nothing changes',
    minimum: 0,
    maximum: 10000,
    example: 4,
  })
  ahead?: number;

  @ApiPropertyOptional({
    description:
      'WAITING, on the status: `ahead` × the median call-to-served time of its line’s latest 20 ' +
      'served tickets ÷ the counters open for its line, in whole minutes; absent while none is open',
    minimum: 0,
    maximum: 100000,
    example: 12,
  })
  estimatedWaitMinutes?: number;
}

export function toTicketResponse(ticket: TicketV1): TicketResponse {
  const optional: Partial<TicketResponse> = {
    ticketNo: ticket.ticketNo,
    line: ticket.line ? { prefix: ticket.line.prefix, name: ticket.line.name } : undefined,
    trackingNo: ticket.trackingNo,
    slot: ticket.slot ? { start: ticket.slot.start, end: ticket.slot.end } : undefined,
    bookedAt: ticket.bookedAt,
    checkedInAt: ticket.checkedInAt,
    calledAt: ticket.calledAt,
    counterCode: ticket.counterCode,
    calls: ticket.calls,
    servedAt: ticket.servedAt,
    noShowAt: ticket.noShowAt,
    cancelledAt: ticket.cancelledAt,
    ahead: ticket.ahead,
    estimatedWaitMinutes: ticket.estimatedWaitMinutes,
  };
  return {
    code: ticket.code,
    status: ticket.status,
    kind: ticket.kind,
    purpose: ticket.purpose,
    serviceCode: ticket.serviceCode,
    agencyCode: ticket.agencyCode,
    day: ticket.day,
    ...(Object.fromEntries(
      Object.entries(optional).filter(([, value]) => value !== undefined),
    ) as Partial<TicketResponse>),
  };
}

export class TicketsPageResponse {
  @ApiProperty({ type: [TicketResponse], description: 'The latest booked first', ...PAGE_ITEMS })
  items: TicketResponse[];

  @ApiPropertyOptional(NEXT_CURSOR)
  nextCursor?: string;
}

export const toTicketsPageResponse = (page: TicketsPageV1): TicketsPageResponse => ({
  items: page.items.map(toTicketResponse),
  ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
});

export class CounterSessionResponse {
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36 })
  sessionId: string;

  @ApiProperty(COUNTER_CODE)
  counterCode: string;

  @ApiProperty(AGENCY_CODE)
  agencyCode: string;

  @ApiProperty({ ...SERVICE_CODES, description: 'The services it calls for' })
  serviceCodes: string[];

  @ApiProperty(ZONED_TIME)
  openedAt: string;

  @ApiPropertyOptional(ZONED_TIME)
  closedAt?: string;

  @ApiPropertyOptional({
    type: TicketResponse,
    description: 'The ticket called to the counter, not yet served or missed',
  })
  current?: TicketResponse;
}

export const toCounterSessionResponse = (session: CounterSessionV1): CounterSessionResponse => ({
  sessionId: session.sessionId,
  counterCode: session.counterCode,
  agencyCode: session.agencyCode,
  serviceCodes: session.serviceCodes,
  openedAt: session.openedAt,
  ...(session.closedAt ? { closedAt: session.closedAt } : {}),
  ...(session.current ? { current: toTicketResponse(session.current) } : {}),
});
