import { applyDecorators } from '@nestjs/common';
import { DomainError, RETRY_AFTER_SECONDS } from '@satupintu/common';
import { RATE_LIMITED_EXAMPLE } from '../openapi/access-answers';
import {
  ApiProblemResponse,
  ApiUpstreamProblems,
  RETRY_AFTER_HEADER,
} from '../openapi/problem.responses';

/**
 * What every live stream can answer instead of a stream (ADR 0024): too many streams for the
 * caller (429) or the gateway (503), and the problems of the service that replays it.
 */
export function ApiLiveStreamProblems(service: string, instance: string) {
  // Applied in this order so that the stream's own 503 examples replace the upstream ones.
  return applyDecorators(
    ApiUpstreamProblems(service, instance),
    ApiProblemResponse(
      503,
      `This gateway holds as many streams as it can, or ${service} is not answering`,
      {
        full: {
          summary: 'Every stream this gateway can hold is open',
          error: new DomainError('live_streams_full', 503, [], {
            retryAfterSeconds: RETRY_AFTER_SECONDS,
          }),
          instance,
        },
        unavailable: {
          summary: `${service} is not running`,
          error: new DomainError('service_unavailable', 503, [], { service }),
          instance,
        },
      },
      RETRY_AFTER_HEADER,
    ),
    ApiProblemResponse(
      429,
      'Too many requests in the window, or too many streams open for this caller',
      {
        limited: { ...RATE_LIMITED_EXAMPLE, instance },
        streams: {
          summary: 'The caller holds as many streams as it may',
          error: new DomainError('too_many_live_streams', 429, [], {
            limit: 5,
            retryAfterSeconds: RETRY_AFTER_SECONDS,
          }),
          instance,
        },
      },
      RETRY_AFTER_HEADER,
    ),
  );
}
