import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  GetTimeline,
  GetTimelineSince,
  GetTimelineSinceV1,
  GetTimelineV1,
  publicTimelineEntry,
  type TimelineSinceV1,
  type TimelineV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { lookupTokenAllows, lookupTokenExpiry } from '../lookup/lookup-token';
import { TRACKING_SETTINGS, type TrackingSettings } from '../tracking.settings';
import { summaryOf, toTimeline, toTimelineEntry } from './timeline';
import { mayReadTimeline } from './timeline-access';
import { TimelineRepository } from './timeline.repository';

@Controller()
export class TimelineHandlers {
  constructor(
    private readonly timeline: TimelineRepository,
    @Inject(TRACKING_SETTINGS) private readonly settings: TrackingSettings,
  ) {}

  /** Someone who may not read it hears exactly what they would of a number nobody has. */
  @HandleRequest(GetTimeline)
  async get(
    @Payload() { trackingNo }: GetTimelineV1,
    @Caller() caller: RequestContext,
  ): Promise<TimelineV1> {
    const notFound = () => new DomainError('application_not_found', 404, [], { trackingNo });
    const found = await this.timeline.timelineOf(trackingNo);
    if (!found || !mayReadTimeline(caller.principal, found.owners)) throw notFound();
    const timeline = toTimeline(trackingNo, found.entries);
    if (!timeline) throw notFound();
    return { ...timeline, ...summaryOf(found.summary, timeline.status) };
  }

  /**
   * A live stream's replay: the entries after `after`. With a lookup token, the token alone
   * decides and only the public fields go back; a wrong or expired one hears what an unknown
   * number would.
   */
  @HandleRequest(GetTimelineSince)
  async since(
    @Payload() { trackingNo, after, lookupToken }: GetTimelineSinceV1,
    @Caller() caller: RequestContext,
  ): Promise<TimelineSinceV1> {
    const notFound = () => new DomainError('application_not_found', 404, [], { trackingNo });
    const byToken = lookupToken !== undefined;
    if (byToken && !lookupTokenAllows(this.settings.lookupKey, lookupToken, trackingNo))
      throw notFound();
    const found = await this.timeline.timelineOf(trackingNo, after);
    if (!found || (!byToken && !mayReadTimeline(caller.principal, found.owners))) throw notFound();
    const entries = found.entries.map(toTimelineEntry);
    if (!byToken) return { trackingNo, publicOnly: false, entries };
    return {
      trackingNo,
      publicOnly: true,
      until: lookupTokenExpiry(lookupToken).toISOString(),
      entries: entries.map(publicTimelineEntry),
    };
  }
}
