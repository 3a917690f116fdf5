import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import {
  STATUSES,
  type CaseClaimV1,
  type CaseV1,
  type PaymentDueV1,
  type Status,
} from '@satupintu/contracts';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH, TRACKING_NO, ZONED_TIME } from '../openapi/formats';

/** A case's deadline and clock, as the work queue and a transition's answer show them. */
export const DEADLINE_PROPERTY = {
  ...ZONED_TIME,
  description:
    "The deadline of the service's time limit, in the agency's time zone; while paused, the " +
    'one it would have if the applicant answered now. Absent when the agency states no time limit.',
} satisfies ApiPropertyOptions;

export const PAUSED_PROPERTY = {
  description:
    'The clock stops while the case waits on the applicant (NEEDS_REVISION, AWAITING_PAYMENT)',
} satisfies ApiPropertyOptions;

/** Which case: what every answer about one says first. */
export class CaseRefResponse {
  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that keeps the case' })
  agencyCode: string;

  @ApiProperty({ format: 'uuid', maxLength: 36, example: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b' })
  applicationId: string;

  @ApiProperty({ ...TRACKING_NO })
  trackingNo: string;
}

/** A fee to pay: what the applicant takes to a bank teller, an ATM or a mobile bank. */
export class PaymentDueResponse {
  @ApiProperty({
    description: 'The payment code to pay against: 18 digits, the last a Luhn check digit',
    pattern: '^\\d{18}$',
    maxLength: 18,
    example: '880800123456789012',
  })
  code: string;

  @ApiProperty({
    description: 'In whole rupiah',
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000_000_000,
    example: 1_250_000,
  })
  amount: number;

  @ApiProperty({ enum: ['IDR'], example: 'IDR' })
  currency: 'IDR';

  @ApiProperty({ ...ZONED_TIME, description: 'A payment after this is refused' })
  expiresAt: string;
}

export function toPaymentDueResponse(payment: PaymentDueV1): PaymentDueResponse {
  return {
    code: payment.code,
    amount: payment.amount,
    currency: payment.currency,
    expiresAt: payment.expiresAt,
  };
}

export class CaseResponse extends CaseRefResponse {
  @ApiProperty({ maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DUKCAPIL-AKTA-LAHIR' })
  serviceCode: string;

  @ApiProperty({ enum: STATUSES, enumName: 'ApplicationStatus', example: 'NEEDS_REVISION' })
  status: Status;

  @ApiProperty({
    description:
      "The number of the case's last history record (1 is its receipt); the timeline's status " +
      'events carry the same numbers',
    minimum: 1,
    maximum: 2_147_483_647,
    example: 2,
  })
  sequence: number;

  @ApiPropertyOptional(DEADLINE_PROPERTY)
  deadline?: string;

  @ApiProperty({ ...PAUSED_PROPERTY, example: true })
  paused: boolean;

  @ApiProperty({ ...ZONED_TIME, description: 'When this transition was recorded' })
  changedAt: string;

  @ApiPropertyOptional({
    type: PaymentDueResponse,
    description: 'On entering AWAITING_PAYMENT: the fee the applicant is asked to pay',
  })
  payment?: PaymentDueResponse;
}

/** A field-by-field copy: the public answer and the contract can evolve apart. */
export function toCaseResponse(found: CaseV1): CaseResponse {
  return {
    agencyCode: found.agencyCode,
    applicationId: found.applicationId,
    trackingNo: found.trackingNo,
    serviceCode: found.serviceCode,
    status: found.status,
    sequence: found.sequence,
    ...(found.deadline === undefined ? {} : { deadline: found.deadline }),
    paused: found.paused,
    changedAt: found.changedAt,
    ...(found.payment === undefined ? {} : { payment: toPaymentDueResponse(found.payment) }),
  };
}

/** Who holds a case, as the work queue and a claim's answer show it. */
export const CLAIMED_BY_PROPERTY = {
  description:
    "The officer's subject (or the client id of the agency's system) working on the case",
  maxLength: 128,
  example: '0b7e7c52-3f7a-4c1e-9d55-2f1f6a0c9e11',
} satisfies ApiPropertyOptions;

export const CLAIMED_UNTIL_PROPERTY = {
  ...ZONED_TIME,
  description: 'When the claim lapses unless its holder claims the case again',
} satisfies ApiPropertyOptions;

export class CaseClaimResponse extends CaseRefResponse {
  @ApiProperty(CLAIMED_BY_PROPERTY)
  claimedBy: string;

  @ApiProperty(CLAIMED_UNTIL_PROPERTY)
  claimedUntil: string;
}

export function toCaseClaimResponse(claim: CaseClaimV1): CaseClaimResponse {
  return {
    agencyCode: claim.agencyCode,
    applicationId: claim.applicationId,
    trackingNo: claim.trackingNo,
    claimedBy: claim.claimedBy,
    claimedUntil: claim.claimedUntil,
  };
}
