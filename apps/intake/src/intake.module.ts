import { RpcClientModule } from '@satupintu/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import {
  ApplicationCancelled,
  ApplicationResubmitted,
  ApplicationSubmitted,
  ApplicationWithdrawn,
  BundleStatusChanged,
  WorkingDayCalendarChanged,
} from '@satupintu/contracts';
import { databaseName } from '@satupintu/persistence';
import { IdempotencyModule, serviceInfrastructure } from '@satupintu/platform';
import { AgencyEventsModule } from './agency-events/agency-events.module';
import { ApplicantsModule } from './applicants/applicants.module';
import { ApplicationsModule } from './applications/applications.module';
import { BundlesModule } from './bundles/bundles.module';
import { CalendarModule } from './calendar/calendar.module';
import { CatalogModule } from './catalog/catalog.module';
import { ComplaintSubjectsModule } from './complaint-subjects/complaint-subjects.module';
import { DocumentsModule } from './documents/documents.module';
import type { IntakeConfig } from './config';
import { INTAKE_MIGRATIONS } from './migrations';

@Module({})
export class IntakeModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ...serviceInfrastructure({
          config,
          name: 'intake',
          database: databaseName(config.DB_PREFIX, 'intake'),
          migrations: INTAKE_MIGRATIONS,
          publishes: [
            ApplicationSubmitted,
            ApplicationWithdrawn,
            ApplicationResubmitted,
            WorkingDayCalendarChanged,
            ApplicationCancelled,
            BundleStatusChanged,
          ],
        }),
        IdempotencyModule,
        // The queue, asked as the front-desk officer whether the ticket they submit for is the
        // one called to their counter (ADR 0037); no other submission waits on it.
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.SP_NAMESPACE,
          timeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          name: 'intake-requests',
        }),
        CatalogModule.forRoot({ demoSeed: config.DEMO_SEED }),
        ApplicantsModule,
        ApplicationsModule,
        BundlesModule.forRoot({ demoSeed: config.DEMO_SEED }),
        AgencyEventsModule,
        CalendarModule,
        // Which agency owns what a complaint is about (surveys asks; ADR 0034).
        ComplaintSubjectsModule,
        DocumentsModule.forRoot(config),
      ],
    };
  }
}
