import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AGENCY_STREAM, ServiceStandardPublished } from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
import { CatalogRepository } from './catalog.repository';

/**
 * The catalog's services follow their agencies, which own their standards: each publication
 * replaces an older version. The agencies' other events on the stream are not the catalog's.
 */
@Injectable()
export class ServiceStandardsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly catalog: CatalogRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: AGENCY_STREAM,
      handlers: [
        on(ServiceStandardPublished, (standard, tx) =>
          this.catalog.followStandard(tx, standard).then(() => undefined),
        ),
      ],
    });
  }
}
