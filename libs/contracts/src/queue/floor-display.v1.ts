import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { defineRequest } from '../contract';
import { TicketCalled } from './ticket-called.v1';
import { TicketClosed } from './ticket-closed.v1';

/** What happens at a counter that the mall's display screens show, in `floor_events` order. */
export const FLOOR_EVENT_KINDS = ['CALLED', 'RECALLED', 'SERVED', 'NO_SHOW'] as const;
export type FloorEventKind = (typeof FLOOR_EVENT_KINDS)[number];

/** The largest floor sequence a display can name: the largest event id a live stream reads. */
export const MAX_FLOOR_SEQUENCE = 2_147_483_647;

/** A display asks for at most this many events at once; it asks again while `more`. */
export const FLOOR_EVENTS_PAGE = 500;

/** The events a display shows when it comes without a last event: the latest of today. */
export const FLOOR_BOARD_EVENTS = 50;

/**
 * A display's replay (ADR 0037): the floor events after `after`, or, without it, the latest of
 * the mall's day. Anyone may ask: the answer has no personal data.
 */
export class GetFloorEventsSinceV1 {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FLOOR_SEQUENCE)
  after?: number;
}

/** One call, recall, served or no-show, as a display screen shows it: no personal data. */
export interface FloorEventV1 {
  /** Gap-free across the mall, in commit order: the display feed's event id. */
  sequence: number;
  kind: FloorEventKind;
  /** `B-017`. */
  ticketNo: string;
  line: string;
  agencyCode: string;
  counterCode: string;
  /** The counter as the display names it. */
  counterName: string;
  /** ISO 8601 in the mall's zone. */
  at: string;
}

export interface FloorEventsV1 {
  /** The sequence just before the first entry: the display has everything up to it. */
  before: number;
  entries: FloorEventV1[];
  /** More entries follow the last one than one answer holds: ask again after it. */
  more: boolean;
}

export const GetFloorEventsSince = defineRequest<GetFloorEventsSinceV1, FloorEventsV1>({
  subject: 'queue.floor.since.v1',
  service: 'queue',
  payload: GetFloorEventsSinceV1,
});

/**
 * Where the floor events are announced on core NATS, without namespace: the queue's
 * `TicketCalled` and `TicketClosed` events (`queue.ticket.called.v1`, `queue.ticket.closed.v1`,
 * each carrying its `sequence`) as its outbox publishes them, for every agency.
 */
export function floorAnnouncementSubjects(): string[] {
  return [TicketCalled, TicketClosed].map((event) => `events.${event.subject}.*`);
}
