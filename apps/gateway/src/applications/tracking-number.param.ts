import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { normalizeTrackingNumber } from '@satupintu/domain';
import { ApiProblemResponse, type ProblemExample } from '../openapi/problem.responses';

/** Room for a tracking number typed with hyphens and spaces (`K7M3 - 9QX2 - C`). */
export const TRACKING_NO_INPUT_MAX_LENGTH = 32;

/**
 * A `trackingNo` path parameter as a person types it, and the 400 of a mistyped one: the check
 * symbol catches it instead of finding another case.
 */
export function ApiTypedTrackingNo(
  description: string,
  examples: { canonical: string; typed: string },
  mistypedInstance: string,
) {
  return applyDecorators(
    ApiTrackingNoParam(description, examples),
    ApiProblemResponse(
      400,
      'The tracking number is mistyped: its check symbol does not match',
      mistypedTrackingNoExample(mistypedInstance),
    ),
  );
}

/**
 * The parameter alone, for an operation whose 400 has other causes too (a body): it spreads
 * `mistypedTrackingNoExample` into its own 400, since one status has one answer.
 */
export function ApiTrackingNoParam(
  description: string,
  examples: { canonical: string; typed: string },
) {
  return ApiParam({
    name: 'trackingNo',
    description,
    schema: {
      type: 'string',
      minLength: 9,
      maxLength: TRACKING_NO_INPUT_MAX_LENGTH,
      pattern: '^[0-9A-Za-z -]+$',
    },
    examples: {
      canonical: { summary: 'As the receipt gives it', value: examples.canonical },
      typed: { summary: 'As a person may type it', value: examples.typed },
    },
  });
}

export function mistypedTrackingNoExample(instance: string): Record<string, ProblemExample> {
  return {
    mistyped: {
      summary: 'One symbol typed wrong',
      error: new DomainError('invalid_tracking_number', 400),
      instance,
    },
  };
}

/** The canonical number of a typed one (case, hyphens, spaces, I/L/O); a 400 if mistyped. */
export function trackingNoFromPath(raw: string): string {
  const trackingNo =
    raw.length <= TRACKING_NO_INPUT_MAX_LENGTH ? normalizeTrackingNumber(raw) : null;
  if (!trackingNo) throw new DomainError('invalid_tracking_number', 400);
  return trackingNo;
}
