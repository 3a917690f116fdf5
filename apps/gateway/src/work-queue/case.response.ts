import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import { STATUSES, type CaseV1, type Status } from '@satupintu/contracts';
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

export class CaseResponse {
  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that keeps the case' })
  agencyCode: string;

  @ApiProperty({ format: 'uuid', maxLength: 36, example: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b' })
  applicationId: string;

  @ApiProperty({ ...TRACKING_NO })
  trackingNo: string;

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
  };
}
