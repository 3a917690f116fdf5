import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AGENCY_STREAM, ApplicationStatusChanged } from '@satupintu/contracts';
import { generateTrackingNumber } from '@satupintu/domain';
import { EventConsumers, on } from '@satupintu/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { BundlesRepository } from './bundles.repository';
import { followStepStatus } from './follow-step-status';

/**
 * The bundles' orchestration: the agencies' decisions on step applications move their bundles.
 * A durable consumer of its own, so it keeps its place apart from any other reader of the
 * agencies' stream; each event is handled in the transaction that records it in the inbox, with
 * every change and event it causes.
 */
export const BUNDLES_DURABLE = 'intake-bundles';

@Injectable()
export class BundlesConsumer implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: AGENCY_STREAM,
      durable: BUNDLES_DURABLE,
      handlers: [
        on(ApplicationStatusChanged, (event, tx) =>
          followStepStatus(event, {
            ...BundlesRepository.writes(tx),
            stepOf: (applicationId) => BundlesRepository.stepOf(tx, applicationId),
            lockCase: (bundleCaseId) => BundlesRepository.lockCase(tx, bundleCaseId),
            newId: randomUUID,
            newTrackingNo: () => generateTrackingNumber(randomBytes),
            now: () => new Date(),
          }),
        ),
      ],
    });
  }
}
