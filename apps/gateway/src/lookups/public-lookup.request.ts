import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import type { PublicLookupV1 } from '@satupintu/contracts';
import { IsDefined, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  TRACKING_NO_INPUT_MAX_LENGTH,
  trackingNoFromPath,
} from '../applications/tracking-number.param';

/**
 * The public lookup's question. In the body, never the URL: the birth date and the NIB would
 * otherwise end up in access logs, browser history and proxies.
 */
export class PublicLookupRequest {
  @ApiProperty({
    description:
      'The tracking number, canonical or as a person types it (hyphens, spaces, lower case; ' +
      '`I`, `L`, `O` for `1`, `1`, `0`)',
    minLength: 9,
    maxLength: TRACKING_NO_INPUT_MAX_LENGTH,
    pattern: '^[0-9A-Za-z -]+$',
    example: 'K7M3-9QX2-C',
  })
  @IsDefined()
  @IsString()
  @MaxLength(TRACKING_NO_INPUT_MAX_LENGTH)
  trackingNo: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    description: "The applicant's birth date, `YYYY-MM-DD`; or give `nib` instead",
    minLength: 10,
    maxLength: 10,
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    example: '1990-06-05',
  })
  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  birthDate?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'For a business’s application: its NIB, 13 digits; or give `birthDate` instead',
    minLength: 13,
    maxLength: 13,
    pattern: '^\\d{13}$',
    example: '9120001234567',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{13}$/, { context: { code: 'nib_format' } })
  nib?: string;
}

/** The contract's lookup: a canonical number (400 if mistyped) and exactly one factor. */
export function toPublicLookupV1(body: PublicLookupRequest): PublicLookupV1 {
  const trackingNo = trackingNoFromPath(body.trackingNo);
  if ((body.birthDate === undefined) === (body.nib === undefined))
    throw DomainError.validation([{ field: 'birthDate', code: 'one_lookup_factor' }]);
  return body.birthDate !== undefined
    ? { trackingNo, birthDate: body.birthDate }
    : { trackingNo, nib: body.nib };
}
