import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AGENCY_STREAM, ApplicationStatusChanged } from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
import { ApplicationsRepository } from './applications.repository';

/**
 * Intake follows where its applications stand from the agencies that own them, for the
 * applicant to read and to decide withdrawals. A durable consumer of its own, named, beside
 * any other intake consumer of the agencies' stream.
 */
@Injectable()
export class ApplicationStatusesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly applications: ApplicationsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: AGENCY_STREAM,
      durable: 'intake-statuses',
      handlers: [
        on(ApplicationStatusChanged, (event, tx) => this.applications.followStatus(tx, event)),
      ],
    });
  }
}
