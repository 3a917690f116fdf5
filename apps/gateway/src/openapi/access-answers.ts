import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { DomainError, renderProblem } from '@satupintu/common';
import { EXAMPLE_REQUEST_ID } from './problem.responses';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const PROBLEM_REF = '#/components/schemas/Problem';

/** The `RateLimit-*` fields every answer carries, and `Retry-After` on a 429. */
export const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': {
    description: 'Requests allowed to this caller in the current window',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 1000000, example: 300 },
  },
  'RateLimit-Remaining': {
    description: 'Requests left to this caller in the current window',
    required: false,
    schema: { type: 'integer', minimum: 0, maximum: 1000000, example: 299 },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the current window ends and the count starts again',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 86400, example: 42 },
  },
} as const;

const RETRY_AFTER = {
  description: 'Seconds until the window ends: try again then',
  required: true,
  schema: { type: 'integer', minimum: 1, maximum: 86400, example: 42 },
};

const WWW_AUTHENTICATE = {
  description:
    'RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused',
  required: true,
  schema: {
    type: 'string',
    maxLength: 200,
    example: 'Bearer realm="satupintu", error="invalid_token"',
  },
};

/** The 429 of every operation; one that adds its own 429 answers lists it too. */
export const RATE_LIMITED_EXAMPLE = {
  summary: 'The window’s limit is spent',
  error: new DomainError('rate_limited', 429, [], {
    limit: 300,
    windowSeconds: 60,
    retryAfterSeconds: 42,
  }),
};

/**
 * What the gateway answers for every operation before any service is asked, added once here as
 * it is implemented once (the access guard): 401 and 403 for an operation that needs a caller,
 * 429 for all, and the rate-limit fields on every answer.
 */
export function addAccessAnswers(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const instance = path.replace(/\{(\w+)\}/g, (_whole, name: string) =>
        name === 'trackingNo' ? 'K7M39QX2C' : name === 'agencyCode' ? 'DUKCAPIL' : name,
      );
      addTo(operation, `${method.toUpperCase()} ${path}`, instance);
    }
  }
}

function addTo(operation: OperationObject, resource: string, instance: string): void {
  const responses = operation.responses as Record<string, ResponseObject>;
  // A foreign protocol's operation (OSS's PIA) documents its own refusals in its own shape.
  const foreign = typeof (operation as { 'x-protocol'?: unknown })['x-protocol'] === 'string';
  const secured = (operation.security ?? []).some((r) => Object.keys(r).length > 0);
  if (secured && !foreign) {
    responses['401'] ??= problem('No access token, or one that is invalid or expired', instance, {
      missing: {
        summary: 'No Authorization header',
        error: new DomainError('unauthenticated', 401, [], { resource }),
      },
      invalid: {
        summary: 'An expired, forged or foreign token',
        error: new DomainError('invalid_token', 401),
      },
    });
    responses['403'] ??= problem(
      'The caller is signed in, but not one this operation serves',
      instance,
      {
        forbidden: {
          summary: 'A caller without the role or scope',
          error: new DomainError('forbidden', 403, [], { resource }),
        },
      },
    );
  }
  // Every 401 carries a challenge (RFC 9110 §15.5.2), a public operation's too: the gateway adds
  // one to any 401 that has none (transport.hooks.ts).
  if (responses['401'] && !('$ref' in responses['401']))
    responses['401'].headers = {
      ...responses['401'].headers,
      'WWW-Authenticate': responses['401'].headers?.['WWW-Authenticate'] ?? WWW_AUTHENTICATE,
    };
  responses['429'] ??= problem(
    'Too many requests from this caller in the current window',
    instance,
    { limited: RATE_LIMITED_EXAMPLE },
  );
  responses['429'].headers = { ...responses['429'].headers, 'Retry-After': RETRY_AFTER };
  for (const response of Object.values(responses)) {
    if ('$ref' in response) continue;
    response.headers = { ...RATE_LIMIT_HEADERS, ...response.headers };
  }
}

function problem(
  description: string,
  instance: string,
  examples: Record<string, { summary: string; error: DomainError }>,
): ResponseObject {
  return {
    description,
    content: {
      'application/problem+json': {
        schema: { $ref: PROBLEM_REF },
        examples: Object.fromEntries(
          Object.entries(examples).map(([name, { summary, error }]) => [
            name,
            {
              summary,
              value: renderProblem(error, 'id', { instance, requestId: EXAMPLE_REQUEST_ID }),
            },
          ]),
        ),
      },
    },
  };
}
