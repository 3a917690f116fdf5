import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STATUSES, type Status, type TimelineV1 } from '@satupintu/contracts';
import { clip } from '@satupintu/common';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH, TRACKING_NO, ZONED_TIME } from '../openapi/formats';
import {
  DEADLINE_PROPERTY,
  PAUSED_PROPERTY,
  PaymentDueResponse,
  toPaymentDueResponse,
} from '../work-queue/case.response';

/**
 * Bounds the answer promises. No application comes near them (500 entries take some 250 rounds
 * of revision); they exist so that a client can size what it keeps.
 */
export const TIMELINE_LIMITS = { entries: 500, reason: 2000 } as const;

export const APPLICATION_STATUS = {
  enum: STATUSES,
  enumName: 'ApplicationStatus',
  enumSchema: {
    description:
      'The same vocabulary in every agency. NEEDS_REVISION and AWAITING_PAYMENT wait on the ' +
      'applicant; REJECTED and WITHDRAWN end a case.',
  },
} as const;

export class TimelineEntryResponse {
  @ApiProperty({
    description:
      "Its place in the case's history: 0 is the submission, then one more per change. The " +
      'live stream (`/events`) uses it as the event id, so a client resumes after it.',
    type: 'integer',
    minimum: 0,
    maximum: 100_000,
    example: 1,
  })
  sequence: number;

  @ApiProperty({
    ...APPLICATION_STATUS,
    description: 'The status it moved to',
    example: 'VERIFYING',
  })
  status: Status;

  @ApiProperty({ ...ZONED_TIME, description: "When it happened, in the agency's time zone" })
  at: string;

  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that reported it' })
  agencyCode: string;

  @ApiPropertyOptional({
    description: `Why, when the agency gave a reason (a rejection, a revision asked for); cut at ${TIMELINE_LIMITS.reason} characters`,
    maxLength: TIMELINE_LIMITS.reason,
    example: 'Foto KTP tidak terbaca',
  })
  reason?: string;

  @ApiPropertyOptional({
    type: PaymentDueResponse,
    description:
      'On `AWAITING_PAYMENT`: the fee to pay at a bank, an ATM or a mobile bank, against this ' +
      'payment code, before it expires',
  })
  payment?: PaymentDueResponse;
}

export class TimelineResponse {
  @ApiProperty({ ...TRACKING_NO, description: 'The tracking number, canonical' })
  trackingNo: string;

  @ApiProperty({ ...APPLICATION_STATUS, description: 'The latest status', example: 'VERIFYING' })
  status: Status;

  @ApiPropertyOptional({ ...AGENCY_CODE, description: 'The agency that owns the case' })
  agencyCode?: string;

  @ApiPropertyOptional({
    description: 'The service applied for',
    maxLength: SERVICE_CODE_MAX_LENGTH,
    example: 'DUKCAPIL-KK',
  })
  serviceCode?: string;

  @ApiPropertyOptional(DEADLINE_PROPERTY)
  deadline?: string;

  @ApiPropertyOptional({ ...PAUSED_PROPERTY, example: false })
  paused?: boolean;

  @ApiProperty({
    type: [TimelineEntryResponse],
    description: `Oldest first; the latest ${TIMELINE_LIMITS.entries} when there are more`,
    minItems: 1,
    maxItems: TIMELINE_LIMITS.entries,
  })
  entries: TimelineEntryResponse[];
}

export function toTimelineResponse(timeline: TimelineV1): TimelineResponse {
  return {
    trackingNo: timeline.trackingNo,
    status: timeline.status,
    ...(timeline.agencyCode === undefined ? {} : { agencyCode: timeline.agencyCode }),
    ...(timeline.serviceCode === undefined ? {} : { serviceCode: timeline.serviceCode }),
    ...(timeline.deadline === undefined ? {} : { deadline: timeline.deadline }),
    ...(timeline.paused === undefined ? {} : { paused: timeline.paused }),
    entries: timeline.entries.slice(-TIMELINE_LIMITS.entries).map((entry) => ({
      sequence: entry.sequence,
      status: entry.status,
      at: entry.at,
      agencyCode: entry.agencyCode,
      ...(entry.reason === undefined ? {} : { reason: clip(entry.reason, TIMELINE_LIMITS.reason) }),
      ...(entry.payment === undefined ? {} : { payment: toPaymentDueResponse(entry.payment) }),
    })),
  };
}
