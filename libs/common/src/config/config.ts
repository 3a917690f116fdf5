import {
  cleanEnv,
  makeValidator,
  num,
  port,
  str,
  url,
  type CleanedEnv,
  type ValidatorSpec,
} from 'envalid';

/** Raised at start-up when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {}

export type EnvSpec = { [key: string]: ValidatorSpec<unknown> };

/**
 * Validates the environment once at start-up. A missing or malformed variable stops the
 * service with a message that names it, instead of failing later on the first request.
 */
export function loadConfig<S extends EnvSpec>(
  spec: S,
  env: NodeJS.ProcessEnv = process.env,
): CleanedEnv<S> {
  return cleanEnv(env, spec, {
    reporter: ({ errors }) => {
      const bad = Object.entries(errors);
      if (bad.length === 0) return;
      const lines = bad.map(([name, err]) => `  ${name}: ${(err as Error).message}`);
      throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
    },
  });
}

// Lower case and no '_': stream names are `<NAMESPACE>_<STREAM>` upper-cased, so two namespaces
// can neither map to the same streams nor one be a prefix of the other's.
export const NAMESPACE_PATTERN = /^[a-z0-9-]{1,32}$/;
export const NAMESPACE_RULE = "must be 1–32 lower-case letters, digits or '-'";

const namespace = makeValidator<string>((value) => {
  if (!NAMESPACE_PATTERN.test(value)) throw new Error(NAMESPACE_RULE);
  return value;
});

const poolSize = makeValidator<number>((value) => {
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 100)
    throw new Error('must be a whole number from 1 to 100');
  return size;
});

/** A code that becomes a NATS subject token (agency codes): no dots, wildcards or spaces. */
export const SUBJECT_TOKEN_PATTERN = /^[A-Z0-9-]{2,32}$/;

/** Variables every SatuPintu service reads. */
export const baseEnv = {
  DATABASE_URL: url({
    default: 'postgres://postgres@127.0.0.1:5432',
    desc: 'PostgreSQL server URL; each service uses its own database on it',
  }),
  DB_PREFIX: str({ default: 'satupintu', desc: 'prefix of every database name' }),
  NATS_URL: str({ default: 'nats://127.0.0.1:4222', desc: 'NATS server(s), comma-separated' }),
  SP_NAMESPACE: namespace({
    default: 'sp',
    desc: 'prefix of every NATS subject and JetStream stream, so deployments never share them',
  }),
  HTTP_HOST: str({ default: '127.0.0.1' }),
  HTTP_PORT: port({ desc: 'port of this service (health, metrics, REST)' }),
  LOG_LEVEL: str({
    default: 'info',
    choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
  }),
  NATS_REQUEST_TIMEOUT_MS: num({ default: 5000 }),
  DB_POOL_MAX: poolSize({
    default: 20,
    desc:
      'connections this service may hold to PostgreSQL (1–100); every service and agency together ' +
      'must stay under the server’s max_connections',
  }),
};

export type BaseConfig = CleanedEnv<typeof baseEnv>;

/**
 * Where `npm start` serves the gateway: the default `PUBLIC_URL` of the gateway (the server its
 * OpenAPI document names) and of identity (the `iss` of every access token, which the gateway
 * checks), so the two agree unless a deployment sets both.
 */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:3000';

/**
 * An http(s) URL without query or fragment, its trailing slashes cut: a base that paths are
 * appended to (a trailing slash would double the one every path starts with, `https://x//v1`).
 */
export const publicUrl = makeValidator<string>((value) => {
  if (!URL.canParse(value)) throw new Error('must be a URL');
  const parsed = new URL(value);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error('must be an http:// or https:// URL');
  }
  if (parsed.search || parsed.hash) throw new Error('must have no query or fragment');
  return value.replace(/\/+$/, '');
});
