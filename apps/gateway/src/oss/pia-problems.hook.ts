import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isPiaPath, piaFailureOf } from './pia-problems';

/** Rewrites every problem document answered on `/v1/oss/` into the PIA's reply (pia-problems.ts). */
export function answerOssInPiaShape(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const path = request.url.split('?')[0] ?? '';
    const type = String(reply.getHeader('content-type') ?? '');
    if (!isPiaPath(path) || !type.startsWith('application/problem+json')) {
      done(null, payload);
      return;
    }
    let problem: unknown;
    try {
      problem = JSON.parse(typeof payload === 'string' ? payload : String(payload));
    } catch {
      problem = undefined;
    }
    void reply.header('content-type', 'application/json; charset=utf-8');
    reply.removeHeader('content-length');
    done(null, JSON.stringify(piaFailureOf(path, reply.statusCode, problem)));
  });
}
