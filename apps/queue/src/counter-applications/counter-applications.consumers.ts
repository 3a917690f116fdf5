import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ApplicationSubmitted, INTAKE_STREAM } from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
import { CounterApplicationsRepository } from './counter-applications.repository';

/**
 * A ticket records the application submitted for it at the counter, from intake's event
 * (through the inbox, so once however often it comes): the queue learns it only once the case
 * exists.
 */
@Injectable()
export class CounterApplicationsConsumers implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: INTAKE_STREAM,
      handlers: [
        on(ApplicationSubmitted, async (event, tx) => {
          if (!event.queueTicket) return;
          await CounterApplicationsRepository.recordApplication(tx, event.queueTicket.code, event);
        }),
      ],
    });
  }
}
