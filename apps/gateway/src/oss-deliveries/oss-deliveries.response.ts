import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OSS_ATTEMPTS_SHOWN,
  OSS_DELIVERY_STATUSES,
  OSS_REPORT_METHODS_V1,
  type OssDeliveryPageV1,
  type OssDeliveryStatusV1,
  type OssReportMethodV1,
} from '@satupintu/contracts';
import { TRACKING_NO } from '../openapi/formats';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';
import { OSS_DELIVERIES_PAGE } from './oss-deliveries.request';

const INSTANT = { type: String, format: 'date-time', maxLength: 24 } as const;

export class OssAttemptResponse {
  @ApiProperty({ minimum: 1, maximum: 100_000, example: 1 })
  attempt: number;

  @ApiProperty({
    ...INSTANT,
    description: 'When it was sent (UTC)',
    example: '2026-12-03T03:04:05.120Z',
  })
  at: string;

  @ApiPropertyOptional({
    minimum: 100,
    maximum: 599,
    description: 'The HTTP status OSS answered; absent when it did not answer',
    example: 200,
  })
  httpStatus?: number;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Why there was no answer (refused, timed out)',
    example: 'TimeoutError: The operation was aborted due to timeout',
  })
  error?: string;

  @ApiPropertyOptional({
    maxLength: 500,
    description:
      "OSS's reply: its `kode` and `keterangan` (PIA Lampiran 9), or the start of what it sent when that was no PIA reply. Only kode 200 acknowledges a report",
    example: '500 Proses Payload Data Di Sistem OSS Gagal',
  })
  answer?: string;

  @ApiProperty({ minimum: 0, maximum: 600_000, example: 84 })
  durationMs: number;
}

export class OssDeliveryResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36, example: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b' })
  id: string;

  @ApiProperty({
    enum: OSS_REPORT_METHODS_V1,
    enumName: 'OssReportMethod',
    description: 'The PIA method called on OSS',
    example: 'receiveLicenseStatus',
  })
  method: OssReportMethodV1;

  @ApiProperty({ format: 'uuid', maxLength: 36, example: '0b7e1f7a-51b3-4b8e-9a53-1d2f0c6c7e11' })
  applicationId: string;

  @ApiPropertyOptional({ ...TRACKING_NO })
  trackingNo?: string;

  @ApiProperty({
    maxLength: 13,
    description: 'The business (NIB) of the permit',
    example: '8120207730001',
  })
  nib: string;

  @ApiProperty({
    maxLength: 25,
    description: "OSS's id of the permit request (`id_izin`)",
    example: 'I-202111181604410530001',
  })
  idIzin: string;

  @ApiPropertyOptional({
    maxLength: 2,
    description:
      'receiveLicenseStatus: the `kd_status` reported (PIA Lampiran 10; docs/oss-kd-status.md)',
    example: '11',
  })
  kdStatus?: string;

  @ApiPropertyOptional({
    maxLength: 64,
    description: "receiveLicense: the permit's number (`nomor_izin`)",
    example: 'DPMPTSP-2026-000123',
  })
  nomorIzin?: string;

  @ApiProperty({
    ...INSTANT,
    description: 'When the case moved (UTC)',
    example: '2026-12-03T03:04:05.000Z',
  })
  occurredAt: string;

  @ApiProperty({
    enum: OSS_DELIVERY_STATUSES,
    enumName: 'OssDeliveryStatus',
    description: '`delivered`: OSS acknowledged it (kode 200) and it is never sent again',
    example: 'pending',
  })
  status: OssDeliveryStatusV1;

  @ApiPropertyOptional({ ...INSTANT, description: 'A pending report: its next attempt (UTC)' })
  nextAttemptAt?: string;

  @ApiProperty({ ...INSTANT, example: '2026-12-03T03:04:05.100Z' })
  createdAt: string;

  @ApiPropertyOptional({ ...INSTANT })
  deliveredAt?: string;

  @ApiPropertyOptional({ ...INSTANT })
  deadAt?: string;

  @ApiProperty({
    type: [OssAttemptResponse],
    maxItems: OSS_ATTEMPTS_SHOWN,
    description: `Every attempt, oldest first (the latest ${OSS_ATTEMPTS_SHOWN} at most), with OSS's reply`,
  })
  attempts: OssAttemptResponse[];
}

export class OssDeliveriesPageResponse {
  @ApiProperty({
    type: [OssDeliveryResponse],
    maxItems: OSS_DELIVERIES_PAGE.max,
    description: 'The latest first',
  })
  items: OssDeliveryResponse[];

  @ApiPropertyOptional({
    description: 'Present when there are more reports: pass it as `cursor` for the next page',
    maxLength: WORK_QUEUE_LIMITS.cursor,
    pattern: CURSOR_PATTERN,
  })
  nextCursor?: string;
}

/** A field-by-field copy: the public answer and the contract can evolve apart. */
export function toOssDeliveriesPageResponse(page: OssDeliveryPageV1): OssDeliveriesPageResponse {
  return {
    items: page.items.slice(0, OSS_DELIVERIES_PAGE.max).map((d) => ({
      id: d.id,
      method: d.method,
      applicationId: d.applicationId,
      ...(d.trackingNo ? { trackingNo: d.trackingNo } : {}),
      nib: d.nib,
      idIzin: d.idIzin,
      ...(d.kdStatus ? { kdStatus: d.kdStatus } : {}),
      ...(d.nomorIzin ? { nomorIzin: d.nomorIzin } : {}),
      occurredAt: d.occurredAt,
      status: d.status,
      ...(d.nextAttemptAt ? { nextAttemptAt: d.nextAttemptAt } : {}),
      createdAt: d.createdAt,
      ...(d.deliveredAt ? { deliveredAt: d.deliveredAt } : {}),
      ...(d.deadAt ? { deadAt: d.deadAt } : {}),
      attempts: d.attempts.slice(-OSS_ATTEMPTS_SHOWN).map((a) => ({
        attempt: a.attempt,
        at: a.at,
        ...(a.httpStatus !== undefined ? { httpStatus: a.httpStatus } : {}),
        ...(a.error !== undefined ? { error: a.error } : {}),
        ...(a.answer !== undefined ? { answer: a.answer } : {}),
        durationMs: a.durationMs,
      })),
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
