import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ApplicationSubmitted, INTAKE_STREAM } from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
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
      stream: INTAKE_STREAM,
      routingKey: this.agencyCode,
      handlers: [
        on(ApplicationSubmitted, async (submitted, tx) => {
          await receiveApplication(this.agencyCode, submitted, {
            addCase: (newCase, status, change) =>
              CasesRepository.addCase(tx, newCase, status, change),
            now: () => new Date(),
          });
        }),
      ],
    });
  }
}
