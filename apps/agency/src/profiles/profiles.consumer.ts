import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  ApplicantProfileChanged,
  BusinessProfileChanged,
  PROFILE_STREAM,
} from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
import { ProfilesRepository } from './profiles.repository';

/**
 * Profile changes from identity, for the applicants and businesses this agency serves: the
 * others' are read and dropped (the update finds no row), so their data is never kept here.
 */
@Injectable()
export class ProfilesConsumer implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: PROFILE_STREAM,
      handlers: [
        on(ApplicantProfileChanged, async (profile, tx) => {
          await ProfilesRepository.updateApplicant(tx, profile);
        }),
        on(BusinessProfileChanged, async (profile, tx) => {
          await ProfilesRepository.updateBusiness(tx, profile);
        }),
      ],
    });
  }
}
