import { cleanEnv, num, port, str, url, type CleanedEnv, type ValidatorSpec } from 'envalid';

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

/** Variables every SatuPintu service reads. */
export const baseEnv = {
  DATABASE_URL: url({
    default: 'postgres://postgres@127.0.0.1:5432',
    desc: 'PostgreSQL server URL; each service uses its own database on it',
  }),
  DB_PREFIX: str({ default: 'satupintu', desc: 'prefix of every database name' }),
  NATS_URL: str({ default: 'nats://127.0.0.1:4222', desc: 'NATS server(s), comma-separated' }),
  SP_NAMESPACE: str({
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
};

export type BaseConfig = CleanedEnv<typeof baseEnv>;
