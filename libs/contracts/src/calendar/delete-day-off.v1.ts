import { IsDefined, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { defineRequest } from '../contract';
import type { CalendarYearV1 } from './get-calendar-year.v1';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  ISO_DATE,
} from './working-day-calendar-changed.v1';

/**
 * A mall admin removes a day off (an SKB amendment dropped it); 404 if there is none. `year` must
 * be the date's: the route names both, and a mismatch is refused.
 */
export class DeleteDayOffV1 {
  @IsInt()
  @Min(CALENDAR_FIRST_YEAR)
  @Max(CALENDAR_LAST_YEAR)
  year: number;

  @IsDefined()
  @IsString()
  @Matches(ISO_DATE, { context: { code: 'must_be_date' } })
  date: string;
}

export const DeleteDayOff = defineRequest<DeleteDayOffV1, CalendarYearV1>({
  subject: 'calendar.day-off.delete.v1',
  service: 'intake',
  payload: DeleteDayOffV1,
});
