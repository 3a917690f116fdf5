import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import {
  ApiBody,
  ApiExtension,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  DeleteDayOff,
  GetCalendarYear,
  PutDayOff,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { ApiBodyProblems, BEARER } from '../accounts/accounts.openapi';
import { Callers, Public } from '../auth/access';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import {
  AUGUST_18,
  CALENDAR_DATE,
  CALENDAR_YEAR_EXAMPLE,
  CalendarYearResponse,
  toCalendarYearResponse,
} from './calendar-year.response';
import { PutDayOffRequest, toPutDayOffV1 } from './day-off.request';

const YEAR_PARAM = {
  name: 'year',
  description: `The calendar year, ${CALENDAR_FIRST_YEAR} to ${CALENDAR_LAST_YEAR}`,
  schema: {
    type: 'integer',
    minimum: CALENDAR_FIRST_YEAR,
    maximum: CALENDAR_LAST_YEAR,
  },
  example: 2025,
} as const;

const DATE_PARAM = {
  name: 'date',
  description: 'The day, `YYYY-MM-DD`, inside `year`',
  schema: {
    type: 'string',
    format: 'date',
    minLength: CALENDAR_DATE.minLength,
    maxLength: CALENDAR_DATE.maxLength,
    pattern: CALENDAR_DATE.pattern,
  },
  example: '2025-08-18',
} as const;

/** A path's year: four digits in the calendar's range, or a 400 naming it. */
function yearParam(text: string): number {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR))
    throw DomainError.validation([
      {
        field: 'year',
        code: 'calendar_year_range',
        params: { min: CALENDAR_FIRST_YEAR, max: CALENDAR_LAST_YEAR },
      },
    ]);
  return year;
}

/** A path's date in its form; intake checks that it is a real day of the year. */
function dateParam(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
    throw DomainError.validation([{ field: 'date', code: 'must_be_date' }]);
  return text;
}

const OUTSIDE_YEAR = DomainError.validation([
  { field: 'date', code: 'date_outside_year', params: { year: 2025 } },
]);
const NOT_MALL_ADMIN = 'The caller is signed in but is not a mall admin';
const FORBIDDEN_EXAMPLE = {
  forbidden: {
    summary: 'A front-desk officer',
    error: new DomainError('forbidden', 403, [], { resource: 'calendar' }),
    instance: '/v1/calendar/2025/days-off/2025-08-18',
  },
};

/**
 * The mall's working-day calendar: the days off (national holidays and cuti bersama) that
 * deadlines in working days skip. Intake keeps it; every change reaches the services that
 * compute deadlines.
 */
