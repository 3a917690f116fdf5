import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
import { defineRequest } from '../contract';
import { QueuePageV1 } from './floor-ticket';
import { QUEUE_FORMATS as F } from './queue-formats';

/** A line holds at most this many services; a counter session serves at most this many. */
export const MAX_LINE_SERVICES = 50;
export const QUEUE_NAME_MAX_LENGTH = 100;

/**
 * A service line, stated whole (ADR 0036): its letters, the agency whose services it numbers, a
 * name for the kiosk and the display, the services (each in one line at most), and whether
 * kiosks issue its numbers. The agency's admin or a mall admin sets it.
 */
export class PutServiceLineV1 {
  @IsString()
  @Matches(F.linePrefix)
  prefix: string;

  @IsString()
  @Matches(F.agencyCode)
  agencyCode: string;

  @IsString()
  @MinLength(1)
  @MaxLength(QUEUE_NAME_MAX_LENGTH)
  name: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINE_SERVICES)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(F.serviceCode, { each: true })
  serviceCodes: string[];

  @IsBoolean()
  active: boolean;
}

export interface ServiceLineV1 {
  prefix: string;
  agencyCode: string;
  name: string;
  serviceCodes: string[];
  active: boolean;
  /** ISO 8601 in the mall's zone. */
  changedAt: string;
}

class AgencyPageV1 extends QueuePageV1 {
  @IsOptional()
  @IsString()
  @Matches(F.agencyCode)
  agencyCode?: string;
}

/** The mall's lines (or one agency's), by prefix: anyone may read them (a kiosk's menu). */
export class ListServiceLinesV1 extends AgencyPageV1 {}

export interface ServiceLinesPageV1 {
  items: ServiceLineV1[];
  nextCursor?: string;
}

/** A counter of an agency: its code, unique in the mall, as the display shows it. */
export class PutCounterV1 {
  @IsString()
  @Matches(F.counterCode)
  code: string;

  @IsString()
  @Matches(F.agencyCode)
  agencyCode: string;

  @IsString()
  @MinLength(1)
  @MaxLength(QUEUE_NAME_MAX_LENGTH)
  name: string;

  @IsBoolean()
  active: boolean;
}

export interface CounterV1 {
  code: string;
  agencyCode: string;
  name: string;
  active: boolean;
  /** Whether an officer has a session open at it now. */
  open: boolean;
  /** ISO 8601 in the mall's zone. */
  changedAt: string;
}

/** The mall's counters (or one agency's), by code: anyone may read them. */
export class ListCountersV1 extends AgencyPageV1 {}

export interface CountersPageV1 {
  items: CounterV1[];
  nextCursor?: string;
}

export class BookingSlotV1 {
  /** `HH:MM` on the mall's wall clock. */
  @IsString()
  @Matches(F.slotTime)
  start: string;

  @IsInt()
  @Min(5)
  @Max(480)
  minutes: number;

  @IsInt()
  @Min(1)
  @Max(1000)
  capacity: number;
}

/**
 * The slots a service can be booked in on each working day, in order; none: it takes no
 * bookings. Bookings already made keep their slot.
 */
export class PutBookingScheduleV1 {
  @IsString()
  @Matches(F.serviceCode)
  serviceCode: string;

  @IsArray()
  @ArrayMaxSize(48)
  @ValidateNested({ each: true })
  @Type(() => BookingSlotV1)
  slots: BookingSlotV1[];
}

export interface BookingScheduleV1 {
  serviceCode: string;
  agencyCode: string;
  slots: BookingSlotV1[];
  /** ISO 8601 in the mall's zone. */
  changedAt: string;
}

/** A service's slots on one day, with what is left of each: anyone may ask. */
export class ListBookingSlotsV1 {
  @IsString()
  @Matches(F.serviceCode)
  serviceCode: string;

  @IsString()
  @Matches(F.day)
  day: string;
}

export interface BookableSlotV1 {
  /** `HH:MM`, what a booking names. */
  slotStart: string;
  /** ISO 8601 in the mall's zone. */
  start: string;
  end: string;
  capacity: number;
  /** Places left: 0 when full or already started. */
  available: number;
}

export interface BookingSlotsV1 {
  serviceCode: string;
  day: string;
  /** False on a day that cannot be booked (not a working day, past, beyond the horizon). */
  bookable: boolean;
  slots: BookableSlotV1[];
}

export const PutServiceLine = defineRequest<PutServiceLineV1, ServiceLineV1>({
  subject: 'queue.line.put.v1',
  service: 'queue',
  payload: PutServiceLineV1,
});

export const ListServiceLines = defineRequest<ListServiceLinesV1, ServiceLinesPageV1>({
  subject: 'queue.line.list.v1',
  service: 'queue',
  payload: ListServiceLinesV1,
});

export const PutCounter = defineRequest<PutCounterV1, CounterV1>({
  subject: 'queue.counter.put.v1',
  service: 'queue',
  payload: PutCounterV1,
});

export const ListCounters = defineRequest<ListCountersV1, CountersPageV1>({
  subject: 'queue.counter.list.v1',
  service: 'queue',
  payload: ListCountersV1,
});

export const PutBookingSchedule = defineRequest<PutBookingScheduleV1, BookingScheduleV1>({
  subject: 'queue.schedule.put.v1',
  service: 'queue',
  payload: PutBookingScheduleV1,
});

export const ListBookingSlots = defineRequest<ListBookingSlotsV1, BookingSlotsV1>({
  subject: 'queue.slot.list.v1',
  service: 'queue',
  payload: ListBookingSlotsV1,
});
