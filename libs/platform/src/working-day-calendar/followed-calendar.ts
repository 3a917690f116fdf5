import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  CALENDAR_STREAM,
  WorkingDayCalendarChanged,
  type WorkingDayCalendarChangedV1,
} from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
import { sql, type Executor } from '@satupintu/persistence';
import {
  SqlCalendarSource,
  WorkingDayCalendarProvider,
  type CalendarYearDays,
} from './working-day-calendar.provider';

/** The follower's copy, `working_day_calendar` (its migration: CreateWorkingDayCalendar). */
@Injectable()
export class FollowedCalendarSource extends SqlCalendarSource {
  protected versionsStatement() {
    return sql<{ year: number; version: number }>`SELECT year, version FROM working_day_calendar`;
  }

  protected loadStatement() {
    return sql<CalendarYearDays>`
      SELECT year, version, days_off AS "daysOff" FROM working_day_calendar ORDER BY year`;
  }

  /**
   * Keeps a year only if newer than the one held: a replay, or a redelivery after a newer
   * version, changes nothing. Answers whether it changed anything.
   */
  static async follow(tx: Executor, event: WorkingDayCalendarChangedV1): Promise<boolean> {
    const daysOff = event.daysOff.map((day) => ({ date: day.date, kind: day.kind }));
    const { count } = await tx.execute(sql`
      INSERT INTO working_day_calendar (year, version, days_off, changed_at)
      VALUES (${event.year}, ${event.version}, ${JSON.stringify(daysOff)}::jsonb, ${event.changedAt})
      ON CONFLICT (year) DO UPDATE
         SET version = EXCLUDED.version, days_off = EXCLUDED.days_off,
             changed_at = EXCLUDED.changed_at, received_at = now()
       WHERE working_day_calendar.version < EXCLUDED.version`);
    return count > 0;
  }
}

/** Follows intake's calendar stream into the service's own table (durable `<service>-calendar`). */
@Injectable()
export class WorkingDayCalendarFollower implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly provider: WorkingDayCalendarProvider,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: CALENDAR_STREAM,
      handlers: [
        on(WorkingDayCalendarChanged, async (event, tx) => {
          if (await FollowedCalendarSource.follow(tx, event))
            tx.afterCommit(() => void this.provider.refresh().catch(() => undefined));
        }),
      ],
    });
  }
}
