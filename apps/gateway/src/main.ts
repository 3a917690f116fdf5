import { runMain, startServiceApp } from '@satupintu/common';
import { JwksCache } from './auth/jwks-cache';
import { loadGatewayConfig } from './config';
import { acceptDocumentUploads } from './documents/multipart';
import { GatewayModule } from './gateway.module';
import { acceptIdempotencyKeys } from './idempotency/idempotency-key.hook';
import { answerOssInPiaShape } from './oss/pia-problems.hook';
import { acceptPdfBodies } from './outputs/pdf-body';
import { setUpOpenApi } from './openapi/openapi';
import { applyTransportHygiene } from './transport/transport.hooks';

runMain(async () => {
  const config = loadGatewayConfig();
  await startServiceApp({
    name: 'gateway',
    config,
    module: GatewayModule.forRoot(config),
    bodyLimitBytes: 64 * 1024,
    configure: async (app, logger) => {
      if (config.BENCH_UNVERIFIED_TOKENS)
        logger.warn('BENCH_UNVERIFIED_TOKENS: access tokens are believed unchecked (bench only)');
      applyTransportHygiene(app, config);
      acceptIdempotencyKeys(app);
      answerOssInPiaShape(app);
      await acceptDocumentUploads(app);
      acceptPdfBodies(app);
      setUpOpenApi(app, config);
      // Identity's public keys, asked for now and on a timer; the gateway does not wait for them.
      app.get(JwksCache).start();
    },
  });
});
