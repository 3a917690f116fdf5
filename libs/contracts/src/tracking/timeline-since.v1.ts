import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { defineRequest } from '../contract';
import type { TimelineEntryV1 } from './get-timeline.v1';

/**
 * What a live stream asks for when it opens or finds a gap: the entries after the last one its
 * client has. Either the caller (its principal, as for the timeline) or a lookup token from the
 * public lookup must allow reading the case.
 */
export class GetTimelineSinceV1 {
  /** Canonical tracking number (the gateway normalizes and checks it first). */
  @IsString()
  @Matches(/^[0-9A-Z]{9}$/)
  trackingNo: string;

  /** The last sequence the client has: only later entries are sent. Absent: all of them. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  after?: number;

  /** Given, it alone decides (whoever the caller is), and only public fields are answered. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  lookupToken?: string;
}

/** Tracking's answer: a type, as replies are not validated on receipt. */
export interface TimelineSinceV1 {
  trackingNo: string;
  /** Read with a lookup token: the entries carry only their public fields. */
  publicOnly: boolean;
  /** With a lookup token: when it expires (ISO 8601); the stream ends then. */
  until?: string;
  /** Oldest first, every visible entry after `after`, without a gap. */
  entries: TimelineEntryV1[];
}

export const GetTimelineSince = defineRequest<GetTimelineSinceV1, TimelineSinceV1>({
  subject: 'tracking.timeline.since.v1',
  service: 'tracking',
  payload: GetTimelineSinceV1,
});

/**
 * Tracking's announcement, on core NATS (not kept: a stream that misses one finds the gap by the
 * next one's sequence, or asks `GetTimelineSince` on opening), once the entries became visible:
 * after the transaction that folded them into the case's view committed.
 */
export interface TimelineLiveV1 {
  trackingNo: string;
  /** Oldest first, without a gap: every entry the commit made visible. */
  entries: TimelineEntryV1[];
}

/** `<namespace>.tracking.live.v1.<trackingNo>`: one subject per case, not a JetStream one. */
export function timelineLiveSubject(trackingNo: string): string {
  return `tracking.live.v1.${trackingNo}`;
}

/**
 * What a lookup token's holder sees of an entry: status, step and date, as the public lookup
 * shows them. The reason is an officer's free text and may name the person; the payment code
 * names no one (ADR 0022) but is the applicant's to pay with: neither is public.
 */
export function publicTimelineEntry(entry: TimelineEntryV1): TimelineEntryV1 {
  return {
    sequence: entry.sequence,
    status: entry.status,
    at: entry.at,
    agencyCode: entry.agencyCode,
  };
}
