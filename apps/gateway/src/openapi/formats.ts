import type { ApiPropertyOptions } from '@nestjs/swagger';
import { SUBJECT_TOKEN_PATTERN } from '@satupintu/common';
import { CHANNELS } from '@satupintu/contracts';

// Property shapes that several schemas of the public API share, so one idea has one bound.

/** What `toZonedIso` writes: milliseconds and the agency's offset, never `Z`. */
export const ZONED_TIME = {
  type: String,
  format: 'date-time',
  maxLength: 29,
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{2}:\\d{2}$',
  example: '2026-11-23T10:45:12.123+07:00',
} satisfies ApiPropertyOptions;

/** Canonical tracking number: eight Crockford base32 symbols and the check symbol. */
export const TRACKING_NO = {
  type: String,
  minLength: 9,
  maxLength: 9,
  pattern: '^[0-9A-HJKMNP-TV-Z]{9}$',
  example: 'K7M39QX2C',
} satisfies ApiPropertyOptions;

/** Agency codes are NATS subject tokens, checked by intake's catalog. */
export const AGENCY_CODE = {
  type: String,
  maxLength: 32,
  pattern: SUBJECT_TOKEN_PATTERN.source,
  example: 'DUKCAPIL',
} satisfies ApiPropertyOptions;

export const CHANNEL = {
  enum: CHANNELS,
  enumName: 'Channel',
  enumSchema: { description: 'Where an application came from: every channel uses the same API' },
} satisfies ApiPropertyOptions;

/** The same bound as the request's `serviceCode`, which the receipt echoes. */
export const SERVICE_CODE_MAX_LENGTH = 64;
