import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { FollowedCalendarSource, WorkingDayCalendarFollower } from './followed-calendar';
import {
  WorkingDayCalendarProvider,
  WorkingDayCalendarSource,
} from './working-day-calendar.provider';

/**
 * The mall's working-day calendar in a service: `WorkingDayCalendarProvider` to inject wherever
 * a deadline is computed.
 */
@Module({})
export class WorkingDayCalendarModule {
  /**
   * For a service that computes deadlines: follows intake's calendar stream into its own
   * database. Its migrations must include `CreateWorkingDayCalendar1764900000700`.
   */
  static follow(): DynamicModule {
    return {
      module: WorkingDayCalendarModule,
      global: true,
      providers: [
        { provide: WorkingDayCalendarSource, useClass: FollowedCalendarSource },
        WorkingDayCalendarProvider,
        WorkingDayCalendarFollower,
      ],
      exports: [WorkingDayCalendarProvider],
    };
  }

  /** For intake, which owns the calendar: read from its own tables. */
  static ownedBy(source: Type<WorkingDayCalendarSource>): DynamicModule {
    return {
      module: WorkingDayCalendarModule,
      global: true,
      providers: [
        { provide: WorkingDayCalendarSource, useClass: source },
        WorkingDayCalendarProvider,
      ],
      exports: [WorkingDayCalendarProvider],
    };
  }
}
