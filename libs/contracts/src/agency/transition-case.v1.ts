import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsInt,
  IsUUID,
  Max,
  Min,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { WORKFLOW_ACTIONS, type WorkflowAction } from '@satupintu/domain';
import { defineRequest } from '../contract';
import type { Status } from '../statuses';
import type { PaymentDueV1 } from './payment-due.v1';

/** Longer than any reason the workflow accepts (1,000 after trimming), so it says why itself. */
const REASON_MAX_RAW = 4000;

/**
 * One action on one of the agency's cases, by the caller the request carries (ADR 0019): the
 * agency decides who may, whether the case allows it now, and what must come with it. The case
 * is named by its tracking number or its application id.
 */
export class TransitionCaseV1 {
  @ValidateIf((request: TransitionCaseV1) => request.applicationId === undefined)
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{9}$/)
  trackingNo?: string;

  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @IsIn(WORKFLOW_ACTIONS)
  action: WorkflowAction;

  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_RAW)
  reason?: string;

  /** For REQUEST_REVISION: the requirement keys (form field names, document kinds) to correct. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  requirements?: string[];

  /**
   * For COMPLETE_VERIFICATION of a service whose fee is assessed per case: the amount assessed,
   * in whole rupiah (ADR 0022).
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  amount?: number;
}

/** A case as the agency keeps it, after a transition. */
export interface CaseV1 {
  agencyCode: string;
  applicationId: string;
  trackingNo: string;
  serviceCode: string;
  status: Status;
  /** The number of the case's last record. */
  sequence: number;
  /** ISO 8601 in the agency's time zone; absent when the service states no time limit. */
  deadline?: string;
  /** Whether the clock is stopped for the applicant (NEEDS_REVISION, AWAITING_PAYMENT). */
  paused: boolean;
  /** When the last transition was recorded, in the agency's time zone. */
  changedAt: string;
  /** On entering AWAITING_PAYMENT: the fee to pay. */
  payment?: PaymentDueV1;
}

export const TransitionCase = defineRequest<TransitionCaseV1, CaseV1>({
  subject: 'agency.case.transition.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: TransitionCaseV1,
});
