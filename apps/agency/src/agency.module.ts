import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicationStatusChanged, ServiceStandardPublished } from '@satupintu/contracts';
import { RpcClientModule } from '@satupintu/messaging';
import { databaseName } from '@satupintu/persistence';
import {
  IdempotencyModule,
  WorkingDayCalendarModule,
  serviceInfrastructure,
} from '@satupintu/platform';
import { CasesModule } from './cases/cases.module';
import { type AgencyConfig, agencyNameOf } from './config';
import { AGENCY_MIGRATIONS } from './migrations';
import { OutputsModule } from './outputs/outputs.module';
import { PaymentsModule } from './payments/payments.module';
import { ServicesModule } from './services/services.module';
import { AgencyWebhooksModule } from './webhooks/webhooks.module';
import { WorkQueueModule } from './work-queue/work-queue.module';

/** One deployment per agency: its own database, its own durable consumers. */
@Module({})
export class AgencyModule {
  static forRoot(config: AgencyConfig): DynamicModule {
    const agency = config.AGENCY_CODE.toUpperCase();
    return {
      module: AgencyModule,
      imports: [
        ...serviceInfrastructure({
          config,
          name: `agency-${agency.toLowerCase()}`,
          database: databaseName(config.DB_PREFIX, 'agency', agency),
          migrations: AGENCY_MIGRATIONS,
          publishes: [ApplicationStatusChanged, ServiceStandardPublished],
        }),
        // Requests to other services as the caller of the request being handled (ADR 0008):
        // intake's case file for the agency's rules (ADR 0019). Half the gateway's wait, so
        // intake's own answer (503, 504) reaches the caller before the gateway gives up.
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.SP_NAMESPACE,
          timeoutMs: Math.max(1, Math.floor(config.NATS_REQUEST_TIMEOUT_MS / 2)),
          name: `agency-${agency.toLowerCase()}-requests`,
        }),
        // Deadlines in working days (issues 8, 9): the mall's calendar, followed from intake.
        WorkingDayCalendarModule.follow(),
        CasesModule.forRoot(agency, agencyNameOf(config)),
        WorkQueueModule.forRoot(agency, config.CASE_CLAIM_MINUTES),
        ServicesModule.forRoot({ agencyCode: agency, demoSeed: config.DEMO_SEED }),
        PaymentsModule.forRoot(agency, {
          billerPrefix: config.PAYMENT_BILLER_PREFIX,
          expiryHours: config.PAYMENT_EXPIRY_HOURS,
          callbackSecrets: config.PAYMENT_CALLBACK_SECRETS,
        }),
        OutputsModule.forRoot({
          agencyCode: agency,
          publicUrl: config.PUBLIC_URL,
          keyEncryptionKey: config.AGENCY_KEY_ENCRYPTION_KEY,
          natsUrl: config.NATS_URL,
          namespace: config.SP_NAMESPACE,
        }),
        // Its system told of its cases' events (issue 8): Standard Webhooks, from every replica.
        IdempotencyModule,
        AgencyWebhooksModule.forRoot(agency, config),
      ],
    };
  }
}
