import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  STATUSES,
  type Channel,
  type Status,
  type WorkQueueItemV1,
  type WorkQueuePageV1,
} from '@satupintu/contracts';
import {
  AGENCY_CODE,
  CHANNEL,
  SERVICE_CODE_MAX_LENGTH,
  TRACKING_NO,
  ZONED_TIME,
} from '../openapi/formats';
import {
  CLAIMED_BY_PROPERTY,
  CLAIMED_UNTIL_PROPERTY,
  DEADLINE_PROPERTY,
  PAUSED_PROPERTY,
} from './case.response';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from './work-queue.request';

/** A case as every list of an agency's cases shows it: which, what, where it stands. */
export class CaseSummaryResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36, example: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b' })
  applicationId: string;

  @ApiProperty({ ...TRACKING_NO })
  trackingNo: string;

  @ApiProperty({ maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DUKCAPIL-KK' })
  serviceCode: string;

  @ApiProperty({ enum: STATUSES, enumName: 'ApplicationStatus', example: 'VERIFYING' })
  status: Status;

  @ApiProperty({ ...CHANNEL, example: 'KIOSK' })
  channel: Channel;

  @ApiPropertyOptional(DEADLINE_PROPERTY)
  deadline?: string;

  @ApiProperty({ ...PAUSED_PROPERTY, example: false })
  paused: boolean;
}

export class WorkQueueItemResponse extends CaseSummaryResponse {
  @ApiProperty({ ...ZONED_TIME, description: "When it was submitted, in the agency's time zone" })
  submittedAt: string;

  @ApiProperty({ ...ZONED_TIME, description: 'When the agency received it, in its time zone' })
  receivedAt: string;

  @ApiPropertyOptional(CLAIMED_BY_PROPERTY)
  claimedBy?: string;

  @ApiPropertyOptional(CLAIMED_UNTIL_PROPERTY)
  claimedUntil?: string;
}

export class WorkQueuePageResponse {
  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that answered' })
  agencyCode: string;

  @ApiProperty({
    type: [WorkQueueItemResponse],
    description:
      'The nearest deadline first, then the cases without one; each by submission. No personal data',
    maxItems: WORK_QUEUE_LIMITS.pageSize,
  })
  items: WorkQueueItemResponse[];

  @ApiPropertyOptional({
    description: 'Present when there are more cases: pass it as `cursor` for the next page',
    maxLength: WORK_QUEUE_LIMITS.cursor,
    pattern: CURSOR_PATTERN,
  })
  nextCursor?: string;
}

/** A field-by-field copy: the public answer and the contract can evolve apart. */
export function toWorkQueuePageResponse(page: WorkQueuePageV1): WorkQueuePageResponse {
  return {
    agencyCode: page.agencyCode,
    items: page.items.slice(0, WORK_QUEUE_LIMITS.pageSize).map(toWorkQueueItemResponse),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/** The summary's fields of any of the agency's case answers, copied one by one. */
export function toCaseSummaryResponse(
  item: Pick<
    WorkQueueItemV1,
    'applicationId' | 'trackingNo' | 'serviceCode' | 'status' | 'channel' | 'deadline' | 'paused'
  >,
): CaseSummaryResponse {
  return {
    applicationId: item.applicationId,
    trackingNo: item.trackingNo,
    serviceCode: item.serviceCode,
    status: item.status,
    channel: item.channel,
    ...(item.deadline === undefined ? {} : { deadline: item.deadline }),
    paused: item.paused,
  };
}

export function toWorkQueueItemResponse(item: WorkQueueItemV1): WorkQueueItemResponse {
  return {
    ...toCaseSummaryResponse(item),
    submittedAt: item.submittedAt,
    receivedAt: item.receivedAt,
    ...(item.claimedBy === undefined || item.claimedUntil === undefined
      ? {}
      : { claimedBy: item.claimedBy, claimedUntil: item.claimedUntil }),
  };
}
