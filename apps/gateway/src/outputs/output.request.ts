import { ApiProperty } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { formatDocumentNumber, parseDocumentNumber } from '@satupintu/domain';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';

/** The longest number: a 32-character agency code, the year and nine digits. */
export const DOCUMENT_NO_MAX_LENGTH = 48;

/** An output's number as the agency writes it (ADR 0021); read in any case. */
export const DOCUMENT_NO = {
  type: String,
  maxLength: DOCUMENT_NO_MAX_LENGTH,
  pattern: '^[A-Z0-9-]{2,32}-[0-9]{4}-[0-9]{6,9}$',
  example: 'DUKCAPIL-2026-000042',
} as const;

export const REVOKE_REASON_MAX_LENGTH = 500;

/** At most 10 MiB: an output is one page, tens of KiB; anything near this is not one. */
export const MAX_VERIFIED_PDF_BYTES = 10 * 1024 * 1024;

export class RevokeOutputRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: REVOKE_REASON_MAX_LENGTH,
    description:
      'Why, for the agency’s record (never in the public answer): who asked, what was wrong',
    example: 'Issued to the wrong holder; reissue requested by the applicant',
  })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(REVOKE_REASON_MAX_LENGTH)
  reason: string;
}

/**
 * A number from the path: its canonical spelling and the agency it routes to. What is not a
 * number is a 400 that does not repeat it (it may be a NIK typed into the wrong box).
 */
export function documentNoFromPath(raw: string): { documentNo: string; agencyCode: string } {
  const parsed = raw.length <= DOCUMENT_NO_MAX_LENGTH + 16 ? parseDocumentNumber(raw) : null;
  if (!parsed) {
    throw DomainError.validation([{ field: 'documentNo', code: 'document_no_format' }]);
  }
  return { documentNo: formatDocumentNumber(parsed), agencyCode: parsed.agencyCode };
}
