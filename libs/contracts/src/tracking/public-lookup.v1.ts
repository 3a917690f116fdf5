import { IsOptional, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import type { Status } from '../statuses';

/**
 * Anyone's lookup of a case by its tracking number and one second factor its applicant knows:
 * the applicant's birth date, or the NIB of the business it was filed for. Exactly one of them
 * (the gateway checks that); without the right one tracking answers as for an unknown number.
 */
export class PublicLookupV1 {
  /** Canonical tracking number (the gateway normalizes and checks it first). */
  @IsString()
  @Matches(/^[0-9A-Z]{9}$/)
  trackingNo: string;

  /** `YYYY-MM-DD`. */
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  birthDate?: string;

  @IsOptional()
  @IsString()
  @Matches(/^\d{13}$/)
  nib?: string;
}

/** One step of the public view: what happened, when, by whom; never a reason or a fee. */
export interface PublicStepV1 {
  status: Status;
  /** ISO 8601 in the agency's time zone. */
  at: string;
  agencyCode: string;
}

/** The public view of a case: no personal data, no ids but the tracking number. */
export interface PublicTimelineV1 {
  trackingNo: string;
  status: Status;
  /** ISO 8601 in the agency's time zone. */
  submittedAt: string;
  /** While the clock runs or is paused: the working-day deadline, in the agency's time zone. */
  deadline?: string;
  /** Oldest first. */
  steps: PublicStepV1[];
  /** Lets the holder follow this case's live stream for a while (lookup-token.ts in tracking). */
  lookupToken: string;
}

export const PublicLookup = defineRequest<PublicLookupV1, PublicTimelineV1>({
  subject: 'tracking.timeline.lookup.v1',
  service: 'tracking',
  payload: PublicLookupV1,
});
