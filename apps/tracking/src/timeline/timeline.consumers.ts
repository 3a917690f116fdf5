import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  AGENCY_STREAM,
  ApplicationStatusChanged,
  ApplicationSubmitted,
  INTAKE_STREAM,
} from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
import { TimelineRepository } from './timeline.repository';

/** Every service's status events become entries on the one timeline. */
@Injectable()
export class TimelineConsumers implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly timeline: TimelineRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: INTAKE_STREAM,
      handlers: [
        on(ApplicationSubmitted, async (event, tx, meta) => {
          await this.timeline.recordOwners(tx, event);
          await this.timeline.append(tx, {
            eventId: meta.eventId,
            applicationId: event.applicationId,
            trackingNo: event.trackingNo,
            status: 'SUBMITTED',
            agencyCode: event.agencyCode,
            agencyTimeZone: event.agencyTimeZone,
            occurredAt: new Date(event.submittedAt),
          });
        }),
      ],
    });
    await this.consumers.start({
      stream: AGENCY_STREAM,
      handlers: [
        on(ApplicationStatusChanged, (event, tx, meta) =>
          this.timeline.append(tx, {
            eventId: meta.eventId,
            applicationId: event.applicationId,
            trackingNo: event.trackingNo,
            status: event.to,
            agencyCode: event.agencyCode,
            agencyTimeZone: event.agencyTimeZone,
            reason: event.reason,
            // Only the fields of the contract: the event is validated, not whitelisted.
            ...(event.payment
              ? {
                  payment: {
                    code: event.payment.code,
                    amount: event.payment.amount,
                    currency: event.payment.currency,
                    expiresAt: event.payment.expiresAt,
                  },
                }
              : {}),
            occurredAt: new Date(event.changedAt),
          }),
        ),
      ],
    });
  }
}
