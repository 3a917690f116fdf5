import { runMain, startServiceApp } from '@satupintu/common';
import { RequestServer } from '@satupintu/messaging';
import { loadIdentityConfig } from './config';
import { IdentityModule } from './identity.module';

runMain(async () => {
  const config = loadIdentityConfig();
  await startServiceApp({
    name: 'identity',
    config,
    module: IdentityModule.forRoot(config),
    rpc: new RequestServer({
      url: config.NATS_URL,
      namespace: config.SP_NAMESPACE,
      name: 'identity',
    }),
  });
});
