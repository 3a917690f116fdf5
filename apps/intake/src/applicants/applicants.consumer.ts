import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  ApplicantProfileChanged,
  BusinessProfileChanged,
  PROFILE_STREAM,
} from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
import { ApplicantsRepository } from './applicants.repository';

/** Who applicants are and whom they act for, kept current from identity's profiles. */
@Injectable()
export class ApplicantsConsumer implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: PROFILE_STREAM,
      handlers: [
        on(ApplicantProfileChanged, (profile, tx) =>
          ApplicantsRepository.followApplicant(tx, profile),
        ),
        on(BusinessProfileChanged, (profile, tx) =>
          ApplicantsRepository.followBusiness(tx, profile),
        ),
      ],
    });
  }
}
