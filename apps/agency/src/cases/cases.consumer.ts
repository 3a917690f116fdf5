import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ApplicationSubmitted } from '@satupintu/contracts';
import { EventConsumers } from '@satupintu/messaging';
import { AGENCY_CODE } from './agency-code';
import { CasesRepository } from './cases.repository';
import { receiveApplication } from './receive-application';

/** Takes this agency's new applications off the INTAKE stream. */
@Injectable()
export class CasesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    @Inject(AGENCY_CODE) private readonly agencyCode: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      event: ApplicationSubmitted,
      durable: `agency-${this.agencyCode.toLowerCase()}`,
      routingKey: this.agencyCode,
      handle: async (submitted, tx) => {
        const cases = new CasesRepository(tx);
        await receiveApplication(this.agencyCode, submitted, {
          addCase: (newCase, status, change) => cases.addCase(newCase, status, change),
          now: () => new Date(),
        });
      },
    });
  }
}
