import { PageLimitV1, PageCursorV1 } from '../paging';
import { IsIn, IsOptional } from 'class-validator';
import { defineRequest } from '../contract';

/**
 * The log of the reports SatuPintu sent OSS (ADR 0031), for mall administrators: each report
 * (a receiveLicenseStatus or receiveLicense call) with every attempt at it and OSS's reply.
 */
export const OSS_REPORT_METHODS_V1 = ['receiveLicenseStatus', 'receiveLicense'] as const;
export type OssReportMethodV1 = (typeof OSS_REPORT_METHODS_V1)[number];
export const OSS_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type OssDeliveryStatusV1 = (typeof OSS_DELIVERY_STATUSES)[number];
/** Attempts listed per report, the latest: more than the 24 h retry window makes (about 30). */
export const OSS_ATTEMPTS_SHOWN = 100;

export class ListOssDeliveriesV1 {
  @IsOptional()
  @IsIn(OSS_DELIVERY_STATUSES)
  status?: OssDeliveryStatusV1;

  @PageLimitV1(50)
  limit: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @PageCursorV1()
  cursor?: string;
}

export interface OssAttemptV1 {
  attempt: number;
  /** ISO 8601 (UTC). */
  at: string;
  /** The HTTP status OSS answered; absent when it did not answer (then `error`). */
  httpStatus?: number;
  error?: string;
  /** OSS's reply: its `kode` and `keterangan` (Lampiran 9), or the start of what it sent. */
  answer?: string;
  durationMs: number;
}

export interface OssDeliveryV1 {
  id: string;
  method: OssReportMethodV1;
  applicationId: string;
  trackingNo?: string;
  nib: string;
  idIzin: string;
  /** receiveLicenseStatus: the code reported (Lampiran 10). */
  kdStatus?: string;
  /** receiveLicense: the permit's number. */
  nomorIzin?: string;
  /** When the case moved. */
  occurredAt: string;
  /** `delivered`: OSS acknowledged it (kode 200); `dead`: refused for the whole retry window. */
  status: OssDeliveryStatusV1;
  nextAttemptAt?: string;
  createdAt: string;
  deliveredAt?: string;
  deadAt?: string;
  /** Every attempt, oldest first (at most `OSS_ATTEMPTS_SHOWN`, the latest). */
  attempts: OssAttemptV1[];
}

export interface OssDeliveryPageV1 {
  items: OssDeliveryV1[];
  nextCursor?: string;
}

export const ListOssDeliveries = defineRequest<ListOssDeliveriesV1, OssDeliveryPageV1>({
  subject: 'oss.report-deliveries.list.v1',
  service: 'oss',
  payload: ListOssDeliveriesV1,
});
