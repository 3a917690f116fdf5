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

/** An operation's own answers of a status that the `Idempotency-Key` answers too. */
export interface OwnAnswers {
  description: string;
  examples: Record<string, ProblemExample>;
}

/**
 * Documents the `Idempotency-Key` of a creating `POST`: the header, the 409 of a request still
 * in flight and the 422 of a key reused with another body, each merged with the operation's own
 * answers of that status (one status has one answer). Its 400 example is spread into the
 * operation's own 400 (`invalidIdempotencyKeyExample`).
 */
export function ApiIdempotencyKey(
  instance: string,
  own: { 409?: OwnAnswers; 422?: OwnAnswers } = {},
): MethodDecorator & ClassDecorator {
  const conflict = own[409];
  const unprocessable = own[422];
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
      (conflict ? `${conflict.description}; or t` : 'T') +
        'he first request with this `Idempotency-Key` is still at work: retry in a moment for its answer',
      {
        ...conflict?.examples,
        inFlight: {
          summary: 'A retry while the first request is still at work',
          error: new DomainError('idempotency_key_in_flight', 409),
          instance,
        },
      },
    ),
    ApiProblemResponse(
      422,
      (unprocessable ? `${unprocessable.description}; or a` : 'A') +
        'n `Idempotency-Key` already used with another body',
      {
        ...unprocessable?.examples,
        idempotencyKeyReused: {
          summary: 'An Idempotency-Key already used with another body',
          error: new DomainError('idempotency_key_reused', 422),
          instance,
        },
      },
    ),
  );
}

/** The 400 example of a malformed key, for a creating `POST`'s own 400 answer. */
export function invalidIdempotencyKeyExample(instance: string): Record<string, ProblemExample> {
  return {
    invalidIdempotencyKey: {
      summary: 'An Idempotency-Key with spaces in it',
      error: new DomainError('invalid_idempotency_key', 400),
      instance,
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
