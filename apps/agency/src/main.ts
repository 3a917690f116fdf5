import { runMain, startServiceApp } from '@satupintu/common';
import { AgencyModule } from './agency.module';
import { loadAgencyConfig } from './config';

runMain(async () => {
  const config = loadAgencyConfig();
  await startServiceApp({
    name: `agency-${config.AGENCY_CODE.toLowerCase()}`,
    config,
    module: AgencyModule.forRoot(config),
  });
});