@ApiTags('calendar')
@Controller('v1/calendar')
export class CalendarController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':year')
  @Public()
  @ApiOperation({
    operationId: 'getCalendarYear',
    summary: "A year's days off",
    description:
      'The national holidays and cuti bersama of one year, as the mall counts working days (Monday to Friday ' +
      "minus these). Public: the decree is. Seeded from each year's joint ministerial decree (SKB); a mall " +
      'admin keeps it up to date when the decree is amended.',
    security: [],
  })
  @ApiParam(YEAR_PARAM)
  @ApiResponse({
    status: 200,
    description: 'The year, its version and its days off',
    type: CalendarYearResponse,
    examples: {
      year2025: { summary: '2025 (three of its days off)', value: CALENDAR_YEAR_EXAMPLE },
    },
  })
  @ApiProblemResponse(400, 'The year is not four digits from 2000 to 2100', {
    year: {
      summary: 'Year 1999',
      error: DomainError.validation([
        {
          field: 'year',
          code: 'calendar_year_range',
          params: { min: CALENDAR_FIRST_YEAR, max: CALENDAR_LAST_YEAR },
        },
      ]),
      instance: '/v1/calendar/1999',
    },
  })
  @ApiProblemResponse(404, 'The calendar holds no days off for this year yet', {
    notFound: {
      summary: 'A year whose decree is not in yet',
      error: new DomainError('calendar_year_not_found', 404, [], { year: 2031 }),
      instance: '/v1/calendar/2031',
    },
  })
  @ApiUpstreamProblems('intake', '/v1/calendar/2025')
  async get(@Param('year') year: string): Promise<CalendarYearResponse> {
    return toCalendarYearResponse(
      await this.rpc.request(GetCalendarYear, { year: yearParam(year) }),
    );
  }

  @Put(':year/days-off/:date')
  @Callers({ officer: ['MALL_ADMIN'] })
  @ApiOperation({
    operationId: 'putDayOff',
    summary: 'Add or replace a day off',
    description:
      'A mall admin adds the day off on this date, or replaces the one there (an SKB amendment renamed it, ' +
      "or made a holiday cuti bersama). A year the calendar does not hold yet starts with it (next year's " +
      'decree). Each change makes a new version of the year, which reaches every service that computes ' +
      'deadlines; sending the same day off again changes nothing. A Saturday or Sunday is accepted and kept ' +
      '(the decree lists them too), but changes no deadline: weekends are never working days.',
    security: BEARER,
  })
  @ApiParam(YEAR_PARAM)
  @ApiParam(DATE_PARAM)
  @ApiBody({
    type: PutDayOffRequest,
    examples: {
      amendment: {
        summary: 'The cuti bersama of 18 August 2025, added by an amendment',
        value: {
          kind: AUGUST_18.kind,
          nameId: AUGUST_18.nameId,
          nameEn: AUGUST_18.nameEn,
          note: AUGUST_18.note,
        } satisfies PutDayOffRequest,
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'The year after the change, with its new version',
    type: CalendarYearResponse,
    examples: { added: { summary: 'Version 2 of 2025', value: CALENDAR_YEAR_EXAMPLE } },
  })
  @ApiBodyProblems(
    '/v1/calendar/2025/days-off/2026-01-01',
    OUTSIDE_YEAR,
    'A date of another year than the path’s',
  )
  @ApiProblemResponse(403, NOT_MALL_ADMIN, FORBIDDEN_EXAMPLE)
  @ApiExtension(
    'x-missing-resource',
    'Nothing is missing for a PUT: a day off not there is added, and a year not held yet starts with it.',
  )
  @ApiUpstreamProblems('intake', '/v1/calendar/2025/days-off/2025-08-18')
  async put(
    @Param('year') year: string,
    @Param('date') date: string,
    @Body() body: PutDayOffRequest,
  ): Promise<CalendarYearResponse> {
    return toCalendarYearResponse(
      await this.rpc.request(PutDayOff, toPutDayOffV1(yearParam(year), dateParam(date), body)),
    );
  }

  @Delete(':year/days-off/:date')
  @Callers({ officer: ['MALL_ADMIN'] })
  @ApiOperation({
    operationId: 'deleteDayOff',
    summary: 'Remove a day off',
    description:
      'A mall admin removes the day off on this date (an SKB amendment dropped it): it becomes a working day ' +
      'if it is a weekday. The year gets a new version, which reaches every service that computes deadlines.',
    security: BEARER,
  })
  @ApiParam(YEAR_PARAM)
  @ApiParam(DATE_PARAM)
  @ApiResponse({
    status: 200,
    description: 'The year after the change, with its new version',
    type: CalendarYearResponse,
    examples: {
      removed: {
        summary: 'Version 3 of 2025, without 18 August',
        value: {
          ...CALENDAR_YEAR_EXAMPLE,
          version: 3,
          daysOff: CALENDAR_YEAR_EXAMPLE.daysOff.slice(0, 2),
        },
      },
    },
  })
  @ApiProblemResponse(400, 'The year or the date is malformed, or the date is not in the year', {
    outside: {
      summary: 'A date of another year',
      error: OUTSIDE_YEAR,
      instance: '/v1/calendar/2025/days-off/2026-01-01',
    },
  })
  @ApiProblemResponse(403, NOT_MALL_ADMIN, FORBIDDEN_EXAMPLE)
  @ApiProblemResponse(404, 'There is no day off on this date', {
    notFound: {
      summary: 'A working day',
      error: new DomainError('day_off_not_found', 404, [], { date: '2025-08-19' }),
      instance: '/v1/calendar/2025/days-off/2025-08-19',
    },
  })
  @ApiUpstreamProblems('intake', '/v1/calendar/2025/days-off/2025-08-18')
  async delete(
    @Param('year') year: string,
    @Param('date') date: string,
  ): Promise<CalendarYearResponse> {
    return toCalendarYearResponse(
      await this.rpc.request(DeleteDayOff, { year: yearParam(year), date: dateParam(date) }),
    );
  }
}
