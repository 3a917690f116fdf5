import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError } from '@satupintu/common';
import { PublicLookup, PublicLookupV1, type PublicTimelineV1 } from '@satupintu/contracts';
import { HandleRequest } from '@satupintu/messaging';
import { TRACKING_SETTINGS, type TrackingSettings } from '../tracking.settings';
import { factorMatches, offeredFactor } from './lookup-factors';
import { issueLookupToken } from './lookup-token';
import { LookupRepository } from './lookup.repository';
import { toPublicTimeline } from './public-timeline';

@Controller()
export class LookupHandlers {
  constructor(
    private readonly lookups: LookupRepository,
    @Inject(TRACKING_SETTINGS) private readonly settings: TrackingSettings,
  ) {}

  /**
   * Anyone may ask; only the right second factor gets an answer. A wrong one hears exactly what
   * an unknown number does, after the same work (one query, one HMAC, one comparison).
   */
  @HandleRequest(PublicLookup)
  async lookup(@Payload() lookup: PublicLookupV1): Promise<PublicTimelineV1> {
    const { trackingNo } = lookup;
    const offered = offeredFactor(lookup);
    if (!offered)
      throw DomainError.validation([{ field: 'birthDate', code: 'one_factor_required' }]);
    const found = await this.lookups.caseOf(trackingNo, offered.kind);
    const right = factorMatches(this.settings.factorKey, offered, found?.ownerId, found?.factorMac);
    if (!found || !right || found.entries.length === 0)
      throw new DomainError('application_not_found', 404, [], { trackingNo });
    return toPublicTimeline(found, issueLookupToken(this.settings.lookupKey, trackingNo));
  }
}
