import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** The only routes that take a form body (RFC 6749 wants one); every other takes JSON only. */
export const FORM_ROUTES: ReadonlySet<string> = new Set(['/v1/oauth/token']);

/**
 * `a=1&b=2` as `{a: '1', b: '2'}`; a name given twice becomes a list, for the reader to refuse
 * (RFC 6749 §3.2: parameters must not repeat). Pure.
 */
export function parseForm(body: string): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = Object.create(null) as Record<
    string,
    string | string[]
  >;
  for (const [name, value] of new URLSearchParams(body)) {
    const before = form[name];
    form[name] = before === undefined ? value : [before, value].flat();
  }
  return { ...form };
}

/**
 * Registers the form parser with Fastify (URLSearchParams: no new dependency), for the form
 * routes only: anywhere else a form body stays a 415 as before.
 */
@Injectable()
export class FormBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser(FORM_CONTENT_TYPE)) return;
    fastify.addContentTypeParser(
      FORM_CONTENT_TYPE,
      { parseAs: 'string' },
      (request, body, done) => {
        if (!FORM_ROUTES.has(request.routeOptions.url ?? '')) {
          const refused = Object.assign(new Error(`unsupported ${FORM_CONTENT_TYPE}`), {
            code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
            statusCode: 415,
          });
          done(refused, undefined);
          return;
        }
        done(null, parseForm(body as string));
      },
    );
  }
}
