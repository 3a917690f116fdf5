import { runMain, startServiceApp } from '@satupintu/common';
import { loadIntakeConfig } from './config';
import { IntakeModule } from './intake.module';

runMain(async () => {
  const config = loadIntakeConfig();
  await startServiceApp({
    name: 'intake',
    config,
    module: IntakeModule.forRoot(config),
    rpc: true,
  });
});
