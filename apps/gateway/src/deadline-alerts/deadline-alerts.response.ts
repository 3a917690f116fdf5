import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEADLINE_ALERT_KINDS,
  STATUSES,
  type DeadlineAlertKind,
  type DeadlineAlertsPageV1,
  type Status,
} from '@satupintu/contracts';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH, TRACKING_NO, ZONED_TIME } from '../openapi/formats';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';

export class DeadlineAlertResponse {
  @ApiProperty({ ...TRACKING_NO })
  trackingNo: string;

  @ApiProperty({ maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DUKCAPIL-KK' })
  serviceCode: string;

  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that owns the case' })
  agencyCode: string;

  @ApiProperty({
    enum: DEADLINE_ALERT_KINDS,
    enumName: 'DeadlineAlertKind',
    description:
      '`AT_RISK`: the configured share of its working days is used; `OVERDUE`: its deadline passed',
    example: 'OVERDUE',
  })
  kind: DeadlineAlertKind;

  @ApiProperty({
    ...ZONED_TIME,
    description: "The deadline the alert was raised on, in the agency's time zone",
    example: '2026-11-25T00:00:00.000+07:00',
  })
  deadline: string;

  @ApiProperty({
    ...ZONED_TIME,
    description: "When tracking raised it, in the agency's time zone",
    example: '2026-11-25T00:00:00.412+07:00',
  })
  raisedAt: string;

  @ApiProperty({
    enum: STATUSES,
    enumName: 'ApplicationStatus',
    description: "The case's status now",
    example: 'IN_REVIEW',
  })
  status: Status;
}

export class DeadlineAlertsPageResponse {
  @ApiProperty({
    type: [DeadlineAlertResponse],
    description: 'The latest raised first. No personal data',
    maxItems: WORK_QUEUE_LIMITS.pageSize,
  })
  items: DeadlineAlertResponse[];

  @ApiPropertyOptional({
    description: 'Present when there are more alerts: pass it as `cursor` for the next page',
    maxLength: WORK_QUEUE_LIMITS.cursor,
    pattern: CURSOR_PATTERN,
  })
  nextCursor?: string;
}

/** A field-by-field copy: the public answer and the contract can evolve apart. */
export function toDeadlineAlertsPageResponse(
  page: DeadlineAlertsPageV1,
): DeadlineAlertsPageResponse {
  return {
    items: page.items.slice(0, WORK_QUEUE_LIMITS.pageSize).map((item) => ({
      trackingNo: item.trackingNo,
      serviceCode: item.serviceCode,
      agencyCode: item.agencyCode,
      kind: item.kind,
      deadline: item.deadline,
      raisedAt: item.raisedAt,
      status: item.status,
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
