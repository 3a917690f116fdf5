import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isPiaPath, piaFailureOf } from './pia-problems';

/**
 * A receiveNIB carries what OSS knows of a business: its projects, shareholders and, in the
 * RPTKA, photos in base64 (65,535 characters each), well over the 64 KiB every other JSON body
 * gets. The PIA routes take up to 768 KiB: below NATS's 1 MiB message, which carries the body on
 * to the oss service.
 */
export const PIA_BODY_LIMIT_BYTES = 768 * 1024;

/**
 * The PIA routes' own body limit, set as each route is added (so before the routes are
 * registered), and every problem document answered on them rewritten into the PIA's reply
 * (pia-problems.ts).
 */
export function answerOssInPiaShape(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (isPiaPath(route.url)) route.bodyLimit = PIA_BODY_LIMIT_BYTES;
  });
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
