import {
  ConfigError,
  INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
  baseEnv,
  derivedKey,
  keyEncryptionKey,
  keyEncryptionKeyFrom,
  loadConfig,
} from '@satupintu/common';
import { webhookEnv } from '@satupintu/webhooks';
import { num, port } from 'envalid';

export function loadTrackingConfig(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production';
  const config = loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3003 }),
      TRACKING_KEY_ENCRYPTION_KEY: keyEncryptionKey({
        ...(production ? {} : { default: INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY }),
        desc: "base64 of 32 bytes: tracking's keys (the public lookup's tokens and second factors, the seal of API clients' webhook secrets) derive from it; required in production",
      }),
      ...webhookEnv(production, "API clients'"),
      TRACKING_AT_RISK_SHARE: num({
        default: 0.75,
        desc: 'share of its working days a case has used when it is reported at risk (0 < s < 1)',
      }),
      TRACKING_DEADLINE_SWEEP_MS: num({
        default: 60_000,
        desc: 'milliseconds between two looks for cases that became at risk or overdue (at least 100)',
      }),
    },
    env,
  );
  if (!(config.TRACKING_AT_RISK_SHARE > 0 && config.TRACKING_AT_RISK_SHARE < 1))
    throw new ConfigError('TRACKING_AT_RISK_SHARE must be between 0 and 1 (exclusive)');
  if (!(
    config.TRACKING_DEADLINE_SWEEP_MS >= 100 && config.TRACKING_DEADLINE_SWEEP_MS <= 86_400_000
  ))
    throw new ConfigError('TRACKING_DEADLINE_SWEEP_MS must be between 100 and 86400000');
  const kek = keyEncryptionKeyFrom(config.TRACKING_KEY_ENCRYPTION_KEY);
  return {
    ...config,
    lookupKey: derivedKey(kek, 'satupintu tracking lookup tokens v1'),
    factorKey: derivedKey(kek, 'satupintu tracking lookup factors v1'),
    webhookSecretKey: derivedKey(kek, 'satupintu tracking webhook secrets v1'),
    webhookAnswerKey: derivedKey(kek, 'satupintu tracking idempotency sealed answers v1'),
  };
}

export type TrackingConfig = ReturnType<typeof loadTrackingConfig>;
