import { IsString, Matches } from 'class-validator';
import type { WorkflowAction } from '@satupintu/domain';
import { defineRequest } from '../contract';
import type { Status } from '../statuses';
import type { WorkQueueItemV1 } from './list-work-queue.v1';
import type { PaymentDueV1 } from './payment-due.v1';

/** One of the agency's cases, by its tracking number, as the agency works it. */
export class GetCaseV1 {
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{9}$/)
  trackingNo: string;
}

/** One record of a case's history (ADR 0019), without its hashes. */
export interface CaseHistoryEntryV1 {
  sequence: number;
  action: WorkflowAction;
  from: Status;
  to: Status;
  /** Who acted: an officer, the agency's system (client), the applicant, or the agency's process. */
  actorKind: 'applicant' | 'officer' | 'client' | 'system';
  /** The role the action was allowed by; absent for the applicant's side and for processes. */
  actorRole?: 'VERIFIER' | 'APPROVER';
  reason?: string;
  /** For REQUEST_REVISION: the requirement keys the applicant was asked to correct. */
  requirements?: string[];
  /** ISO 8601 in the agency's time zone. */
  at: string;
}

/** The fee asked, and whether it is paid. */
export interface CasePaymentV1 extends PaymentDueV1 {
  /** ISO 8601 in the agency's time zone; absent while unpaid. */
  paidAt?: string;
}

/** The output issued for the case (ADR 0021). */
export interface CaseOutputV1 {
  documentNo: string;
  /** ISO 8601 in the agency's time zone. */
  issuedAt: string;
  /** ISO 8601 in the agency's time zone; absent unless revoked. */
  revokedAt?: string;
}

/**
 * A case as the agency keeps it, as its work queue shows it and more: no personal data (intake
 * holds the application's file).
 */
export interface CaseDetailV1 extends WorkQueueItemV1 {
  agencyCode: string;
  sequence: number;
  /** When its last record was written, in the agency's time zone. */
  changedAt: string;
  /** Every record, in order (at most the latest 500). */
  history: CaseHistoryEntryV1[];
  payment?: CasePaymentV1;
  output?: CaseOutputV1;
}

export const GetCase = defineRequest<GetCaseV1, CaseDetailV1>({
  subject: 'agency.case.get.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: GetCaseV1,
});
