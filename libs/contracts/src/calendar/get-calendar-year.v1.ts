import { IsInt, Max, Min } from 'class-validator';
import { defineRequest } from '../contract';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  type DayOffKind,
} from './working-day-calendar-changed.v1';

/** Public: the days off of one year, as the mall keeps them. */
export class GetCalendarYearV1 {
  @IsInt()
  @Min(CALENDAR_FIRST_YEAR)
  @Max(CALENDAR_LAST_YEAR)
  year: number;
}

export interface DayOffV1 {
  date: string;
  kind: DayOffKind;
  nameId: string;
  nameEn: string;
  /** Where it comes from: the decree (SKB) and its amendment, a source page. */
  note?: string;
}

export interface CalendarYearV1 {
  year: number;
  /** Grows with every change of this year's days off. */
  version: number;
  /** The decree (SKB) the year's days off come from, as seeded; absent for a year an admin added. */
  decree?: string;
  /** In date order. */
  daysOff: DayOffV1[];
}

export const GetCalendarYear = defineRequest<GetCalendarYearV1, CalendarYearV1>({
  subject: 'calendar.year.get.v1',
  service: 'intake',
  payload: GetCalendarYearV1,
});
