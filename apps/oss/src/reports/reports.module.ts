import { type DynamicModule, Module } from '@nestjs/common';
import { WebhooksModule, webhooksOptionsOf } from '@satupintu/webhooks';
import { DeliveriesHandlers } from './deliveries.handlers';
import { ossProtocol } from './oss-protocol';
import type { OssReportsConfig } from './reports-config';
import { ReportsConsumers } from './reports.consumers';
import { ReportsRepository } from './reports.repository';
import { OSS_REPORTS_SETTINGS, type OssReportsSettings } from './reports.settings';

/**
 * Status reports to OSS (issue 10, ADR 0031): the agencies' moves of OSS's applications become
 * receiveLicenseStatus and receiveLicense calls, delivered by the webhook machinery (ADR 0020)
 * under the OSS protocol (`ossProtocol`): durable, in order per application, retried with
 * backoff until OSS's reply says `kode` 200, every attempt and its reply kept.
 */
@Module({})
export class OssReportsModule {
  static forRoot(config: OssReportsConfig): DynamicModule {
    const options = webhooksOptionsOf(config, config.webhookSecretKey);
    const settings: OssReportsSettings = {
      baseUrl: config.OSS_BASE_URL,
      keeping: {
        secretKey: config.webhookSecretKey,
        allowHttp: options.allowHttp,
        allowPrivateTargets: options.allowPrivateTargets ?? false,
      },
      mall: {
        kdInstansi: config.OSS_KD_INSTANSI,
        kdDaerah: config.OSS_KD_DAERAH,
        publicBaseUrl: config.OSS_PUBLIC_BASE_URL,
      },
    };
    return {
      module: OssReportsModule,
      imports: [
        WebhooksModule.forRoot({
          ...options,
          worker: { ...options.worker, protocol: ossProtocol(config.OSS_USER_KEY) },
        }),
      ],
      controllers: [DeliveriesHandlers],
      providers: [
        ReportsRepository,
        ReportsConsumers,
        { provide: OSS_REPORTS_SETTINGS, useValue: settings },
      ],
      exports: [ReportsRepository],
    };
  }
}
