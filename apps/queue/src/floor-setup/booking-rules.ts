import { Inject, Injectable } from '@nestjs/common';
import type { BookingRules } from '@satupintu/domain';
import { WorkingDayCalendarProvider } from '@satupintu/platform';
import { QUEUE_SETTINGS, type QueueSettings } from '../queue.settings';

/** What a booking is checked against at an instant: the followed calendar and the settings. */
@Injectable()
export class BookingRulesSource {
  constructor(
    private readonly calendar: WorkingDayCalendarProvider,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
  ) {}

  at(now: Date): BookingRules {
    return {
      calendar: this.calendar.calendar(),
      calendarYears: this.calendar.versions(),
      now,
      timeZone: this.settings.timeZone,
      horizonDays: this.settings.bookingHorizonDays,
    };
  }
}
