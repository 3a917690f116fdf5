import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApplicationV1, Channel, Status } from '@satupintu/contracts';
import {
  AGENCY_CODE,
  CHANNEL,
  SERVICE_CODE_MAX_LENGTH,
  TRACKING_NO,
  ZONED_TIME,
} from '../openapi/formats';
import { APPLICATION_STATUS } from './timeline.response';

const UUID = {
  format: 'uuid',
  maxLength: 36,
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
} as const;

/** An application as its applicant sees it: what was submitted and where it stands. */
export class ApplicationResponse {
  @ApiProperty({ ...UUID, example: '0f5d3c2e-8a41-4b7e-9c1d-2e6f7a8b9c0d' })
  applicationId: string;

  @ApiProperty({ ...TRACKING_NO, description: 'Tracking number, check symbol last' })
  trackingNo: string;

  @ApiProperty({ maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DUKCAPIL-KK' })
  serviceCode: string;

  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that owns the service' })
  agencyCode: string;

  @ApiProperty({ ...CHANNEL, example: 'WEB' })
  channel: Channel;

  @ApiPropertyOptional({ ...UUID, description: 'The business applied for, if any' })
  businessId?: string;

  @ApiProperty({
    ...APPLICATION_STATUS,
    description:
      "As intake last heard from the owning agency (a moment behind the agency's timeline), or WITHDRAWN",
    example: 'VERIFYING',
  })
  status: Status;

  @ApiProperty({ ...ZONED_TIME, description: "When intake accepted it, in the agency's time zone" })
  submittedAt: string;

  @ApiPropertyOptional({
    ...ZONED_TIME,
    description: "When its status last changed, in the agency's time zone; absent while SUBMITTED",
  })
  statusChangedAt?: string;
}

export function toApplicationResponse(application: ApplicationV1): ApplicationResponse {
  return {
    applicationId: application.applicationId,
    trackingNo: application.trackingNo,
    serviceCode: application.serviceCode,
    agencyCode: application.agencyCode,
    channel: application.channel,
    ...(application.businessId ? { businessId: application.businessId } : {}),
    status: application.status,
    submittedAt: application.submittedAt,
    ...(application.statusChangedAt ? { statusChangedAt: application.statusChangedAt } : {}),
  };
}

export const APPLICATION_EXAMPLE: ApplicationResponse = {
  applicationId: '0f5d3c2e-8a41-4b7e-9c1d-2e6f7a8b9c0d',
  trackingNo: 'K7M39QX2C',
  serviceCode: 'DUKCAPIL-KK',
  agencyCode: 'DUKCAPIL',
  channel: 'WEB',
  status: 'VERIFYING',
  submittedAt: '2026-11-23T10:45:12.123+07:00',
  statusChangedAt: '2026-11-23T10:45:13.020+07:00',
};
