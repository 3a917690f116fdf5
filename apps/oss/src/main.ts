import { runMain, startServiceApp } from '@satupintu/common';
import { RequestServer } from '@satupintu/messaging';
import { loadOssConfig } from './config';
import { OssModule } from './oss.module';

runMain(async () => {
  const config = loadOssConfig();
  await startServiceApp({
    name: 'oss',
    config,
    module: OssModule.forRoot(config),
    rpc: new RequestServer({ url: config.NATS_URL, namespace: config.SP_NAMESPACE, name: 'oss' }),
  });
});
