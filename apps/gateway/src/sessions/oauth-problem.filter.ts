import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import {
  DomainError,
  PROBLEM_CONTENT_TYPE,
  RETRY_AFTER_SECONDS,
  currentContext,
  localeFrom,
  renderProblem,
  type ProblemCode,
} from '@satupintu/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The RFC 6749 §5.2 error code of a refusal at the token endpoint. Pure. */
export function oauthErrorOf(code: ProblemCode): string | undefined {
  return OAUTH_ERRORS[code];
}

const OAUTH_ERRORS: Partial<Record<ProblemCode, string>> = {
  invalid_client: 'invalid_client',
  invalid_grant: 'invalid_grant',
  invalid_scope: 'invalid_scope',
  unsupported_grant_type: 'unsupported_grant_type',
  validation_failed: 'invalid_request',
  unprocessable: 'invalid_request',
  bad_request: 'invalid_request',
};

/** RFC 6749 §5.2: `error_description` is printable ASCII without `"` and `\`. */
export function oauthDescription(text: string): string {
  return text.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, '');
}

/**
 * Refusals at `POST /v1/oauth/token`: a problem document (RFC 9457, like every other answer)
 * that also carries RFC 6749's `error` and `error_description`, so an OAuth client library
 * reads it too; never cached. A failed client authentication is a 401 with a Basic challenge.
 */
@Catch(DomainError)
export class OAuthProblemFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const doc = renderProblem(error, localeFrom(request.headers['accept-language']), {
      instance: request.url,
      requestId: currentContext()?.requestId,
    });
    const oauthError = oauthErrorOf(error.code);
    const body = oauthError
      ? { ...doc, error: oauthError, error_description: oauthDescription(doc.detail) }
      : doc;
    void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    if (error.code === 'invalid_client') {
      void reply.header('www-authenticate', 'Basic realm="satupintu", charset="UTF-8"');
    }
    if (error.status === 503 || error.status === 429) {
      const seconds = Number(error.params.retryAfterSeconds ?? RETRY_AFTER_SECONDS);
      void reply.header('retry-after', String(seconds));
    }
    void reply.status(error.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }
}
