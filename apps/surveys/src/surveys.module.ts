import { type DynamicModule, Module } from '@nestjs/common';
import { RpcClientModule } from '@satupintu/messaging';
import { databaseName } from '@satupintu/persistence';
import { IdempotencyModule, serviceInfrastructure } from '@satupintu/platform';
import type { SurveysConfig } from './config';
import { FollowUpModule } from './follow-up/follow-up.module';
import { SURVEYS_MIGRATIONS } from './migrations';
import { ServqualModule } from './servqual/servqual.module';

/**
 * SKM questionnaires and index, SERVQUAL, follow-up plans and complaints. Built so far: the
 * follow-up plans with their forums, and SERVQUAL (ADR 0033).
 */
@Module({})
export class SurveysModule {
  static forRoot(config: SurveysConfig): DynamicModule {
    return {
      module: SurveysModule,
      imports: [
        ...serviceInfrastructure({
          config,
          name: 'surveys',
          database: databaseName(config.DB_PREFIX, 'surveys'),
          migrations: SURVEYS_MIGRATIONS,
        }),
        // Tracking, asked as the applicant whether their case is finished (SERVQUAL).
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.SP_NAMESPACE,
          timeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          name: 'surveys-requests',
        }),
        IdempotencyModule,
        FollowUpModule,
        ServqualModule,
      ],
      global: true,
    };
  }
}
