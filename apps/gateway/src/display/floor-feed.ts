import {
  GetFloorEventsSince,
  floorAnnouncementSubjects,
  type FloorEventV1,
} from '@satupintu/contracts';
import type { RpcClient } from '@satupintu/messaging';
import type { LiveAnnouncement, LiveBatch, LiveFeed } from '../live/live-streams';

/**
 * The mall's display feed (ADR 0037): the floor events, replayed by the queue service in
 * sequence. The queue announces each call, served and no-show as a `TicketCalled` or
 * `TicketClosed` event (after commit, through its outbox); the stream reads only the sequence of
 * one and asks the queue for what follows, so every event reaches a display with its counter's
 * name and exactly as the replay has it.
 */
export class FloorFeed implements LiveFeed<FloorEventV1> {
  readonly subjects = floorAnnouncementSubjects();

  constructor(private readonly rpc: RpcClient) {}

  async since(after: number | undefined): Promise<LiveBatch<FloorEventV1>> {
    const answer = await this.rpc.request(
      GetFloorEventsSince,
      after !== undefined ? { after } : {},
    );
    return { entries: answer.entries, before: answer.before, more: answer.more };
  }

  announced(message: unknown): LiveAnnouncement<FloorEventV1> | undefined {
    const sequence = (message as { sequence?: unknown } | null)?.sequence;
    return typeof sequence === 'number' ? { latest: sequence } : undefined;
  }

  render(entry: FloorEventV1): { event: string; data: unknown } {
    return { event: entry.kind.toLowerCase(), data: entry };
  }
}
