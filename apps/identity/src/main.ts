import { runMain, startServiceApp } from '@satupintu/common';
import { loadIdentityConfig } from './config';
import { IdentityModule } from './identity.module';

runMain(async () => {
  const config = loadIdentityConfig();
  await startServiceApp({ name: 'identity', config, module: IdentityModule.forRoot(config) });
});
