import { ConfigError, DEFAULT_PUBLIC_URL, baseEnv, loadConfig, publicUrl } from '@satupintu/common';
import { bool, makeValidator, num, port, url } from 'envalid';

// `https://a.example,https://b.example`: each an origin exactly (scheme, host, port; no path).
const origins = makeValidator<string[]>((value) => {
  const list = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin)
      throw new Error(`not an origin (scheme://host[:port]): ${origin}`);
  }
  return list;
});

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(
    {
      ...baseEnv,
      // The gateway keeps no business data: it has no database of its own.
      DATABASE_URL: url({ default: 'postgres://unused@127.0.0.1:5432' }),
      HTTP_PORT: port({ default: 3000 }),
      PUBLIC_URL: publicUrl({
        default: DEFAULT_PUBLIC_URL,
        desc: 'the URL clients reach the gateway at: the server named in the OpenAPI document, and the `iss` of every access token it accepts',
      }),
      JWKS_REFRESH_SECONDS: num({
        default: 300,
        desc: "how often the gateway asks identity for its public keys again (besides on a token's unknown `kid`)",
      }),
      JWKS_MIN_REFRESH_MS: num({
        default: 5000,
        desc: 'the least time between two JWKS requests an unknown `kid` may cause: forged kids cannot flood identity',
      }),
      RATE_LIMIT_WINDOW_SECONDS: num({
        default: 60,
        desc: 'length of the fixed window every rate limit counts in',
      }),
      RATE_LIMIT_PER_CALLER: num({
        default: 300,
        desc: 'requests per window for one caller (its IP when anonymous, its subject or client id otherwise) on any route',
      }),
      RATE_LIMIT_SIGN_IN: num({
        default: 10,
        desc: 'requests per window from one IP to POST /v1/auth/login and POST /v1/oauth/token',
      }),
      RATE_LIMIT_LOOKUP: num({
        default: 20,
        desc: 'requests per window from one IP to the public lookup, POST /v1/lookups',
      }),
      RATE_LIMIT_LOOKUP_PER_NUMBER: num({
        default: 5,
        desc: 'lookups per window of one tracking number, from any IP: bounds guessing one case’s birth date from many addresses',
      }),
      CORS_ORIGINS: origins({
        default: [],
        desc: 'browser origins allowed to call the API (comma-separated, e.g. https://portal.example.go.id); none by default',
      }),
      LIVE_HEARTBEAT_MS: num({
        default: 15_000,
        desc: 'how often an idle live stream (GET /v1/applications/{trackingNo}/events) sends a heartbeat comment',
      }),
      LIVE_STREAMS_MAX: num({
        default: 2000,
        desc: 'live streams one gateway holds open at once; past it, 503 with Retry-After',
      }),
      LIVE_STREAMS_PER_CALLER: num({
        default: 5,
        desc: 'live streams one caller (its subject or client id, its IP when anonymous) holds open at once; past it, 429',
      }),
      BENCH_UNVERIFIED_TOKENS: bool({
        default: false,
        desc: 'bench only: believe access tokens without checking them, the baseline of what verification costs; refused with NODE_ENV=production',
      }),
    },
    env,
  );
  for (const name of ['LIVE_HEARTBEAT_MS', 'LIVE_STREAMS_MAX', 'LIVE_STREAMS_PER_CALLER'] as const)
    if (!(Number.isInteger(config[name]) && config[name] >= 1))
      throw new ConfigError(`${name} must be a whole number of at least 1`);
  if (config.BENCH_UNVERIFIED_TOKENS && env.NODE_ENV === 'production')
    throw new ConfigError(
      'BENCH_UNVERIFIED_TOKENS: never with NODE_ENV=production (tokens would not be checked)',
    );
  return config;
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
