import { type DynamicModule, Module } from '@nestjs/common';
import { TicketCalled, TicketClosed, TicketIssued } from '@satupintu/contracts';
import { RpcClientModule } from '@satupintu/messaging';
import { databaseName } from '@satupintu/persistence';
import {
  IdempotencyModule,
  WorkingDayCalendarModule,
  serviceInfrastructure,
} from '@satupintu/platform';
import type { QueueConfig } from './config';
import { CounterApplicationsModule } from './counter-applications/counter-applications.module';
import { CounterSessionsModule } from './counter-sessions/counter-sessions.module';
import { FloorSetupModule } from './floor-setup/floor-setup.module';
import { DisplayModule } from './display/display.module';
import { FiguresModule } from './figures/figures.module';
import { QUEUE_MIGRATIONS } from './migrations';
import { QUEUE_SETTINGS, type QueueSettings } from './queue.settings';
import { TicketsModule } from './tickets/tickets.module';

/**
 * The mall floor (ADR 0036): service lines, counters and booking slots; tickets from a kiosk or
 * a booking; officers' counter sessions and their calls. A service of its own so that kiosks
 * keep issuing numbers while intake or an agency is down, and its morning bursts load no other
 * database.
 */
@Module({})
export class QueueModule {
  static forRoot(config: QueueConfig): DynamicModule {
    const settings: QueueSettings = {
      timeZone: config.MALL_TIME_ZONE,
      bookingHorizonDays: config.QUEUE_BOOKING_HORIZON_DAYS,
      defaultServiceSeconds: Math.round(config.QUEUE_DEFAULT_SERVICE_MINUTES * 60),
      sessionSweepMs: config.QUEUE_SESSION_SWEEP_MS,
    };
    return {
      module: QueueModule,
      imports: [
        ...serviceInfrastructure({
          config,
          name: 'queue',
          database: databaseName(config.DB_PREFIX, 'queue'),
          migrations: QUEUE_MIGRATIONS,
          publishes: [TicketIssued, TicketCalled, TicketClosed],
        }),
        // Booking days are working days of the mall's calendar, followed from intake.
        WorkingDayCalendarModule.follow(),
        IdempotencyModule,
        // Intake, asked (as this service) about catalog services when lines and schedules are
        // set, and about the application a ticket names; never to issue a walk-in number.
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.SP_NAMESPACE,
          timeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          name: 'queue-requests',
        }),
        FloorSetupModule,
        TicketsModule,
        CounterSessionsModule,
        DisplayModule,
        FiguresModule,
        CounterApplicationsModule,
      ],
      providers: [{ provide: QUEUE_SETTINGS, useValue: settings }],
      exports: [QUEUE_SETTINGS],
      global: true,
    };
  }
}
