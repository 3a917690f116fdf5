import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  ListOssDeliveries,
  ListOssDeliveriesV1,
  type OssDeliveryPageV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { executorOf } from '@satupintu/persistence';
import { Webhooks } from '@satupintu/webhooks';
import { DataSource } from 'typeorm';
import { requireMallAdmin } from '../mall-admins';
import { deliveryView } from './deliveries-view';
import { ReportsRepository } from './reports.repository';

@Controller()
export class DeliveriesHandlers {
  constructor(
    private readonly webhooks: Webhooks,
    private readonly reports: ReportsRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** The reports sent to OSS, the latest first, each with every attempt and OSS's reply. */
  @HandleRequest(ListOssDeliveries)
  async list(
    @Payload() request: ListOssDeliveriesV1,
    @Caller() caller: RequestContext,
  ): Promise<OssDeliveryPageV1> {
    // The report log is the mall's (ADR 0031).
    requireMallAdmin(caller.principal, 'OSS report deliveries');
    const db = executorOf(this.dataSource);
    const subscription = await this.reports.subscriptionId(db);
    if (!subscription) return { items: [] };
    const page = await this.webhooks.listDeliveries(subscription, {
      limit: request.limit,
      ...(request.cursor ? { cursor: request.cursor } : {}),
      ...(request.status ? { status: request.status } : {}),
    });
    const trackingNos = await this.reports.trackingNos(
      db,
      page.items.map((d) => d.orderingKey),
    );
    const items = await Promise.all(
      page.items.map(async (delivery) =>
        deliveryView(
          delivery,
          await this.webhooks.listAttempts(delivery.id),
          trackingNos.get(delivery.orderingKey),
        ),
      ),
    );
    return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }
}
