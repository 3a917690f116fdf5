import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import { STATUSES, type Status } from '../statuses';

export class GetTimelineV1 {
  /** Canonical tracking number (the gateway normalizes and checks it first). */
  @IsString()
  @Matches(/^[0-9A-Z]{9}$/)
  trackingNo: string;
}

export class TimelineEntryV1 {
  @ApiProperty({ enum: STATUSES })
  status: Status;

  @ApiProperty({
    format: 'date-time',
    description: "When it happened, in the agency's time zone",
    example: '2026-11-23T10:45:12.123+07:00',
  })
  at: string;

  @ApiProperty({ example: 'DPMPTSP' })
  agencyCode: string;

  @ApiPropertyOptional()
  reason?: string;
}

export class TimelineV1 {
  @ApiProperty({ example: 'K7M39QX2C' })
  trackingNo: string;

  @ApiProperty({ enum: STATUSES, description: 'The latest status' })
  status: Status;

  @ApiProperty({ type: [TimelineEntryV1] })
  entries: TimelineEntryV1[];
}

export const GetTimeline = defineRequest<GetTimelineV1, TimelineV1>({
  subject: 'tracking.timeline.get.v1',
  service: 'tracking',
  payload: GetTimelineV1,
});
