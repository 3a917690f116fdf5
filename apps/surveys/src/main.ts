import { runMain, startServiceApp } from '@satupintu/common';
import { RequestServer } from '@satupintu/messaging';
import { loadSurveysConfig } from './config';
import { SurveysModule } from './surveys.module';

runMain(async () => {
  const config = loadSurveysConfig();
  await startServiceApp({
    name: 'surveys',
    config,
    module: SurveysModule.forRoot(config),
    rpc: new RequestServer({
      url: config.NATS_URL,
      namespace: config.SP_NAMESPACE,
      name: 'surveys',
    }),
  });
});
