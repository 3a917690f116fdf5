import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { TransitionCaseV1 } from '@satupintu/contracts';
import {
  REASON_MAX_LENGTH,
  REVISION_REQUIREMENTS_MAX,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
} from '@satupintu/domain';

/** A requirement key: a form field name or a document kind of the service's standard. */
export const REQUIREMENT_KEY_MAX_LENGTH = 64;

export class CaseTransitionRequest {
  @ApiProperty({
    enum: WORKFLOW_ACTIONS,
    enumName: 'WorkflowAction',
    description:
      'What to do. A verifier: `REQUEST_REVISION`, `COMPLETE_VERIFICATION` (to ' +
      '`AWAITING_PAYMENT` when the service charges a fee, else `IN_REVIEW`), `RENEW_PAYMENT` ' +
      '(a new payment code for a case whose code expired unpaid; it stays `AWAITING_PAYMENT`). ' +
      'An approver: ' +
      '`APPROVE`, `REJECT`, `ISSUE`. `START_VERIFICATION` and `CONFIRM_PAYMENT` are the ' +
      "agency's own processes, `RESUBMIT` and `WITHDRAW` the applicant's (through intake).",
    example: 'REQUEST_REVISION',
  })
  @IsDefined()
  @IsIn(WORKFLOW_ACTIONS)
  action: WorkflowAction;

  @ApiPropertyOptional({
    description:
      'Why, shown to the applicant on the timeline: required for `REJECT` and ' +
      '`REQUEST_REVISION` (422 when missing or blank), a note otherwise. Trimmed.',
    maxLength: REASON_MAX_LENGTH,
    example: 'The family card scan is unreadable; upload a clearer one.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string;

  @ApiPropertyOptional({
    description:
      'For `REQUEST_REVISION` only: what the applicant must correct, as requirement keys of ' +
      "the service's standard (form field names, document kinds), distinct (422 otherwise).",
    type: 'array',
    items: { type: 'string', maxLength: REQUIREMENT_KEY_MAX_LENGTH },
    maxItems: REVISION_REQUIREMENTS_MAX,
    example: ['KK'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REVISION_REQUIREMENTS_MAX)
  @IsString({ each: true })
  @MaxLength(REQUIREMENT_KEY_MAX_LENGTH, { each: true })
  requirements?: string[];

  @ApiPropertyOptional({
    description:
      'For `COMPLETE_VERIFICATION` of a service whose fee is assessed per case (a building ' +
      'permit by floor area): the amount assessed, in whole rupiah, at least the least the ' +
      'standard states. Required then (422 when missing); refused with any other action or a ' +
      'fixed fee (422 `amount_not_assessed`).',
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000_000_000,
    example: 1_250_000,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  amount?: number;
}

export function toTransitionCaseV1(
  trackingNo: string,
  body: CaseTransitionRequest,
): TransitionCaseV1 {
  return {
    trackingNo,
    action: body.action,
    ...(body.reason === undefined ? {} : { reason: body.reason }),
    ...(body.requirements === undefined ? {} : { requirements: [...body.requirements] }),
    ...(body.amount === undefined ? {} : { amount: body.amount }),
  };
}
