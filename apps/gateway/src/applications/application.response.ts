import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApplicationV1, Status } from '@satupintu/contracts';
import { ZONED_TIME } from '../openapi/formats';
import {
  ApplicationSummaryResponse,
  toApplicationSummaryResponse,
} from './applications-page.response';
import { APPLICATION_STATUS } from './timeline.response';

/** An application as its applicant sees it: what was submitted and where it stands. */
export class ApplicationResponse extends ApplicationSummaryResponse {
  @ApiPropertyOptional({
    format: 'uuid',
    maxLength: 36,
    description: 'The business applied for, if any',
  })
  businessId?: string;

  @ApiProperty({
    ...APPLICATION_STATUS,
    description:
      "As intake last heard from the owning agency (a moment behind the agency's timeline), or WITHDRAWN",
    example: 'VERIFYING',
  })
  status: Status;

  @ApiPropertyOptional({
    ...ZONED_TIME,
    description: "When its status last changed, in the agency's time zone; absent while SUBMITTED",
  })
  statusChangedAt?: string;

  @ApiPropertyOptional({
    ...ZONED_TIME,
    description:
      "When the applicant last sent corrections after NEEDS_REVISION, in the agency's time zone; " +
      'the status stays NEEDS_REVISION until the agency takes the case up again',
  })
  resubmittedAt?: string;
}

export function toApplicationResponse(application: ApplicationV1): ApplicationResponse {
  const { businessId, statusChangedAt, resubmittedAt } = application;
  return {
    ...toApplicationSummaryResponse(application),
    ...(businessId ? { businessId } : {}),
    status: application.status,
    ...(statusChangedAt ? { statusChangedAt } : {}),
    ...(resubmittedAt ? { resubmittedAt } : {}),
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
