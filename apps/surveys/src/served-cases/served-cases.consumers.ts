import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  AGENCY_STREAM,
  ApplicationStatusChanged,
  ApplicationSubmitted,
  INTAKE_STREAM,
} from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
import { ServedCasesRepository } from './served-cases.repository';

/**
 * Which cases were served, from the events (ids only) through the inbox, so surveys checks a
 * response's case and counts a period's served population with tracking down (ADR 0032).
 */
@Injectable()
export class ServedCasesConsumers implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: INTAKE_STREAM,
      handlers: [
        on(ApplicationSubmitted, (event, tx) =>
          ServedCasesRepository.recordSubmitted(tx, {
            applicationId: event.applicationId,
            trackingNo: event.trackingNo,
            ...(event.applicantId ? { applicantId: event.applicantId } : {}),
            serviceCode: event.serviceCode,
            agencyCode: event.agencyCode,
          }),
        ),
      ],
    });
    await this.consumers.start({
      stream: AGENCY_STREAM,
      handlers: [
        on(ApplicationStatusChanged, async (event, tx) => {
          if (event.to !== 'ISSUED' && event.to !== 'REJECTED') return;
          await ServedCasesRepository.recordFinished(tx, {
            applicationId: event.applicationId,
            trackingNo: event.trackingNo,
            agencyCode: event.agencyCode,
            status: event.to,
            at: new Date(event.changedAt),
          });
        }),
      ],
    });
  }
}
