import { runMain, startServiceApp } from '@satupintu/common';
import { loadGatewayConfig } from './config';
import { GatewayModule } from './gateway.module';
import { acceptIdempotencyKeys } from './idempotency/idempotency-key.hook';
import { setUpOpenApi } from './openapi/openapi';

runMain(async () => {
  const config = loadGatewayConfig();
  await startServiceApp({
    name: 'gateway',
    config,
    module: GatewayModule.forRoot(config),
    bodyLimitBytes: 64 * 1024,
    configure: (app) => {
      acceptIdempotencyKeys(app);
      setUpOpenApi(app, config);
    },
  });
});
