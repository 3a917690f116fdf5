import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MAX_VERIFIED_PDF_BYTES } from './output.request';

export const PDF_CONTENT_TYPE = 'application/pdf';

/** The one route that takes a PDF as its body: checking a document against its number. */
export const PDF_ROUTE = { method: 'POST', url: '/v1/verify/:documentNo' } as const;

/**
 * Lets `POST /v1/verify/{documentNo}` take the PDF's bytes as they are (`application/pdf`, up
 * to 10 MiB, the route's own body limit, so a 413 names it); every other route still takes
 * JSON only, a PDF there is a 415. Before the routes are registered: the limit is set as each
 * route is added.
 */
export function acceptPdfBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (route.url === PDF_ROUTE.url && methods.includes(PDF_ROUTE.method)) {
      route.bodyLimit = MAX_VERIFIED_PDF_BYTES;
    }
  });
  fastify.addContentTypeParser(
    PDF_CONTENT_TYPE,
    { parseAs: 'buffer', bodyLimit: MAX_VERIFIED_PDF_BYTES },
    (request, body, done) => {
      if (request.routeOptions.url !== PDF_ROUTE.url) {
        const refused = Object.assign(new Error(`unsupported ${PDF_CONTENT_TYPE}`), {
          code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
          statusCode: 415,
        });
        done(refused, undefined);
        return;
      }
      done(null, body);
    },
  );
}
