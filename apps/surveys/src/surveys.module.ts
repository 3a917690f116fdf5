import { type DynamicModule, Module } from '@nestjs/common';
import type { SkmWeightRule } from '@satupintu/domain';
import { databaseName } from '@satupintu/persistence';
import { IdempotencyModule, serviceInfrastructure } from '@satupintu/platform';
import type { SurveysConfig } from './config';
import { SURVEYS_MIGRATIONS } from './migrations';
import { ServedCasesModule } from './served-cases/served-cases.module';
import { FOLLOW_UP_PLAN_SOURCE, NoFollowUpPlansYet } from './skm/follow-up-plan.source';
import { SkmModule } from './skm/skm.module';
import { SURVEYS_SETTINGS, type SurveysSettings } from './surveys.settings';

/**
 * SKM responses and index (ADR 0032) over the cases it hears finished; SERVQUAL, follow-up
 * plans and complaints will live here too.
 */
@Module({})
export class SurveysModule {
  static forRoot(config: SurveysConfig): DynamicModule {
    const settings: SurveysSettings = {
      weightRule: config.SKM_WEIGHT_RULE as SkmWeightRule,
      timeZone: config.MALL_TIME_ZONE,
    };
    return {
      module: SurveysModule,
      imports: [
        ...serviceInfrastructure({
          config,
          name: 'surveys',
          database: databaseName(config.DB_PREFIX, 'surveys'),
          migrations: SURVEYS_MIGRATIONS,
        }),
        IdempotencyModule,
        ServedCasesModule,
        SkmModule,
      ],
      providers: [
        { provide: SURVEYS_SETTINGS, useValue: settings },
        // TODO(follow-up plans, issue 11 part 2): bind the follow-up feature's source
        // (apps/surveys/src/follow-up/) here instead of this stand-in that answers an empty plan.
        { provide: FOLLOW_UP_PLAN_SOURCE, useClass: NoFollowUpPlansYet },
      ],
      exports: [SURVEYS_SETTINGS, FOLLOW_UP_PLAN_SOURCE],
      global: true,
    };
  }
}
