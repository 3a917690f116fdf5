import { runMain, startServiceApp } from '@satupintu/common';
import { RequestServer } from '@satupintu/messaging';
import { AgencyModule } from './agency.module';
import { loadAgencyConfig } from './config';

runMain(async () => {
  const config = loadAgencyConfig();
  const name = `agency-${config.AGENCY_CODE.toLowerCase()}`;
  await startServiceApp({
    name,
    config,
    module: AgencyModule.forRoot(config),
    // Requests for this agency only: its code ends their subjects, its replicas share them.
    rpc: new RequestServer({
      url: config.NATS_URL,
      namespace: config.SP_NAMESPACE,
      name,
      routingToken: config.AGENCY_CODE,
    }),
  });
});
