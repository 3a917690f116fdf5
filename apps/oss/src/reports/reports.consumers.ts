import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { AGENCY_STREAM, ApplicationStatusChanged } from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
import { executorOf } from '@satupintu/persistence';
import { Webhooks } from '@satupintu/webhooks';
import { DataSource } from 'typeorm';
import { ReportsRepository } from './reports.repository';
import { OSS_REPORTS_SETTINGS, type OssReportsSettings } from './reports.settings';
import { reportsOf } from './status-reports';

/**
 * Follows the agencies' moves of their cases: a case whose application an OSS permit opened is
 * reported to OSS (ADR 0031), its reports enqueued as deliveries in the transaction that records
 * the event in the inbox, so they exist exactly once whatever crashes when, and go out in the
 * case's order through the webhook machinery (ADR 0020) until OSS acknowledges each.
 */
@Injectable()
export class ReportsConsumers implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly reports: ReportsRepository,
    private readonly webhooks: Webhooks,
    private readonly dataSource: DataSource,
    @Inject(OSS_REPORTS_SETTINGS) private readonly settings: OssReportsSettings,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { baseUrl } = this.settings;
    if (!baseUrl) {
      this.logger.warn('OSS_BASE_URL is not set: no status reports are sent to OSS');
      return;
    }
    // Before any event is followed: a delivery is enqueued only for an existing subscription.
    await this.reports.ensureSubscription(
      executorOf(this.dataSource),
      baseUrl,
      this.settings.keeping,
    );
    await this.consumers.start({
      stream: AGENCY_STREAM,
      durable: 'oss-reports',
      handlers: [
        on(ApplicationStatusChanged, async (event, tx, meta) => {
          const permit = await this.reports.permitOf(tx, event.applicationId, event.trackingNo);
          if (!permit) return;
          for (const report of reportsOf(event, meta.eventId, permit, this.settings.mall))
            await this.webhooks.enqueue(tx, report);
        }),
      ],
    });
  }
}
