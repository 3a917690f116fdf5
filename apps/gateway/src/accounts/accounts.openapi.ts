import { applyDecorators } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import {
  ApiProblemResponse,
  ApiUpstreamProblems,
  type ProblemExample,
} from '../openapi/problem.responses';

/** People sign in and send their access token (the `bearer` scheme). */
export const BEARER = [{ bearer: [] }];

/**
 * The answers of an operation that only some callers may make: 401 without a token, 403 for a
 * caller of the wrong kind or role, and the outages of the service that answers it (identity,
 * for the accounts).
 */
export function ApiAccountAccess(
  resource: string,
  instance: string,
  forbiddenWhen: string,
  service = 'identity',
) {
  return applyDecorators(
    ApiProblemResponse(401, 'No valid access token', {
      anonymous: {
        summary: 'No token',
        error: new DomainError('unauthenticated', 401, [], { resource }),
        instance,
      },
    }),
    ApiProblemResponse(403, forbiddenWhen, {
      forbidden: {
        summary: 'A caller who may not',
        error: new DomainError('forbidden', 403, [], { resource }),
        instance,
      },
    }),
    ApiUpstreamProblems(service, instance),
  );
}

/**
 * 400 for a body of the wrong shape (with any other 400 examples of the operation: one status
 * has one answer), 413 too large, 415 not JSON.
 */
export function ApiBodyProblems(
  instance: string,
  invalid: DomainError,
  summary: string,
  other400: Record<string, ProblemExample> = {},
) {
  return applyDecorators(
    ApiProblemResponse(400, 'The body is not JSON, or a field is missing, malformed or unknown', {
      validation: { summary, error: invalid, instance },
      ...other400,
    }),
    ApiProblemResponse(413, 'The body is larger than 64 KiB', {
      tooLarge: {
        summary: 'A body over the limit',
        error: new DomainError('payload_too_large', 413, [], { limit: 65536 }),
        instance,
      },
    }),
    ApiProblemResponse(415, 'The body is not sent as `application/json`', {
      notJson: {
        summary: 'A form-encoded body',
        error: new DomainError('unsupported_media_type', 415),
        instance,
      },
    }),
  );
}
