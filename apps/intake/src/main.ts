import { runMain, startServiceApp } from '@satupintu/common';
import { RequestServer } from '@satupintu/messaging';
import { loadIntakeConfig } from './config';
import { IntakeModule } from './intake.module';

runMain(async () => {
  const config = loadIntakeConfig();
  await startServiceApp({
    name: 'intake',
    config,
    module: IntakeModule.forRoot(config),
    rpc: new RequestServer({
      url: config.NATS_URL,
      namespace: config.SP_NAMESPACE,
      name: 'intake',
    }),
  });
});
