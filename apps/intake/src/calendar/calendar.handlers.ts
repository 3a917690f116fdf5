import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  DeleteDayOff,
  DeleteDayOffV1,
  GetCalendarYear,
  GetCalendarYearV1,
  PutDayOff,
  PutDayOffV1,
  type CalendarYearV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { CalendarRepository } from './calendar.repository';
import { deleteDayOff, putDayOff, requireCalendarAdmin } from './days-off';

@Controller()
export class CalendarHandlers {
  constructor(private readonly calendar: CalendarRepository) {}

  /** Public: the days off are public information (the decree is). */
  @HandleRequest(GetCalendarYear)
  async get(@Payload() input: GetCalendarYearV1): Promise<CalendarYearV1> {
    const year = await this.calendar.year(input.year);
    if (!year) throw new DomainError('calendar_year_not_found', 404, [], { year: input.year });
    return year;
  }

  @HandleRequest(PutDayOff)
  put(@Payload() input: PutDayOffV1, @Caller() caller: RequestContext): Promise<CalendarYearV1> {
    requireCalendarAdmin(caller.principal);
    return this.calendar.change(input.year, (current) => putDayOff(current, input));
  }

  @HandleRequest(DeleteDayOff)
  delete(
    @Payload() input: DeleteDayOffV1,
    @Caller() caller: RequestContext,
  ): Promise<CalendarYearV1> {
    requireCalendarAdmin(caller.principal);
    return this.calendar.change(input.year, (current) => ({
      next: deleteDayOff(current, input.year, input.date),
      changed: true,
    }));
  }
}
