import {
  IsDefined,
  IsInt,
  Max,
  Min,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { defineRequest } from '../contract';
import type { CalendarYearV1 } from './get-calendar-year.v1';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  DAY_OFF_KINDS,
  ISO_DATE,
  type DayOffKind,
} from './working-day-calendar-changed.v1';

export const DAY_OFF_NAME_MAX = 200;
export const DAY_OFF_NOTE_MAX = 1000;

/**
 * A mall admin adds a day off, or replaces the one on that date (an SKB amendment moved or
 * renamed it). `year` must be the date's: the route names both, and a mismatch is refused.
 */
export class PutDayOffV1 {
  @IsInt()
  @Min(CALENDAR_FIRST_YEAR)
  @Max(CALENDAR_LAST_YEAR)
  year: number;

  @IsDefined()
  @IsString()
  @Matches(ISO_DATE, { context: { code: 'must_be_date' } })
  date: string;

  @IsDefined()
  @IsIn(DAY_OFF_KINDS)
  kind: DayOffKind;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(DAY_OFF_NAME_MAX)
  nameId: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(DAY_OFF_NAME_MAX)
  nameEn: string;

  @IsOptional()
  @IsString()
  @MaxLength(DAY_OFF_NOTE_MAX)
  note?: string;
}

export const PutDayOff = defineRequest<PutDayOffV1, CalendarYearV1>({
  subject: 'calendar.day-off.put.v1',
  service: 'intake',
  payload: PutDayOffV1,
});
