import { baseEnv, loadConfig } from '@satupintu/common';
import { bool, num, port } from 'envalid';

export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3002 }),
      DEMO_SEED: bool({ default: false, desc: 'load the demo catalog into an empty database' }),
      DOCUMENT_ABANDONED_AFTER_SECONDS: num({
        default: 24 * 60 * 60,
        desc: 'an uploaded document attached to no application, or stored bytes never registered, this long is removed',
      }),
      DOCUMENT_SWEEP_INTERVAL_SECONDS: num({
        default: 60 * 60,
        desc: 'how often intake looks for abandoned uploads',
      }),
    },
    env,
  );
}

export type IntakeConfig = ReturnType<typeof loadIntakeConfig>;
