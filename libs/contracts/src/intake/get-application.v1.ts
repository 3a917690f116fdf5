import { IsString, Matches } from 'class-validator';
import type { Channel } from '../channels';
import { defineRequest } from '../contract';
import type { Status } from '../statuses';

/** One application, by its tracking number (canonical: the gateway normalizes what is typed). */
export class GetApplicationV1 {
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{9}$/)
  trackingNo: string;
}

/** An application as its applicant sees it: what was submitted and where it stands. */
export interface ApplicationV1 {
  applicationId: string;
  trackingNo: string;
  serviceCode: string;
  agencyCode: string;
  channel: Channel;
  businessId?: string;
  /** As intake last heard from the owning agency, or WITHDRAWN by the applicant. */
  status: Status;
  /** ISO 8601 in the agency's time zone. */
  submittedAt: string;
  /** When the status last changed, ISO 8601 in the agency's time zone; absent while SUBMITTED. */
  statusChangedAt?: string;
  /**
   * When the applicant last sent corrections after NEEDS_REVISION, ISO 8601 in the agency's time
   * zone; the status stays NEEDS_REVISION until the agency takes the case up again.
   */
  resubmittedAt?: string;
}

export const GetApplication = defineRequest<GetApplicationV1, ApplicationV1>({
  subject: 'intake.application.get.v1',
  service: 'intake',
  payload: GetApplicationV1,
});

/** The applicant withdraws their application while it is undecided. */
export class WithdrawApplicationV1 {
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{9}$/)
  trackingNo: string;
}

export const WithdrawApplication = defineRequest<WithdrawApplicationV1, ApplicationV1>({
  subject: 'intake.application.withdraw.v1',
  service: 'intake',
  payload: WithdrawApplicationV1,
});
