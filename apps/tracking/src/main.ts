import { runMain, startServiceApp } from '@satupintu/common';
import { RequestServer } from '@satupintu/messaging';
import { loadTrackingConfig } from './config';
import { TrackingModule } from './tracking.module';

runMain(async () => {
  const config = loadTrackingConfig();
  await startServiceApp({
    name: 'tracking',
    config,
    module: TrackingModule.forRoot(config),
    rpc: new RequestServer({
      url: config.NATS_URL,
      namespace: config.SP_NAMESPACE,
      name: 'tracking',
    }),
  });
});
