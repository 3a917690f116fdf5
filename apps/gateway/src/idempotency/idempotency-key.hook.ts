import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import {
  DomainError,
  IDEMPOTENCY_KEY_HEADER,
  currentContext,
  parseIdempotencyKey,
  sendProblem,
  type RequestContext,
} from '@satupintu/common';

/** Marks an answer that repeats the first answer given under the request's key (ADR 0017). */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/**
 * Takes a creating request's `Idempotency-Key` into the request context, from where it travels
 * to the service that creates (and there decides what a replay means). A malformed key is the
 * client's error, said at once: silently dropping it would lose the protection it asked for.
 * When the service answers with a replay (the `RpcClient` marks the context), the answer says
 * so in `Idempotent-Replayed: true`.
 */
export function acceptIdempotencyKeys(app: NestFastifyApplication): void {
  // The context the key went into, kept by request: the answer is sent outside the handler.
  const keyed = new WeakMap<FastifyRequest, RequestContext>();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preHandler', (request, reply, done) => {
      const raw = request.headers[IDEMPOTENCY_KEY_HEADER];
      if (request.method !== 'POST' || raw === undefined) return done();
      const key = parseIdempotencyKey(Array.isArray(raw) ? raw[0] : raw);
      if (!key) return sendProblem(request, reply, new DomainError('invalid_idempotency_key', 400));
      const context = currentContext();
      if (context) {
        context.idempotencyKey = key;
        keyed.set(request, context);
      }
      done();
    })
    .addHook('onSend', (request, reply, payload, done) => {
      if (keyed.get(request)?.replayed) void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      done(null, payload);
    });
}
