import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError, sendProblem } from '@satupintu/common';
import type { GatewayConfig } from '../config';
import { bearerChallenge } from '../auth/access.guard';
import { cacheControlFor, corsOptions, secretInUrl, securityHeaders } from './transport-hygiene';

/**
 * Transport hygiene on every request and answer (RFC-level, not per route): CORS for the
 * configured origins only, a 400 for credentials or a NIK in the URL, security headers,
 * `Cache-Control: no-store` and a challenge on every 401 on the way out.
 */
export function applyTransportHygiene(
  app: NestFastifyApplication,
  config: Pick<GatewayConfig, 'PUBLIC_URL' | 'CORS_ORIGINS'>,
): void {
  const https = config.PUBLIC_URL.startsWith('https:');
  app.enableCors(corsOptions(config.CORS_ORIGINS));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    const parameter = secretInUrl(request.url);
    if (parameter)
      return sendProblem(request, reply, new DomainError('secret_in_url', 400, [], { parameter }));
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const path = request.url.split('?')[0];
    void reply.headers(securityHeaders(path, https));
    const cacheControl = cacheControlFor(path, reply.getHeader('cache-control'));
    if (cacheControl) void reply.header('cache-control', cacheControl);
    // RFC 9110 §15.5.2: a 401 carries a challenge, whoever refused (a failed sign-in too).
    if (reply.statusCode === 401 && !reply.getHeader('www-authenticate'))
      void reply.header('www-authenticate', bearerChallenge(false));
    done(null, payload);
  });
}
