import { runMain, startServiceApp } from '@satupintu/common';
import { loadTrackingConfig } from './config';
import { TrackingModule } from './tracking.module';

runMain(async () => {
  const config = loadTrackingConfig();
  await startServiceApp({
    name: 'tracking',
    config,
    module: TrackingModule.forRoot(config),
    rpc: true,
  });
});
