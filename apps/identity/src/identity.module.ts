import { type DynamicModule, Module } from '@nestjs/common';
import {
  AgencyChanged,
  ApplicantProfileChanged,
  BusinessProfileChanged,
} from '@satupintu/contracts';
import { databaseName } from '@satupintu/persistence';
import { IdempotencyModule, serviceInfrastructure } from '@satupintu/platform';
import { AgenciesModule } from './agencies/agencies.module';
import { ApplicantsModule } from './applicants/applicants.module';
import { BusinessesModule } from './businesses/businesses.module';
import { ApiClientsModule } from './clients/api-clients.module';
import type { IdentityConfig } from './config';
import { DemoModule } from './demo/demo.module';
import { IdempotencySecretsModule } from './idempotency/idempotency-secrets.module';
import { IDENTITY_MIGRATIONS } from './migrations';
import { CaseNotificationsModule } from './notifications/case-notifications.module';
import { ComplaintUpdatesModule } from './notifications/complaint-updates.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OfficersModule } from './officers/officers.module';
import { ProfilesModule } from './profiles/profiles.module';
import { SessionsModule } from './sessions/sessions.module';

/**
 * Applicants (citizens by NIK) and their businesses, agencies, officers and API clients, each
 * managed over NATS as the caller's principal allows; profile and agency changes published
 * through the outbox. Token issuance (JWT + JWKS) reads these accounts.
 */
@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ...serviceInfrastructure({
          config,
          name: 'identity',
          database: databaseName(config.DB_PREFIX, 'identity'),
          migrations: IDENTITY_MIGRATIONS,
          publishes: [AgencyChanged, ApplicantProfileChanged, BusinessProfileChanged],
        }),
        IdempotencyModule,
        IdempotencySecretsModule.forRoot({ keyEncryptionKey: config.IDENTITY_KEY_ENCRYPTION_KEY }),
        NotificationsModule.forRoot({ development: config.NODE_ENV === 'development' }),
        AgenciesModule,
        ApplicantsModule,
        BusinessesModule,
        OfficersModule,
        ApiClientsModule,
        ProfilesModule,
        CaseNotificationsModule,
        // Complaints' reporters told of each step, for the surveys service (ADR 0034).
        ComplaintUpdatesModule,
        DemoModule.forRoot({ demoSeed: config.DEMO_SEED }),
        SessionsModule.forRoot({
          issuer: config.PUBLIC_URL,
          keyEncryptionKey: config.IDENTITY_KEY_ENCRYPTION_KEY,
        }),
      ],
    };
  }
}
