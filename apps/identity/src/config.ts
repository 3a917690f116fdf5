import {
  DEFAULT_PUBLIC_URL,
  INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
  baseEnv,
  keyEncryptionKey,
  loadConfig,
  publicUrl,
} from '@satupintu/common';
import { bool, port, str } from 'envalid';

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
