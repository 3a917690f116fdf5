import { runMain, startServiceApp } from '@satupintu/common';
import { RequestServer } from '@satupintu/messaging';
import { loadQueueConfig } from './config';
import { QueueModule } from './queue.module';

runMain(async () => {
  const config = loadQueueConfig();
  await startServiceApp({
    name: 'queue',
    config,
    module: QueueModule.forRoot(config),
    rpc: new RequestServer({ url: config.NATS_URL, namespace: config.SP_NAMESPACE, name: 'queue' }),
  });
});
