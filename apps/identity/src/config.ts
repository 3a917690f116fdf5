import { baseEnv, loadConfig } from '@satupintu/common';
import { bool, port, str } from 'envalid';

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3001 }),
      DEMO_SEED: bool({ default: false, desc: 'load the demo accounts into an empty database' }),
      NODE_ENV: str({
        choices: ['development', 'production', 'test'],
        default: 'production',
        desc: 'development: the log notifier shows one-time codes (masked anywhere else)',
      }),
    },
    env,
  );
}

export type IdentityConfig = ReturnType<typeof loadIdentityConfig>;
