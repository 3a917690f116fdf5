import { ApiProperty } from '@nestjs/swagger';
import type { ApplicationReceiptV1, Channel } from '@satupintu/contracts';
import {
  AGENCY_CODE,
  CHANNEL,
  SERVICE_CODE_MAX_LENGTH,
  TRACKING_NO,
  ZONED_TIME,
} from '../openapi/formats';

export class ApplicationReceiptResponse {
  @ApiProperty({
    format: 'uuid',
    maxLength: 36,
    pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    example: '0f5d3c2e-8a41-4b7e-9c1d-2e6f7a8b9c0d',
  })
  applicationId: string;

  @ApiProperty({ ...TRACKING_NO, description: 'Tracking number, check symbol last' })
  trackingNo: string;

  @ApiProperty({ enum: ['SUBMITTED'], example: 'SUBMITTED' })
  status: 'SUBMITTED';

  @ApiProperty({ maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DUKCAPIL-KK' })
  serviceCode: string;

  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that owns the service' })
  agencyCode: string;

  @ApiProperty({ ...CHANNEL, example: 'KIOSK' })
  channel: Channel;

  @ApiProperty({ ...ZONED_TIME, description: "When intake accepted it, in the agency's time zone" })
  submittedAt: string;
}

export function toApplicationReceiptResponse(
  receipt: ApplicationReceiptV1,
): ApplicationReceiptResponse {
  return {
    applicationId: receipt.applicationId,
    trackingNo: receipt.trackingNo,
    status: receipt.status,
    serviceCode: receipt.serviceCode,
    agencyCode: receipt.agencyCode,
    channel: receipt.channel,
    submittedAt: receipt.submittedAt,
  };
}
