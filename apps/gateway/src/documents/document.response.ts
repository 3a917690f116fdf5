import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_CONTENT_TYPES,
  MAX_DOCUMENT_BYTES,
  type DocumentContentType,
  type DocumentV1,
} from '@satupintu/contracts';

const UUID = {
  format: 'uuid',
  maxLength: 36,
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
};

export class DocumentResponse {
  @ApiProperty({
    ...UUID,
    description: 'Name it by this in `documents` of `POST /v1/applications`',
    example: '3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80',
  })
  documentId: string;

  @ApiProperty({
    enum: DOCUMENT_CONTENT_TYPES,
    description: 'The type its bytes show, whatever its name or declared type said',
    example: 'application/pdf',
  })
  contentType: DocumentContentType;

  @ApiProperty({ minimum: 1, maximum: MAX_DOCUMENT_BYTES, description: 'Bytes', example: 482133 })
  size: number;

  @ApiProperty({
    description: 'SHA-256 of its bytes, lower-case hex',
    pattern: '^[0-9a-f]{64}$',
    minLength: 64,
    maxLength: 64,
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  sha256: string;

  @ApiProperty({
    format: 'date-time',
    maxLength: 30,
    description: 'When it was uploaded (UTC)',
    example: '2026-11-23T03:45:12.123Z',
  })
  createdAt: string;

  @ApiPropertyOptional({
    ...UUID,
    description: 'The application it is attached to; absent until it is',
    example: '0f5d3c2e-8a41-4b7e-9c1d-2e6f7a8b9c0d',
  })
  applicationId?: string;

  @ApiPropertyOptional({
    pattern: '^[A-Z0-9_]{2,48}$',
    maxLength: 48,
    description: 'The requirement it answers on that application',
    example: 'KTP',
  })
  requirement?: string;
}

export function toDocumentResponse(document: DocumentV1): DocumentResponse {
  return {
    documentId: document.documentId,
    contentType: document.contentType,
    size: document.size,
    sha256: document.sha256,
    createdAt: document.createdAt,
    ...(document.applicationId ? { applicationId: document.applicationId } : {}),
    ...(document.requirement ? { requirement: document.requirement } : {}),
  };
}

/** The download's headers: its type and length, a file name, and its digest (RFC 9530 and RFC 3230). */
export function downloadHeaders(document: DocumentV1): Record<string, string> {
  const extension = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[
    document.contentType
  ];
  const digest = Buffer.from(document.sha256, 'hex').toString('base64');
  return {
    'content-type': document.contentType,
    'content-length': String(document.size),
    'content-disposition': `attachment; filename="${document.documentId}.${extension}"`,
    'repr-digest': `sha-256=:${digest}:`,
    digest: `sha-256=${digest}`,
    'x-content-type-options': 'nosniff',
  };
}
