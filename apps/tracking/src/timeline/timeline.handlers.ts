import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError } from '@satupintu/common';
import { GetTimeline, GetTimelineV1, type TimelineV1 } from '@satupintu/contracts';
import { HandleRequest } from '@satupintu/messaging';
import { toTimeline } from './timeline';
import { TimelineRepository } from './timeline.repository';

@Controller()
export class TimelineHandlers {
  constructor(private readonly timeline: TimelineRepository) {}

  @HandleRequest(GetTimeline)
  async get(@Payload() { trackingNo }: GetTimelineV1): Promise<TimelineV1> {
    const timeline = toTimeline(trackingNo, await this.timeline.entriesOf(trackingNo));
    if (!timeline) throw new DomainError('application_not_found', 404, [], { trackingNo });
    return timeline;
  }
}
