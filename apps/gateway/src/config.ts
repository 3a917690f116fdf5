import { baseEnv, loadConfig } from '@satupintu/common';
import { makeValidator, port, url } from 'envalid';

/** Where `npm start` serves the gateway, and so the server the committed OpenAPI document names. */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:3000';

// A trailing slash would double the one every path starts with (`https://x//v1/...`).
const publicUrl = makeValidator<string>((value) => {
  if (!URL.canParse(value)) throw new Error('must be a URL');
  const parsed = new URL(value);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error('must be an http:// or https:// URL');
  }
  if (parsed.search || parsed.hash) throw new Error('must have no query or fragment');
  return value.replace(/\/+$/, '');
});

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
