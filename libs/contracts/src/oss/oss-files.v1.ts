import { PageLimitV1, PageCursorV1 } from '../paging';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';

/**
 * The signed files OSS delivered (receiveFileDS), for mall administrators (ADR 0035): where each
 * stands, why it waits or failed, and what it became.
 */
export const OSS_FILE_STATES = ['RECEIVED', 'WAITING', 'ATTACHED', 'FAILED'] as const;
export type OssFileStateV1 = (typeof OSS_FILE_STATES)[number];
/** The states of the permit a file names, as the oss service keeps them (ADR 0030). */
export const OSS_PERMIT_STATES = ['OPENING', 'OPENED', 'UNMAPPED', 'FAILED'] as const;
export type OssPermitStateV1 = (typeof OSS_PERMIT_STATES)[number];

export class ListOssFilesV1 {
  @IsOptional()
  @IsIn(OSS_FILE_STATES)
  state?: OssFileStateV1;

  /** Only the files of this business. */
  @IsOptional()
  @IsString()
  @Matches(/^\d{13}$/)
  nib?: string;

  @PageLimitV1()
  limit: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @PageCursorV1()
  cursor?: string;
}

export interface OssFileV1 {
  nib: string;
  idIzin: string;
  /** `file_izin` without its user, query and fragment (a signed URL's credential). */
  fileUrl: string;
  /**
   * `RECEIVED`: to be fetched (or being retried); `WAITING`: its permit has no application yet;
   * `ATTACHED`: stored and attached to the permit's application; `FAILED`: given up, with why.
   */
  state: OssFileStateV1;
  /** WAITING or FAILED: why (`permit_unmapped`, `document_type_not_allowed`, `gave_up: …`). */
  reason?: string;
  permitState: OssPermitStateV1;
  /** The application the permit opened, once it has. */
  trackingNo?: string;
  applicationId?: string;
  /** ATTACHED: the document it became in intake. */
  documentId?: string;
  /** ISO 8601 (UTC): when OSS delivered it, and when it took its state. */
  receivedAt: string;
  changedAt: string;
}

export interface OssFilesPageV1 {
  items: OssFileV1[];
  nextCursor?: string;
}

export const ListOssFiles = defineRequest<ListOssFilesV1, OssFilesPageV1>({
  subject: 'oss.file.list.v1',
  service: 'oss',
  payload: ListOssFilesV1,
});
