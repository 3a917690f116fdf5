import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../contract';
import { CALENDAR_STREAM } from './calendar.stream';

/** A national holiday (libur nasional) or a collective leave day (cuti bersama) of the SKB. */
export const DAY_OFF_KINDS = ['HOLIDAY', 'CUTI_BERSAMA'] as const;
export type DayOffKind = (typeof DAY_OFF_KINDS)[number];

/** The years the calendar may hold: a bound, not a forecast. */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2100;

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WorkingDayCalendarDayOffV1 {
  @Matches(ISO_DATE)
  date: string;

  @IsIn(DAY_OFF_KINDS)
  kind: DayOffKind;
}

/**
 * The whole of one year's days off, after any change to them (intake owns the calendar; a mall
 * admin edits it). Whole, not a diff: the stream keeps only the latest message per year, and a
 * follower replaces the year it holds when `version` is higher. Names stay in intake: deadlines
 * need only dates.
 */
export class WorkingDayCalendarChangedV1 {
  @IsInt()
  @Min(CALENDAR_FIRST_YEAR)
  @Max(CALENDAR_LAST_YEAR)
  year: number;

  @IsInt()
  @Min(1)
  version: number;

  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => WorkingDayCalendarDayOffV1)
  daysOff: WorkingDayCalendarDayOffV1[];

  @IsISO8601()
  changedAt: string;
}

export const WorkingDayCalendarChanged = defineEvent<WorkingDayCalendarChangedV1>({
  subject: 'calendar.working-days.changed.v1',
  stream: CALENDAR_STREAM,
  payload: WorkingDayCalendarChangedV1,
  routingKey: (event) => String(event.year),
  orderingKey: (event) => `calendar-${event.year}`,
});
