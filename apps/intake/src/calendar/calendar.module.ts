import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { readHolidaysSeed } from '@satupintu/domain';
import { WorkingDayCalendarModule } from '@satupintu/platform';
import { CalendarHandlers } from './calendar.handlers';
import { CalendarRepository, OwnCalendarSource } from './calendar.repository';
import { seedYears } from './days-off';

/**
 * The project's copy of the SKB days off is real reference data: each of its years the calendar
 * does not hold yet is loaded, in every deployment, demo or not.
 */
class CalendarSeed implements OnApplicationBootstrap {
  constructor(
    @Inject(CalendarRepository) private readonly calendar: CalendarRepository,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seeded = await this.calendar.seedMissing(seedYears(readHolidaysSeed()));
    if (seeded.length > 0) this.logger.info({ years: seeded }, 'working-day calendar seeded');
  }
}

/**
 * The mall's working-day calendar: intake keeps it (reference data, beside the catalog), a mall
 * admin edits it, and every change reaches the services that compute deadlines as
 * `WorkingDayCalendarChanged` (they follow it with `WorkingDayCalendarModule.follow()`).
 */
@Module({
  imports: [WorkingDayCalendarModule.ownedBy(OwnCalendarSource)],
  controllers: [CalendarHandlers],
  providers: [CalendarRepository, CalendarSeed],
})
export class CalendarModule {}
