import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import { PublicLookup, type PublicTimelineV1 } from '@satupintu/contracts';
import { PlainResponder } from '@satupintu/messaging';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { TRACKING_SETTINGS, type TrackingSettings } from '../tracking.settings';
import { factorMatches, offeredFactor } from './lookup-factors';
import { issueLookupToken } from './lookup-token';
import { LookupRepository } from './lookup.repository';
import { publicLookupOf } from './public-lookup.payload';
import { toPublicTimeline } from './public-timeline';

/**
 * The public lookup, answered on a plain NATS subscription (`PlainResponder`) rather than as a
 * `@HandleRequest` handler: the busiest anonymous request there is, and Nest's pipeline around
 * it cost more than the lookup itself (ADR 0023). The payload is checked by hand
 * (`publicLookupOf`, the same refusals as the contract's decorators).
 */
@Injectable()
export class LookupResponder implements OnApplicationBootstrap {
  /** The keys as KeyObjects, made once: an HMAC over a Buffer key imports it again each time. */
  private readonly factorKey: KeyObject;
  private readonly lookupKey: KeyObject;

  constructor(
    private readonly responder: PlainResponder,
    private readonly lookups: LookupRepository,
    @Inject(TRACKING_SETTINGS) settings: TrackingSettings,
  ) {
    this.factorKey = createSecretKey(settings.factorKey);
    this.lookupKey = createSecretKey(settings.lookupKey);
  }

  onApplicationBootstrap(): void {
    this.responder.answer(PublicLookup, (payload) => this.lookup(payload));
  }

  /**
   * Anyone may ask; only the right second factor gets an answer. A wrong one hears exactly what
   * an unknown number does, after the same work (one query, one HMAC, one comparison).
   */
  async lookup(payload: unknown): Promise<PublicTimelineV1> {
    const lookup = publicLookupOf(payload);
    const { trackingNo } = lookup;
    const offered = offeredFactor(lookup);
    if (!offered)
      throw DomainError.validation([{ field: 'birthDate', code: 'one_factor_required' }]);
    const found = await this.lookups.caseOf(trackingNo, offered.kind);
    const right = factorMatches(this.factorKey, offered, found?.ownerId, found?.factorMac);
    if (!found || !right || found.entries.length === 0)
      throw new DomainError('application_not_found', 404, [], { trackingNo });
    return toPublicTimeline(found, issueLookupToken(this.lookupKey, trackingNo));
  }
}
