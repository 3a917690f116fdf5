import { DomainError, type FieldError } from '@satupintu/common';
import type { PublicLookupV1 } from '@satupintu/contracts';

const TRACKING_NO = /^[0-9A-Z]{9}$/;
const BIRTH_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NIB = /^\d{13}$/;
const FIELDS = new Set(['trackingNo', 'birthDate', 'nib']);

/**
 * The lookup's payload checked by hand, as the `BodyValidationPipe` checks `PublicLookupV1`
 * against its decorators, with the same field errors (the spec holds the two side by side): the
 * lookup is answered on a plain subscription (ADR 0023), where no pipe runs, and class-validator
 * cost more than the lookup's own work. Returns a fresh object with the known fields only.
 */
export function publicLookupOf(payload: unknown): PublicLookupV1 {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw DomainError.validation([{ field: '(body)', code: 'must_be_body_object' }]);
  const given = payload as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const field of Object.keys(given)) {
    if (!FIELDS.has(field))
      errors.push({
        field: field.length > 64 ? `${field.slice(0, 64)}…` : field,
        code: 'unknown_field',
      });
  }
  const { trackingNo, birthDate, nib } = given;
  check(errors, 'trackingNo', trackingNo, TRACKING_NO, false);
  check(errors, 'birthDate', birthDate, BIRTH_DATE, true);
  check(errors, 'nib', nib, NIB, true);
  if (errors.length > 0) throw DomainError.validation(errors);
  const lookup: PublicLookupV1 = { trackingNo: trackingNo as string };
  if (birthDate !== undefined) lookup.birthDate = birthDate as string;
  if (nib !== undefined) lookup.nib = nib as string;
  return lookup;
}

/** `@IsOptional() @IsString() @Matches(pattern)`: optional means absent, undefined or null. */
function check(
  errors: FieldError[],
  field: string,
  value: unknown,
  pattern: RegExp,
  optional: boolean,
): void {
  if (optional && (value === undefined || value === null)) return;
  if (typeof value !== 'string') errors.push({ field, code: 'must_be_string' });
  else if (!pattern.test(value)) errors.push({ field, code: 'invalid' });
}
