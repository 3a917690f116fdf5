import { type DynamicModule, Module } from '@nestjs/common';
import { databaseName } from '@satupintu/persistence';
import { serviceInfrastructure } from '@satupintu/platform';
import type { SurveysConfig } from './config';
import { SURVEYS_MIGRATIONS } from './migrations';

/**
 * SKM questionnaires and index, SERVQUAL, follow-up plans and complaints will live here.
 * For now it stands up its database and event plumbing so the platform is complete.
 */
@Module({})
export class SurveysModule {
  static forRoot(config: SurveysConfig): DynamicModule {
    return {
      module: SurveysModule,
      imports: serviceInfrastructure({
        config,
        name: 'surveys',
        database: databaseName(config.DB_PREFIX, 'surveys'),
        migrations: SURVEYS_MIGRATIONS,
      }),
    };
  }
}
