import type { ApiPropertyOptions } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { APPLICANT_LANGUAGES } from '@satupintu/contracts';

// Property shapes the account schemas share, so one idea has one bound.

export const UUID = {
  type: String,
  format: 'uuid',
  maxLength: 36,
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  example: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
} satisfies ApiPropertyOptions;

export const NIK = {
  type: String,
  description: 'NIK, the 16-digit national identity number',
  minLength: 16,
  maxLength: 16,
  pattern: '^\\d{16}$',
  example: '3201014506900001',
} satisfies ApiPropertyOptions;

export const NAME = { type: String, minLength: 1, maxLength: 200, example: 'Siti Rahayu' };

export const DATE = {
  type: String,
  format: 'date',
  maxLength: 10,
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  example: '1990-06-05',
} satisfies ApiPropertyOptions;

export const PREFERRED_LANGUAGE = {
  enum: APPLICANT_LANGUAGES,
  enumName: 'ApplicantLanguage',
  example: 'id',
} satisfies ApiPropertyOptions;

export const PHONE = {
  type: String,
  description: 'Indonesian mobile number, E.164 (+62…)',
  maxLength: 16,
  pattern: '^\\+62\\d{8,13}$',
  example: '+6281234567890',
} satisfies ApiPropertyOptions;

export const EMAIL = {
  type: String,
  format: 'email',
  maxLength: 254,
  example: 'siti@example.id',
} satisfies ApiPropertyOptions;

export const USERNAME = {
  type: String,
  minLength: 3,
  maxLength: 64,
  pattern: '^[a-z0-9._-]{3,64}$',
  example: 'dukcapil.verifier',
} satisfies ApiPropertyOptions;

export const CLIENT_ID = {
  type: String,
  minLength: 3,
  maxLength: 64,
  pattern: '^[a-z0-9][a-z0-9._-]{2,63}$',
  example: 'dukcapil-simduk',
} satisfies ApiPropertyOptions;

export const PASSWORD = {
  type: String,
  format: 'password',
  description:
    'At least 10 characters (a passphrase is best); not a common password, and not containing the NIK, ' +
    'name, username, e-mail or phone',
  minLength: 10,
  maxLength: 128,
  example: 'kopi tubruk di pagi hari',
} satisfies ApiPropertyOptions;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const CLIENT_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** A path parameter checked before anything is asked of identity: a 400 naming it. */
export function pathParam(name: string, value: string, pattern: RegExp, code = 'invalid'): string {
  if (value.length > 64 || !pattern.test(value))
    throw DomainError.validation([{ field: name, code }]);
  return value;
}
