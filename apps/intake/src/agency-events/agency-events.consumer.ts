import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  AGENCY_STREAM,
  ApplicationStatusChanged,
  ServiceStandardPublished,
} from '@satupintu/contracts';
import { generateTrackingNumber } from '@satupintu/domain';
import { EventConsumers, on } from '@satupintu/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { ApplicationsRepository } from '../applications/applications.repository';
import { BundlesRepository } from '../bundles/bundles.repository';
import { followStepStatus } from '../bundles/follow-step-status';
import { CatalogRepository } from '../catalog/catalog.repository';
import { DocumentsRepository } from '../documents/documents.repository';
import { issuedOutputOf } from '../documents/issued-outputs';

/**
 * Everything intake takes from the agencies' stream, through one durable consumer: a batch of
 * their events costs one transaction and one inbox write each, not one per reader (every
 * application's status changes pass here). Each event's effects commit with its inbox row.
 * - A service standard an agency publishes replaces an older version in the catalog.
 * - A status change is the application's status for its applicant (withdrawals are decided on
 *   it) and, for a bundle's step, moves the bundle (`followStepStatus`); ISSUED brings the
 *   output, whose PDF becomes the application's document (`issuedOutputOf`, ADR 0021).
 */
@Injectable()
export class AgencyEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly catalog: CatalogRepository,
    private readonly applications: ApplicationsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: AGENCY_STREAM,
      handlers: [
        on(ServiceStandardPublished, (standard, tx) =>
          this.catalog.followStandard(tx, standard).then(() => undefined),
        ),
        on(ApplicationStatusChanged, async (event, tx) => {
          const step = await this.applications.followStatus(tx, event);
          const output = issuedOutputOf(event);
          if (output) await DocumentsRepository.keepOutput(tx, output);
          await followStepStatus(event, {
            ...BundlesRepository.writes(tx),
            stepOf: () => Promise.resolve(step),
            lockCase: (bundleCaseId) => BundlesRepository.lockCase(tx, bundleCaseId),
            newId: randomUUID,
            newTrackingNo: () => generateTrackingNumber(randomBytes),
            now: () => new Date(),
          });
        }),
      ],
    });
  }
}
