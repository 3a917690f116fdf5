import { runMain, startServiceApp } from '@satupintu/common';
import { loadSurveysConfig } from './config';
import { SurveysModule } from './surveys.module';

runMain(async () => {
  const config = loadSurveysConfig();
  await startServiceApp({ name: 'surveys', config, module: SurveysModule.forRoot(config) });
});
