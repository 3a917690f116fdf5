import { type DynamicModule, Module } from '@nestjs/common';
import { databaseName } from '@satupintu/persistence';
import { RpcClientModule } from '@satupintu/messaging';
import { serviceInfrastructure } from '@satupintu/platform';
import type { OssConfig } from './config';
import { InboundModule } from './inbound/inbound.module';
import { DEFAULT_FILE_FETCH_POLICY } from './inbound/file-source';
import { loadPermitMap } from './inbound/permit-map';
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
        // Intake, asked as the OSS connector's own client when a permit's application opens.
        RpcClientModule.forRoot({
          url: config.NATS_URL,
          namespace: config.SP_NAMESPACE,
          timeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          name: 'oss-requests',
        }),
        InboundModule.forRoot({
          credentials: {
            username: config.OSS_USERNAME,
            password: config.OSS_PASSWORD,
            timeZone: config.OSS_TIME_ZONE,
          },
          permitMap: loadPermitMap(config.OSS_PERMIT_MAP),
          files: {
            ...DEFAULT_FILE_FETCH_POLICY,
            allowedHosts: config.fileHosts,
            timeoutMs: config.OSS_FILE_TIMEOUT_SECONDS * 1000,
            attempts: config.OSS_FILE_ATTEMPTS,
          },
          store: { natsUrl: config.NATS_URL, namespace: config.SP_NAMESPACE },
        }),
        // The status reports sent back to OSS (ADR 0031).
        OssReportsModule.forRoot(reports),
      ],
      global: true,
    };
  }
}
