import { type DynamicModule, Module } from '@nestjs/common';
import { CaseDeadlineAlert } from '@satupintu/contracts';
import { databaseName } from '@satupintu/persistence';
import {
  IdempotencyModule,
  WorkingDayCalendarModule,
  serviceInfrastructure,
} from '@satupintu/platform';
import type { TrackingConfig } from './config';
import { DashboardsModule } from './dashboards/dashboards.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { TRACKING_MIGRATIONS } from './migrations';
import { LookupModule } from './lookup/lookup.module';
import { TimelineModule } from './timeline/timeline.module';
import { TRACKING_SETTINGS, type TrackingSettings } from './tracking.settings';
import { ViewsModule } from './views/views.module';
import { ClientWebhooksModule } from './webhooks/client-webhooks.module';

@Module({})
export class TrackingModule {
  static forRoot(config: TrackingConfig): DynamicModule {
    return {
      module: TrackingModule,
      imports: [
        ...serviceInfrastructure({
          config,
          name: 'tracking',
          database: databaseName(config.DB_PREFIX, 'tracking'),
          migrations: TRACKING_MIGRATIONS,
          publishes: [CaseDeadlineAlert],
        }),
        // Deadlines in working days (issues 8, 9): the mall's calendar, followed from intake.
        WorkingDayCalendarModule.follow(),
        IdempotencyModule,
        // API clients told of their applications' timelines (issue 9): Standard Webhooks.
        ClientWebhooksModule.forRoot(config),
        TimelineModule,
        ViewsModule,
        DeadlinesModule,
        DashboardsModule,
        LookupModule,
      ],
      providers: [settingsProvider(config)],
      exports: [TRACKING_SETTINGS],
      global: true,
    };
  }
}

function settingsProvider(config: TrackingConfig) {
  const settings: TrackingSettings = {
    atRiskShare: config.TRACKING_AT_RISK_SHARE,
    lookupKey: config.lookupKey,
    deadlineSweepMs: config.TRACKING_DEADLINE_SWEEP_MS,
    factorKey: config.factorKey,
  };
  return { provide: TRACKING_SETTINGS, useValue: settings };
}
