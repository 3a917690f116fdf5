import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import type { PublicTimelineV1, Status } from '@satupintu/contracts';
import {
  APPLICATION_STATUS,
  TIMELINE_LIMITS,
  TimelineEntryResponse,
} from '../applications/timeline.response';
import { TRACKING_NO, ZONED_TIME } from '../openapi/formats';

/** Like `LOOKUP_TOKEN_PATTERN` in tracking: `<trackingNo>.<expires>.<signature>`. */
const LOOKUP_TOKEN = {
  type: String,
  maxLength: 64,
  pattern: '^[0-9A-Z]{9}\\.\\d{10}\\.[A-Za-z0-9_-]{43}$',
  example: 'K7M39QX2C.1796274000.3q2-7w9Zb4Xc0vYt1uRsPoNmLkJiHgFeDcBa98765_4',
} as const;

/** A step as the timeline shows it, without its reason or fee. */
export class PublicStepResponse extends PickType(TimelineEntryResponse, [
  'status',
  'at',
  'agencyCode',
] as const) {}

export class PublicTimelineResponse {
  @ApiProperty({ ...TRACKING_NO, description: 'The tracking number, canonical' })
  trackingNo: string;

  @ApiProperty({ ...APPLICATION_STATUS, description: 'The latest status', example: 'VERIFYING' })
  status: Status;

  @ApiProperty({ ...ZONED_TIME, description: "When it was submitted, in the agency's time zone" })
  submittedAt: string;

  @ApiPropertyOptional({
    ...ZONED_TIME,
    example: '2026-12-07T23:59:59.999+07:00',
    description:
      'By when the agency must decide, in working days (the clock pauses while the case waits ' +
      'on the applicant); absent for a service without a time limit or before it is set',
  })
  deadline?: string;

  @ApiProperty({
    type: [PublicStepResponse],
    description: `Every status the case has had, oldest first; the latest ${TIMELINE_LIMITS.entries} when there are more`,
    minItems: 1,
    maxItems: TIMELINE_LIMITS.entries,
  })
  steps: PublicStepResponse[];

  @ApiProperty({
    ...LOOKUP_TOKEN,
    description:
      'Lets this browser follow the case live for 15 minutes without sending the second factor ' +
      'again: `GET /v1/applications/{trackingNo}/events?lookupToken=…`. Good for this ' +
      'tracking number only',
  })
  lookupToken: string;
}

export function toPublicTimelineResponse(timeline: PublicTimelineV1): PublicTimelineResponse {
  return {
    trackingNo: timeline.trackingNo,
    status: timeline.status,
    submittedAt: timeline.submittedAt,
    ...(timeline.deadline === undefined ? {} : { deadline: timeline.deadline }),
    steps: timeline.steps.slice(-TIMELINE_LIMITS.entries).map((step) => ({
      status: step.status,
      at: step.at,
      agencyCode: step.agencyCode,
    })),
    lookupToken: timeline.lookupToken,
  };
}

export const PUBLIC_TIMELINE_EXAMPLE: PublicTimelineResponse = {
  trackingNo: 'K7M39QX2C',
  status: 'VERIFYING',
  submittedAt: '2026-11-23T10:45:12.123+07:00',
  deadline: '2026-12-07T23:59:59.999+07:00',
  steps: [
    { status: 'SUBMITTED', at: '2026-11-23T10:45:12.123+07:00', agencyCode: 'DUKCAPIL' },
    { status: 'VERIFYING', at: '2026-11-23T10:45:13.020+07:00', agencyCode: 'DUKCAPIL' },
  ],
  lookupToken: LOOKUP_TOKEN.example,
};
