import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { throwError, type Observable } from 'rxjs';
import { currentContext } from '../context/request-context';
import type { AppLogger } from '../logging/logger';
import { DomainError, type SerializedDomainError } from './domain-error';
import { localeFrom } from './messages';
import { PROBLEM_CONTENT_TYPE, renderProblem } from './problem';

/**
 * The one place where an error becomes an answer. Over HTTP: RFC 9457 problem+json in the
 * caller's language. Over NATS request/reply: a serialized DomainError the gateway renders.
 * Anything that is not a DomainError (or a framework error with a client status) is a bug:
 * it is logged with an error id and answered as a bare 500 that leaks nothing.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: AppLogger) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') {
      const error = this.toDomainError(exception);
      return throwError(() => error.serialize() satisfies SerializedDomainError);
    }
    const http = host.switchToHttp();
    sendProblem(
      http.getRequest<FastifyRequest>(),
      http.getResponse<FastifyReply>(),
      this.toDomainError(exception, http.getRequest<FastifyRequest>()),
    );
  }

  toDomainError(exception: unknown, request?: FastifyRequest): DomainError {
    if (exception instanceof DomainError) return exception;
    const mapped = fromFrameworkError(exception, request);
    if (mapped) return mapped;
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'unhandled error');
    return new DomainError('internal_error', 500, [], { errorId });
  }
}

/**
 * Sent with every 503: nobody answers behind the gateway, usually a service restarting, so a
 * retry a few seconds later is likely to succeed.
 */
export const RETRY_AFTER_SECONDS = 5;

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: DomainError,
): void {
  const requestId = currentContext()?.requestId;
  const doc = renderProblem(error, localeFrom(request.headers['accept-language']), {
    instance: request.url,
    requestId,
  });
  if (error.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  void reply.status(error.status).header('content-type', PROBLEM_CONTENT_TYPE).send(doc);
}

/** Errors raised by Fastify (body parsing) or Nest (routing) that are the client's doing. */
export function fromFrameworkError(
  exception: unknown,
  request?: FastifyRequest,
): DomainError | undefined {
  // Nest wraps Fastify's client errors in an HttpException whose cause is the original.
  const cause = exception instanceof HttpException ? exception.cause : undefined;
  const fastifyCode = codeOf(cause) ?? codeOf(exception);
  const limit = { limit: request?.routeOptions?.bodyLimit ?? 0 };
  switch (fastifyCode ?? '') {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new DomainError('unsupported_media_type', 415);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('payload_too_large', 413, [], limit);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new DomainError('malformed_json', 400);
    default:
      break;
  }
  // Only a body parser's SyntaxError (wrapped by Nest) is the client's; a bare one is our bug.
  if (cause instanceof SyntaxError) return new DomainError('malformed_json', 400);
  if (!(exception instanceof HttpException)) return undefined;
  const status = exception.getStatus();
  if (status === 404) {
    return new DomainError('route_not_found', 404, [], {
      method: request?.method ?? '',
      path: request?.url.split('?')[0] ?? '',
    });
  }
  if (status === 413) return new DomainError('payload_too_large', 413, [], limit);
  if (status === 415) return new DomainError('unsupported_media_type', 415);
  if (status >= 400 && status < 500) return new DomainError('bad_request', status);
  return undefined;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
