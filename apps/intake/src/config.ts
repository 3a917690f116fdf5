import { baseEnv, loadConfig } from '@satupintu/common';
import { bool, port } from 'envalid';

export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3002 }),
      DEMO_SEED: bool({ default: false, desc: 'load the demo catalog into an empty database' }),
    },
    env,
  );
}

export type IntakeConfig = ReturnType<typeof loadIntakeConfig>;
