import type { PaymentDueV1, Status, TimelineEntryV1, TimelineV1 } from '@satupintu/contracts';
import { toZonedIso } from '@satupintu/domain';

export interface TimelineEntry {
  /** Its place in the case's history: 0 for SUBMITTED, then the agency's numbering. */
  sequence: number;
  status: Status;
  agencyCode: string;
  agencyTimeZone: string;
  occurredAt: Date;
  reason?: string | null;
  /** On AWAITING_PAYMENT: the fee to pay, as the agency asked for it. */
  payment?: PaymentDueV1 | null;
}

/**
 * The timeline as a citizen reads it: oldest first. Entries arrive from several services over
 * separate streams, and their times come from the clocks of different hosts, so they are ordered
 * by their place in the case's history (the sequence), never by time. The current status is the
 * last entry's.
 */
export function toTimeline(trackingNo: string, entries: TimelineEntry[]): TimelineV1 | undefined {
  if (entries.length === 0) return undefined;
  const ordered = [...entries].sort((a, b) => a.sequence - b.sequence);
  return {
    trackingNo,
    status: ordered[ordered.length - 1].status,
    entries: ordered.map(entryV1Of),
  };
}

/** One entry as the API shows it: its time in the agency's zone. Pure. */
export function entryV1Of(entry: TimelineEntry): TimelineEntryV1 {
  return {
    sequence: entry.sequence,
    status: entry.status,
    at: toZonedIso(entry.occurredAt, entry.agencyTimeZone),
    agencyCode: entry.agencyCode,
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.payment ? { payment: entry.payment } : {}),
  };
}
