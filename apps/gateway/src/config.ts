import { baseEnv, loadConfig, publicUrl } from '@satupintu/common';
import { port, url } from 'envalid';

/** Where `npm start` serves the gateway, and so the server the committed OpenAPI document names. */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:3000';

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...baseEnv,
      // The gateway keeps no business data: it has no database of its own.
      DATABASE_URL: url({ default: 'postgres://unused@127.0.0.1:5432' }),
      HTTP_PORT: port({ default: 3000 }),
      PUBLIC_URL: publicUrl({
        default: DEFAULT_PUBLIC_URL,
        desc: 'the URL clients reach the gateway at: the server named in the OpenAPI document',
      }),
    },
    env,
  );
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
