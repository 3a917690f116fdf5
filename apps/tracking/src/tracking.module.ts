import { type DynamicModule, Module } from '@nestjs/common';
import { databaseName } from '@satupintu/persistence';
import { serviceInfrastructure } from '@satupintu/platform';
import type { TrackingConfig } from './config';
import { TRACKING_MIGRATIONS } from './migrations';
import { TimelineModule } from './timeline/timeline.module';

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
        }),
        TimelineModule,
      ],
    };
  }
}
