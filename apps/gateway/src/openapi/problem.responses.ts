import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, type HeaderObject, getSchemaPath } from '@nestjs/swagger';
import { DomainError, RETRY_AFTER_SECONDS, renderProblem } from '@satupintu/common';
import { Problem } from './problem.schema';

export interface ProblemExample {
  summary: string;
  error: DomainError;
  /** The request's path, as the answer's `instance` shows it. */
  instance: string;
}

/** What a 503 (and the live stream's 429) tells the caller to wait. */
export const RETRY_AFTER_HEADER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    required: true,
    schema: { type: 'integer', minimum: 1, maximum: 3600, example: RETRY_AFTER_SECONDS },
  },
};

/** The request id every example carries, as a caller's own would appear. */
export const EXAMPLE_REQUEST_ID = 'call-center-4711';

/**
 * An error answer of one status, with examples rendered by the same code that renders real
 * answers (in Indonesian, the default language), so an example cannot drift from the real thing.
 */
export function ApiProblemResponse(
  status: number,
  description: string,
  examples: Record<string, ProblemExample>,
  headers?: Record<string, HeaderObject>,
): MethodDecorator & ClassDecorator {
  const rendered = Object.fromEntries(
    Object.entries(examples).map(([name, { summary, error, instance }]) => [
      name,
      {
        summary,
        value: renderProblem(error, 'id', { instance, requestId: EXAMPLE_REQUEST_ID }),
      },
    ]),
  );
  return applyDecorators(
    ApiExtraModels(Problem),
    ApiResponse({
      status,
      description,
      content: {
        'application/problem+json': {
          schema: { $ref: getSchemaPath(Problem) },
          examples: rendered,
        },
      },
      ...(headers ? { headers } : {}),
    }),
  );
}

/**
 * What any operation that asks a service over NATS can answer besides its own errors: the
 * service is not there (503), too slow (504), or the gateway failed (500).
 */
export function ApiUpstreamProblems(service: string, instance: string) {
  return applyDecorators(
    ApiProblemResponse(500, 'The gateway failed; the answer carries an error id to quote', {
      internal: {
        summary: 'An unexpected error, logged under the error id',
        error: new DomainError('internal_error', 500, [], {
          errorId: '7d0e4b8a-52c1-4f0e-9b3a-1c2d3e4f5a6b',
        }),
        instance,
      },
    }),
    ApiProblemResponse(
      503,
      `No ${service} service is answering (it may be restarting); retry after \`Retry-After\` seconds`,
      {
        unavailable: {
          summary: `${service} is not running`,
          error: new DomainError('service_unavailable', 503, [], { service }),
          instance,
        },
      },
      RETRY_AFTER_HEADER,
    ),
    ApiProblemResponse(
      504,
      `The ${service} service did not answer in time (\`NATS_REQUEST_TIMEOUT_MS\`); the request may or may not have taken effect`,
      {
        timeout: {
          summary: `${service} answered too slowly`,
          error: new DomainError('upstream_timeout', 504, [], { service, timeoutMs: 5000 }),
          instance,
        },
      },
    ),
  );
}
