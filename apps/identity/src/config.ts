import { DEFAULT_PUBLIC_URL, baseEnv, loadConfig, publicUrl } from '@satupintu/common';
import { bool, makeValidator, port, str } from 'envalid';

/**
 * The key that seals the signing keys' private halves in the database (ADR 0011), when
 * NODE_ENV is not `production`: known to everyone who reads this file, so it protects nothing.
 * In production the variable is required.
 */
export const INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY =
  'c2F0dXBpbnR1LWRldi1vbmx5LWluc2VjdXJlLWtlayE=';

const keyEncryptionKey = makeValidator<string>((value) => {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(value) || Buffer.from(value, 'base64').length !== 32) {
    throw new Error('must be 32 random bytes in base64 (openssl rand -base64 32)');
  }
  return value;
});

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production';
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
      PUBLIC_URL: publicUrl({
        default: DEFAULT_PUBLIC_URL,
        desc: "the gateway's PUBLIC_URL: the issuer (`iss`) of every access token",
      }),
      IDENTITY_KEY_ENCRYPTION_KEY: keyEncryptionKey({
        ...(production ? {} : { default: INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY }),
        desc: 'AES-256 key (base64 of 32 bytes) sealing the signing keys in the database; required in production',
      }),
    },
    env,
  );
}

export type IdentityConfig = ReturnType<typeof loadIdentityConfig>;
