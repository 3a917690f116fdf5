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

/** A document the application holds for a requirement, as the gateway measured it. */
export interface HeldDocumentV1 {
  documentId: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * One document requirement of the service's standard and what the application holds for it:
 * an uploaded document, an upstream bundle step's output (`fromStep`), or nothing yet.
 */
export interface DocumentRequirementStateV1 {
  requirement: string;
  mandatory: boolean;
  state: 'ATTACHED' | 'FROM_STEP' | 'MISSING';
  document?: HeldDocumentV1;
  fromStep?: string;
  outputNumber?: string;
  /**
   * FROM_STEP: the upstream output's PDF, a document its applicant and the agencies of the
   * steps that take it may read (ADR 0021); absent while the upstream agency has not delivered it.
   */
  documentId?: string;
}

/** What the agency issued (ADR 0021): the output's number and, once delivered, its PDF. */
export interface ApplicationOutputV1 {
  number: string;
  documentId?: string;
}

/** One form field of the service's standard and whether the application gives it. */
export interface FieldRequirementStateV1 {
  name: string;
  required: boolean;
  given: boolean;
}

/** The service's requirements against what the application holds (PermenPANRB 15/2014). */
export interface ApplicationRequirementsV1 {
  fields: FieldRequirementStateV1[];
  documents: DocumentRequirementStateV1[];
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
  /** Once ISSUED: the output the agency issued. */
  output?: ApplicationOutputV1;

  /**
   * On reading it (not on withdrawing): the standard's requirements and what it holds of them;
   * absent while its service has no published standard.
   */
  requirements?: ApplicationRequirementsV1;
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
