import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { defineRequest } from '../contract';
import { DeleteDayOffV1 } from './delete-day-off.v1';
import type { CalendarYearV1 } from './get-calendar-year.v1';
import { DAY_OFF_KINDS, type DayOffKind } from './working-day-calendar-changed.v1';

export const DAY_OFF_NAME_MAX = 200;
export const DAY_OFF_NOTE_MAX = 1000;

/**
 * A mall admin adds a day off, or replaces the one on that date (an SKB amendment moved or
 * renamed it).
 */
export class PutDayOffV1 extends DeleteDayOffV1 {
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
