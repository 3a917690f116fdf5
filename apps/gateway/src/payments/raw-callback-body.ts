import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** The one route whose JSON body is kept as it arrived: its signature covers the exact bytes. */
export const PAYMENT_CALLBACK_ROUTE = '/v1/agencies/:agencyCode/payments/callback';

const JSON_CONTENT_TYPE = 'application/json';

/**
 * Fastify's own JSON parser everywhere (same limits, same prototype-poisoning refusals), except
 * on the payment callback route, where the body is handed on as the text received: parsing and
 * serializing it again could change a byte (key order, spacing, number forms) and break a
 * genuine signature. The agency parses it, after checking the signature.
 */
@Injectable()
export class RawCallbackBody implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const json = fastify.getDefaultJsonParser('error', 'error');
    fastify.removeContentTypeParser(JSON_CONTENT_TYPE);
    fastify.addContentTypeParser(
      JSON_CONTENT_TYPE,
      { parseAs: 'string' },
      (request, body, done) => {
        if (request.routeOptions.url === PAYMENT_CALLBACK_ROUTE) {
          done(null, body);
          return;
        }
        void json(request, body as string, done);
      },
    );
  }
}
