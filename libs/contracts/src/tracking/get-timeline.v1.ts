import { IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import type { PaymentDueV1 } from '../agency/payment-due.v1';
import type { Status } from '../statuses';

export class GetTimelineV1 {
  /** Canonical tracking number (the gateway normalizes and checks it first). */
  @IsString()
  @Matches(/^[0-9A-Z]{9}$/)
  trackingNo: string;
}

export interface TimelineEntryV1 {
  /** Its place in the case's history (0: SUBMITTED); a live stream's event id. */
  sequence: number;
  status: Status;
  /** When it happened: ISO 8601 in the agency's time zone. */
  at: string;
  agencyCode: string;
  reason?: string;
  /** On AWAITING_PAYMENT: the fee to pay (ADR 0022). */
  payment?: PaymentDueV1;
}

/**
 * Which case it is: what a call-center officer asks first, beside the status. Added to v1 after
 * it was published, so optional: a tracking deployed before it answers without them.
 */
export interface TimelineSummaryV1 {
  /** The agency that owns the case. */
  agencyCode?: string;
  /** The service applied for; absent only for a case tracked before tracking kept it. */
  serviceCode?: string;
  /** The case's deadline, in the agency's time zone; absent without a time limit. */
  deadline?: string;
  /** The clock stops while the case waits on the applicant (NEEDS_REVISION, AWAITING_PAYMENT). */
  paused?: boolean;
}

/** Tracking's answer: replies are not validated on receipt, so this is a type, not a class. */
export interface TimelineV1 extends TimelineSummaryV1 {
  trackingNo: string;
  /** The latest status. */
  status: Status;
  /** Oldest first. */
  entries: TimelineEntryV1[];
}

export const GetTimeline = defineRequest<GetTimelineV1, TimelineV1>({
  subject: 'tracking.timeline.get.v1',
  service: 'tracking',
  payload: GetTimelineV1,
});
