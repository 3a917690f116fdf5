import { type DynamicModule, Module } from '@nestjs/common';
import { databaseName } from '@satupintu/persistence';
import { serviceInfrastructure } from '@satupintu/platform';
import type { OssConfig } from './config';
import { OSS_MIGRATIONS } from './migrations';
import { OssReportsModule } from './reports/reports.module';
import { loadOssReportsConfig, type OssReportsConfig } from './reports/reports-config';

/**
 * The connector to Indonesia's Online Single Submission (OSS RBA, PIA v4.3.22): the methods OSS
 * calls (receiveNIB, receiveFileDS, through the gateway) and, later, the status reports sent
 * back. A service of its own so that OSS's pace, outages and payloads touch no other database
 * (ADR 0030).
 */
@Module({})
export class OssModule {
  static forRoot(
    config: OssConfig,
    reports: OssReportsConfig = loadOssReportsConfig(),
  ): DynamicModule {
    return {
      module: OssModule,
      imports: [
        ...serviceInfrastructure({
          config,
          name: 'oss',
          database: databaseName(config.DB_PREFIX, 'oss'),
          migrations: OSS_MIGRATIONS,
        }),
        OssReportsModule.forRoot(reports),
      ],
      global: true,
    };
  }
}
