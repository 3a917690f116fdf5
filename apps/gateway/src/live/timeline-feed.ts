import {
  GetTimelineSince,
  publicTimelineEntry,
  timelineLiveSubject,
  type TimelineEntryV1,
  type TimelineLiveV1,
} from '@satupintu/contracts';
import type { RpcClient } from '@satupintu/messaging';
import type { LiveAnnouncement, LiveBatch, LiveFeed } from './live-streams';

export interface TimelineTarget {
  trackingNo: string;
  lookupToken?: string;
}

/**
 * A case's timeline (ADR 0024): tracking replays it to those who may read it (or to a lookup
 * token's holder, then only the public fields, until the token expires) and announces each new
 * entry on the case's subject.
 */
export class TimelineFeed implements LiveFeed<TimelineEntryV1> {
  readonly subjects: readonly string[];
  private publicOnly = false;

  constructor(
    private readonly rpc: RpcClient,
    private readonly target: TimelineTarget,
  ) {
    this.subjects = [timelineLiveSubject(target.trackingNo)];
  }

  async since(after: number | undefined): Promise<LiveBatch<TimelineEntryV1>> {
    const answer = await this.rpc.request(GetTimelineSince, {
      trackingNo: this.target.trackingNo,
      ...(after !== undefined ? { after } : {}),
      ...(this.target.lookupToken ? { lookupToken: this.target.lookupToken } : {}),
    });
    this.publicOnly = answer.publicOnly;
    return { entries: answer.entries, ...(answer.until ? { until: answer.until } : {}) };
  }

  announced(message: unknown): LiveAnnouncement<TimelineEntryV1> {
    return { entries: (message as TimelineLiveV1).entries ?? [] };
  }

  render(entry: TimelineEntryV1): { event: string; data: unknown } {
    return { event: 'status', data: this.publicOnly ? publicTimelineEntry(entry) : entry };
  }
}
