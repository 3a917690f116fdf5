import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OSS_FILE_STATES,
  OSS_PERMIT_STATES,
  type OssFilesPageV1,
  type OssFileStateV1,
  type OssPermitStateV1,
} from '@satupintu/contracts';
import { TRACKING_NO } from '../openapi/formats';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';

const INSTANT = { type: String, format: 'date-time', maxLength: 24 } as const;
const UUID = { type: String, format: 'uuid', maxLength: 36 } as const;

export class OssFileResponse {
  @ApiProperty({ maxLength: 13, pattern: '^\\d{13}$', example: '8120000110171' })
  nib: string;

  @ApiProperty({
    maxLength: 25,
    description: "OSS's id of the permit request (`id_izin`) the file is of",
    example: 'I-202612010003',
  })
  idIzin: string;

  @ApiProperty({
    maxLength: 2048,
    description:
      "Where OSS said the file is (`file_izin`), without its user, query and fragment: a file server's signed URL carries its credential there",
    example: 'https://oss.go.id/files/izin/I-202612010003.pdf',
  })
  fileUrl: string;

  @ApiProperty({
    enum: OSS_FILE_STATES,
    enumName: 'OssFileState',
    description:
      "`RECEIVED`: to be fetched, or being retried; `WAITING`: its permit has no application yet (see `reason`), it is fetched once the permit is opened; `ATTACHED`: stored and attached to the permit's application; `FAILED`: not taken (see `reason`)",
    example: 'WAITING',
  })
  state: OssFileStateV1;

  @ApiPropertyOptional({
    maxLength: 1000,
    description:
      '`WAITING`: `permit_unmapped` (the permit map knows no service for the permit) or `permit_opening`; `FAILED`: what fetching again would not change (`document_type_not_allowed`, `document_too_large`, `file_url_not_https`, `file_url_private`, `file_url_redirect`, `no_application`, …) or `gave_up: ` and the last error after the attempts allowed',
    example: 'permit_unmapped',
  })
  reason?: string;

  @ApiProperty({
    enum: OSS_PERMIT_STATES,
    enumName: 'OssPermitState',
    description:
      'Where the permit stands: `OPENING` (its application being opened), `OPENED`, `UNMAPPED`, `FAILED` (intake refused it)',
    example: 'UNMAPPED',
  })
  permitState: OssPermitStateV1;

  @ApiPropertyOptional({
    ...TRACKING_NO,
    description: "The permit's application, once opened",
  })
  trackingNo?: string;

  @ApiPropertyOptional({ ...UUID, example: '0b7e1f7a-51b3-4b8e-9a53-1d2f0c6c7e11' })
  applicationId?: string;

  @ApiPropertyOptional({
    ...UUID,
    description: '`ATTACHED`: the document it became (`GET /v1/documents/{documentId}`)',
    example: '5d41402a-bc4b-5a76-b971-9d911017c592',
  })
  documentId?: string;

  @ApiProperty({
    ...INSTANT,
    description: 'When OSS delivered it (UTC)',
    example: '2026-12-03T08:15:00.000Z',
  })
  receivedAt: string;

  @ApiProperty({
    ...INSTANT,
    description: 'When it took its state (UTC)',
    example: '2026-12-03T08:15:01.250Z',
  })
  changedAt: string;
}

export class OssFilesPageResponse {
  @ApiProperty({
    type: [OssFileResponse],
    maxItems: WORK_QUEUE_LIMITS.pageSize,
    description: 'The latest first',
  })
  items: OssFileResponse[];

  @ApiPropertyOptional({
    description: 'Present when there are more files: pass it as `cursor` for the next page',
    maxLength: WORK_QUEUE_LIMITS.cursor,
    pattern: CURSOR_PATTERN,
  })
  nextCursor?: string;
}

/** A field-by-field copy: the public answer and the contract can evolve apart. */
export function toOssFilesPageResponse(page: OssFilesPageV1): OssFilesPageResponse {
  return {
    items: page.items.slice(0, WORK_QUEUE_LIMITS.pageSize).map((file) => ({
      nib: file.nib,
      idIzin: file.idIzin,
      fileUrl: file.fileUrl,
      state: file.state,
      ...(file.reason ? { reason: file.reason } : {}),
      permitState: file.permitState,
      ...(file.trackingNo ? { trackingNo: file.trackingNo } : {}),
      ...(file.applicationId ? { applicationId: file.applicationId } : {}),
      ...(file.documentId ? { documentId: file.documentId } : {}),
      receivedAt: file.receivedAt,
      changedAt: file.changedAt,
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

export const OSS_FILES_EXAMPLE: OssFilesPageResponse = {
  items: [
    {
      nib: '8120000110171',
      idIzin: 'I-202612010003',
      fileUrl: 'https://oss.go.id/files/izin/I-202612010003.pdf',
      state: 'WAITING',
      reason: 'permit_unmapped',
      permitState: 'UNMAPPED',
      receivedAt: '2026-12-03T08:15:00.000Z',
      changedAt: '2026-12-03T08:15:01.250Z',
    },
    {
      nib: '8120000110171',
      idIzin: 'I-202612010001',
      fileUrl: 'https://oss.go.id/files/izin/I-202612010001.pdf',
      state: 'ATTACHED',
      permitState: 'OPENED',
      trackingNo: 'K7M39QX2C',
      applicationId: '0b7e1f7a-51b3-4b8e-9a53-1d2f0c6c7e11',
      documentId: '5d41402a-bc4b-5a76-b971-9d911017c592',
      receivedAt: '2026-12-03T08:14:00.000Z',
      changedAt: '2026-12-03T08:14:02.480Z',
    },
    {
      nib: '8120000110172',
      idIzin: 'I-202612010007',
      fileUrl: 'https://oss.go.id/files/izin/I-202612010007.pdf',
      state: 'FAILED',
      reason: 'gave_up: the file server answered 503',
      permitState: 'OPENED',
      trackingNo: 'M2Q8R4T6V',
      applicationId: '9a1c7d2e-3b4f-4c5d-8e6f-7a8b9c0d1e2f',
      receivedAt: '2026-12-02T01:00:00.000Z',
      changedAt: '2026-12-03T01:02:11.907Z',
    },
  ],
  nextCursor: 'WyI0MiJd',
};
