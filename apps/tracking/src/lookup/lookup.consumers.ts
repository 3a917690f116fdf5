import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  ApplicantProfileChanged,
  BusinessProfileChanged,
  PROFILE_STREAM,
} from '@satupintu/contracts';
import { EventConsumers, on } from '@satupintu/messaging';
import { TRACKING_SETTINGS, type TrackingSettings } from '../tracking.settings';
import { birthDateOf, factorMac } from './lookup-factors';
import { LookupRepository } from './lookup.repository';

/**
 * The public lookup's second factors, from identity's profiles: of each profile tracking keeps
 * one HMAC (the applicant's birth date, the business's NIB) and drops the rest unread.
 */
@Injectable()
export class LookupConsumers implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    @Inject(TRACKING_SETTINGS) private readonly settings: TrackingSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const key = this.settings.factorKey;
    await this.consumers.start({
      stream: PROFILE_STREAM,
      handlers: [
        on(ApplicantProfileChanged, (profile, tx) =>
          LookupRepository.keepFactor(tx, {
            kind: 'birth-date',
            ownerId: profile.applicantId,
            mac: factorMac(key, 'birth-date', profile.applicantId, birthDateOf(profile.birthDate)),
            version: profile.version,
          }),
        ),
        on(BusinessProfileChanged, (profile, tx) =>
          LookupRepository.keepFactor(tx, {
            kind: 'nib',
            ownerId: profile.businessId,
            mac: factorMac(key, 'nib', profile.businessId, profile.nib),
            version: profile.version,
          }),
        ),
      ],
    });
  }
}
