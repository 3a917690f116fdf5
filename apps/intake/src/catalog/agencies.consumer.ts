import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AgencyChanged, IDENTITY_STREAM } from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
import { CatalogRepository } from './catalog.repository';

/** The catalog's agencies follow identity, which owns them (a mall admin manages them there). */
@Injectable()
export class AgenciesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly catalog: CatalogRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: IDENTITY_STREAM,
      handlers: [
        on(AgencyChanged, (agency, tx) =>
          this.catalog.followAgency(tx, agency).then(() => undefined),
        ),
      ],
    });
  }
}
