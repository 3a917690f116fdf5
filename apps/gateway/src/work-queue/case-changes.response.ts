import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  STATUSES,
  type CaseChangesPageV1,
  type Channel,
  type Status,
} from '@satupintu/contracts';
import {
  AGENCY_CODE,
  CHANNEL,
  SERVICE_CODE_MAX_LENGTH,
  TRACKING_NO,
  ZONED_TIME,
} from '../openapi/formats';
import { DEADLINE_PROPERTY, PAUSED_PROPERTY } from './case.response';
import { CURSOR_PATTERN } from './case-changes.request';
import { WORK_QUEUE_LIMITS } from './work-queue.request';

export class CaseChangeResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36, example: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b' })
  applicationId: string;

  @ApiProperty({ ...TRACKING_NO })
  trackingNo: string;

  @ApiProperty({ maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DUKCAPIL-KK' })
  serviceCode: string;

  @ApiProperty({ ...CHANNEL, example: 'KIOSK' })
  channel: Channel;

  @ApiProperty({ enum: STATUSES, enumName: 'ApplicationStatus', example: 'VERIFYING' })
  status: Status;

  @ApiProperty({
    description:
      'The number of its last history record: a system that saw the case at a lower number ' +
      'reads what happened since in the case’s history',
    minimum: 1,
    maximum: 2_147_483_647,
    example: 1,
  })
  sequence: number;

  @ApiProperty({ ...ZONED_TIME, description: 'When its last record was written' })
  changedAt: string;

  @ApiPropertyOptional(DEADLINE_PROPERTY)
  deadline?: string;

  @ApiProperty({ ...PAUSED_PROPERTY, example: false })
  paused: boolean;
}

export class CaseChangesPageResponse {
  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that answered' })
  agencyCode: string;

  @ApiProperty({
    type: [CaseChangeResponse],
    maxItems: WORK_QUEUE_LIMITS.pageSize,
    description:
      'Cases in the order their changes were committed, each as it is now. No personal data: ' +
      'read a case for its applicant, form and documents',
  })
  items: CaseChangeResponse[];

  @ApiProperty({
    description:
      'Always present: pass it as `after` on the next poll. An answer with no items gives back ' +
      'the cursor it was asked with',
    maxLength: WORK_QUEUE_LIMITS.cursor,
    pattern: CURSOR_PATTERN,
    example: 'WyI5MDEiLCI2ZjFjMmI0ZS04ZDNhLTRmNWUtOWE3Yi0xYzJkM2U0ZjVhNmIiXQ',
  })
  cursor: string;

  @ApiProperty({
    description: 'More changes are waiting: ask again at once instead of at the next poll',
    example: false,
  })
  more: boolean;
}

/** A field-by-field copy: the public answer and the contract can evolve apart. */
export function toCaseChangesPageResponse(page: CaseChangesPageV1): CaseChangesPageResponse {
  return {
    agencyCode: page.agencyCode,
    items: page.items.slice(0, WORK_QUEUE_LIMITS.pageSize).map((item) => ({
      applicationId: item.applicationId,
      trackingNo: item.trackingNo,
      serviceCode: item.serviceCode,
      channel: item.channel,
      status: item.status,
      sequence: item.sequence,
      changedAt: item.changedAt,
      ...(item.deadline === undefined ? {} : { deadline: item.deadline }),
      paused: item.paused,
    })),
    cursor: page.cursor,
    more: page.more,
  };
}
