import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApplicationSummaryV1, ApplicationsPageV1, Channel } from '@satupintu/contracts';
import {
  AGENCY_CODE,
  CHANNEL,
  SERVICE_CODE_MAX_LENGTH,
  TRACKING_NO,
  ZONED_TIME,
} from '../openapi/formats';
import { APPLICATIONS_PAGE_LIMITS } from './list-applications.request';

export class ApplicationSummaryResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36, example: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b' })
  applicationId: string;

  @ApiProperty({ ...TRACKING_NO })
  trackingNo: string;

  @ApiProperty({ maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DUKCAPIL-KK' })
  serviceCode: string;

  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that owns the service' })
  agencyCode: string;

  @ApiProperty({ ...CHANNEL, example: 'WEB' })
  channel: Channel;

  @ApiProperty({ ...ZONED_TIME, description: "When it was submitted, in the agency's time zone" })
  submittedAt: string;
}

export class ApplicationsPageResponse {
  @ApiProperty({
    type: [ApplicationSummaryResponse],
    description: 'Newest first',
    maxItems: APPLICATIONS_PAGE_LIMITS.pageSize,
  })
  items: ApplicationSummaryResponse[];

  @ApiPropertyOptional({
    description: 'Present when there are more: pass it as `cursor` for the next page',
    maxLength: APPLICATIONS_PAGE_LIMITS.cursor,
    pattern: `^[A-Za-z0-9_-]{1,${APPLICATIONS_PAGE_LIMITS.cursor}}$`,
  })
  nextCursor?: string;
}

/** A field-by-field copy: the public answer and the contract can evolve apart. */
export function toApplicationSummaryResponse(
  item: ApplicationSummaryV1,
): ApplicationSummaryResponse {
  return {
    applicationId: item.applicationId,
    trackingNo: item.trackingNo,
    serviceCode: item.serviceCode,
    agencyCode: item.agencyCode,
    channel: item.channel,
    submittedAt: item.submittedAt,
  };
}

export function toApplicationsPageResponse(page: ApplicationsPageV1): ApplicationsPageResponse {
  return {
    items: page.items.slice(0, APPLICATIONS_PAGE_LIMITS.pageSize).map(toApplicationSummaryResponse),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
