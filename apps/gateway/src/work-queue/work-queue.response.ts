import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STATUSES, type Channel, type Status, type WorkQueuePageV1 } from '@satupintu/contracts';
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
import { WORK_QUEUE_LIMITS } from './work-queue.request';

export class WorkQueueItemResponse {
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

  @ApiProperty({ ...ZONED_TIME, description: "When it was submitted, in the agency's time zone" })
  submittedAt: string;

  @ApiProperty({ ...ZONED_TIME, description: 'When the agency received it, in its time zone' })
  receivedAt: string;

  @ApiPropertyOptional(DEADLINE_PROPERTY)
  deadline?: string;

  @ApiProperty({ ...PAUSED_PROPERTY, example: false })
  paused: boolean;

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
    pattern: `^[A-Za-z0-9_-]{1,${WORK_QUEUE_LIMITS.cursor}}$`,
  })
  nextCursor?: string;
}

/** A field-by-field copy: the public answer and the contract can evolve apart. */
export function toWorkQueuePageResponse(page: WorkQueuePageV1): WorkQueuePageResponse {
  return {
    agencyCode: page.agencyCode,
    items: page.items.slice(0, WORK_QUEUE_LIMITS.pageSize).map((item) => ({
      applicationId: item.applicationId,
      trackingNo: item.trackingNo,
      serviceCode: item.serviceCode,
      status: item.status,
      channel: item.channel,
      submittedAt: item.submittedAt,
      receivedAt: item.receivedAt,
      ...(item.deadline === undefined ? {} : { deadline: item.deadline }),
      paused: item.paused,
      ...(item.claimedBy === undefined || item.claimedUntil === undefined
        ? {}
        : { claimedBy: item.claimedBy, claimedUntil: item.claimedUntil }),
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
