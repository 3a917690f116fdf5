import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  DomainError,
  IDEMPOTENCY_KEY_HEADER,
  currentContext,
  parseIdempotencyKey,
  sendProblem,
} from '@satupintu/common';

/**
 * Takes a creating request's `Idempotency-Key` into the request context, from where it travels
 * to the service that creates (and there decides what a replay means). A malformed key is the
 * client's error, said at once: silently dropping it would lose the protection it asked for.
 */
export function acceptIdempotencyKeys(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preHandler', (request, reply, done) => {
      const raw = request.headers[IDEMPOTENCY_KEY_HEADER];
      if (request.method !== 'POST' || raw === undefined) return done();
      const key = parseIdempotencyKey(Array.isArray(raw) ? raw[0] : raw);
      if (!key) return sendProblem(request, reply, new DomainError('invalid_idempotency_key', 400));
      const context = currentContext();
      if (context) context.idempotencyKey = key;
      done();
    });
}
