import type {
  PaymentDueV1,
  Status,
  TimelineEntryV1,
  TimelineSummaryV1,
  TimelineV1,
} from '@satupintu/contracts';
import { isWaitingOnApplicant, toZonedIso } from '@satupintu/domain';

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

/** Which case it is, from the read model: the owning agency, the service, its deadline. */
export interface CaseSummary {
  agencyCode: string;
  agencyTimeZone: string;
  serviceCode: string | null;
  deadline: Date | null;
}

/**
 * What a call-center officer asks first (which agency, which service, by when), beside the
 * status: from the read model's row of the case.
 */
export function summaryOf(summary: CaseSummary, status: Status): TimelineSummaryV1 {
  return {
    agencyCode: summary.agencyCode,
    ...(summary.serviceCode ? { serviceCode: summary.serviceCode } : {}),
    ...(summary.deadline ? { deadline: toZonedIso(summary.deadline, summary.agencyTimeZone) } : {}),
    paused: isWaitingOnApplicant(status),
  };
}

/**
 * The timeline as a citizen reads it: oldest first. Entries arrive from several services over
 * separate streams, and their times come from the clocks of different hosts, so they are ordered
 * by their place in the case's history (the sequence), never by time. The current status is the
 * last entry's.
 */
export function toTimeline(
  trackingNo: string,
  entries: TimelineEntry[],
): Omit<TimelineV1, keyof TimelineSummaryV1> | undefined {
  if (entries.length === 0) return undefined;
  const ordered = [...entries].sort((a, b) => a.sequence - b.sequence);
  return {
    trackingNo,
    status: ordered[ordered.length - 1].status,
    entries: ordered.map((entry): TimelineEntryV1 => ({
      sequence: entry.sequence,
      status: entry.status,
      at: toZonedIso(entry.occurredAt, entry.agencyTimeZone),
      agencyCode: entry.agencyCode,
      ...(entry.reason ? { reason: entry.reason } : {}),
      ...(entry.payment ? { payment: entry.payment } : {}),
    })),
  };
}
