import { applyDecorators } from '@nestjs/common';
import { ApiHeader, type HeaderObject } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { ApiProblemResponse, type ProblemExample } from '../openapi/problem.responses';

const KEY_DESCRIPTION =
  'Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random ' +
  'key (a UUID, say) per intended creation, the same key on every retry of it. The first answer ' +
  'is kept for 24 hours, per caller and operation, and a retry with the same body receives it ' +
  'again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is ' +
  'refused (422); a retry while the first request is still at work is a 409, to retry in a moment. ' +
  'A request that was refused (4xx) keeps no key: correct it and send it again with the same key.';

/**
 * Documents the `Idempotency-Key` of a creating `POST`: the header and the 409 of a request
 * still in flight. Its 400 and 422 examples are spread into the operation's own answers of
 * those statuses (`idempotencyKeyExamples`), as one status has one answer.
 */
export function ApiIdempotencyKey(instance: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: KEY_DESCRIPTION,
      // Quotes allowed: the draft sends the key as a structured-header string.
      schema: {
        type: 'string',
        minLength: 8,
        maxLength: 130,
        pattern: '^"?[A-Za-z0-9_.:-]{8,128}"?$',
        example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
      },
    }),
    ApiProblemResponse(
      409,
      'The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer',
      {
        inFlight: {
          summary: 'A retry while the first request is still at work',
          error: new DomainError('idempotency_key_in_flight', 409),
          instance,
        },
      },
    ),
  );
}

/** The 400 and 422 examples a creating `POST` with an `Idempotency-Key` adds to its own. */
export function idempotencyKeyExamples(instance: string): {
  invalid: Record<string, ProblemExample>;
  reused: Record<string, ProblemExample>;
} {
  return {
    invalid: {
      invalidIdempotencyKey: {
        summary: 'An Idempotency-Key with spaces in it',
        error: new DomainError('invalid_idempotency_key', 400),
        instance,
      },
    },
    reused: {
      idempotencyKeyReused: {
        summary: 'An Idempotency-Key already used with another body',
        error: new DomainError('idempotency_key_reused', 422),
        instance,
      },
    },
  };
}

/** The header on a success answer that repeats the first answer under the key. */
export const REPLAYED_HEADERS: Record<string, HeaderObject> = {
  'Idempotent-Replayed': {
    description:
      'Present (`true`) when this is the kept answer of an earlier request with the same ' +
      '`Idempotency-Key`: nothing new was created',
    required: false,
    schema: { type: 'string', enum: ['true'] },
  },
};
