import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';

/** The REST face of the mall's working-day calendar: each route asks intake over NATS. */
@Module({ controllers: [CalendarController] })
export class CalendarModule {}
