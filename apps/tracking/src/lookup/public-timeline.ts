import type { PublicStepV1, PublicTimelineV1, Status } from '@satupintu/contracts';
import { toZonedIso } from '@satupintu/domain';
import type { TimelineEntry } from '../timeline/timeline';

/** What the lookup reads of a case: its dates and visible entries, no owner, no reason. */
export interface PublicCase {
  trackingNo: string;
  status: Status;
  agencyTimeZone: string;
  submittedAt: Date;
  deadline: Date | null;
  entries: Pick<
    TimelineEntry,
    'sequence' | 'status' | 'agencyCode' | 'agencyTimeZone' | 'occurredAt'
  >[];
}

/**
 * The public view: statuses, when and by which agency, the submission and the deadline. Built
 * field by field, so nothing else of the case (its applicant, a reason, a fee) can slip in.
 */
export function toPublicTimeline(found: PublicCase, lookupToken: string): PublicTimelineV1 {
  const steps = [...found.entries]
    .sort((a, b) => a.sequence - b.sequence)
    .map((entry): PublicStepV1 => ({
      status: entry.status,
      at: toZonedIso(entry.occurredAt, entry.agencyTimeZone),
      agencyCode: entry.agencyCode,
    }));
  return {
    trackingNo: found.trackingNo,
    status: found.status,
    submittedAt: toZonedIso(found.submittedAt, found.agencyTimeZone),
    ...(found.deadline ? { deadline: toZonedIso(found.deadline, found.agencyTimeZone) } : {}),
    steps,
    lookupToken,
  };
}
