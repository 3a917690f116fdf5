import { baseEnv, loadConfig } from '@satupintu/common';
import { port, url } from 'envalid';

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...baseEnv,
      // The gateway keeps no business data: it has no database of its own.
      DATABASE_URL: url({ default: 'postgres://unused@127.0.0.1:5432' }),
      HTTP_PORT: port({ default: 3000 }),
    },
    env,
  );
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
