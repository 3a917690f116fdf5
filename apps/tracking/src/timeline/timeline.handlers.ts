import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import { GetTimeline, GetTimelineV1, type TimelineV1 } from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { summaryOf, toTimeline } from './timeline';
import { mayReadTimeline } from './timeline-access';
import { TimelineRepository } from './timeline.repository';

@Controller()
export class TimelineHandlers {
  constructor(private readonly timeline: TimelineRepository) {}

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
}
