import { IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';

/** One of the agency's cases, by its tracking number: to claim it, or to let it go. */
export class ClaimCaseV1 {
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{9}$/)
  trackingNo: string;
}

/** Who works on a case now, and until when the claim holds if they do nothing more. */
export interface CaseClaimV1 {
  agencyCode: string;
  applicationId: string;
  trackingNo: string;
  /** The subject of the officer (or the client id of the agency's system) holding it. */
  claimedBy: string;
  /** ISO 8601 in the agency's time zone; claiming again before then extends it. */
  claimedUntil: string;
}

/**
 * An officer (or the agency's system) takes a case from the work queue, so that two do not work
 * on it at once: a case another holds is a 409 naming who and until when. A claim left alone
 * lapses after the agency's `CASE_CLAIM_MINUTES`; claiming one's own case again extends it.
 */
export const ClaimCase = defineRequest<ClaimCaseV1, CaseClaimV1>({
  subject: 'agency.case.claim.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: ClaimCaseV1,
});

/** Lets a claimed case go (its holder only); a case nobody holds is let go already. */
export const ReleaseCase = defineRequest<ClaimCaseV1, { released: true }>({
  subject: 'agency.case.release.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: ClaimCaseV1,
});
