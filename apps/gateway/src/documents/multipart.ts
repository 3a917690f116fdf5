import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError, sendProblem } from '@satupintu/common';
import { MAX_DOCUMENT_BYTES } from '@satupintu/contracts';

/** The one route that takes `multipart/form-data`. */
export const UPLOAD_ROUTE = '/v1/documents';

/**
 * Lets `POST /v1/documents` stream a multipart body. The plugin does not read the body before
 * the handler does, so the JSON body limit (64 KiB) does not apply to it; its own limits do,
 * while the bytes arrive: one file of at most 10 MiB, a few small fields. Every other route
 * still takes JSON only: multipart there is a 415, as before.
 */
export async function acceptDocumentUploads(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: {
      // One byte over: the parser hands it on and `UploadMeter` refuses the upload at once. At
      // exactly the limit the parser would only mark the file truncated and go on reading, to
      // the end of the part, before anyone could answer.
      fileSize: MAX_DOCUMENT_BYTES + 1,
      files: 1,
      fields: 4,
      fieldSize: 1024,
      parts: 5,
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', (request, reply, done) => {
      if (!request.isMultipart() || request.routeOptions.url === UPLOAD_ROUTE) return done();
      sendProblem(request, reply, new DomainError('unsupported_media_type', 415));
    });
}
