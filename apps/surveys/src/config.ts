import {
  ConfigError,
  INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
  baseEnv,
  derivedKey,
  keyEncryptionKey,
  keyEncryptionKeyFrom,
  loadConfig,
} from '@satupintu/common';
import { num, port } from 'envalid';

export function loadSurveysConfig(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production';
  const config = loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3004 }),
      SURVEYS_KEY_ENCRYPTION_KEY: keyEncryptionKey({
        ...(production ? {} : { default: INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY }),
        desc: "base64 of 32 bytes: the seal of a complaint's follow secret in a kept Idempotency-Key answer derives from it; required in production",
      }),
      SURVEYS_COMPLAINT_SWEEP_MS: num({
        default: 60_000,
        desc: 'milliseconds between two looks for complaints past a deadline (escalated) or due to close (at least 100)',
      }),
    },
    env,
  );
  if (!(
    config.SURVEYS_COMPLAINT_SWEEP_MS >= 100 && config.SURVEYS_COMPLAINT_SWEEP_MS <= 86_400_000
  ))
    throw new ConfigError('SURVEYS_COMPLAINT_SWEEP_MS must be between 100 and 86400000');
  const kek = keyEncryptionKeyFrom(config.SURVEYS_KEY_ENCRYPTION_KEY);
  return {
    ...config,
    complaintAnswerKey: derivedKey(kek, 'satupintu surveys idempotency sealed answers v1'),
  };
}

export type SurveysConfig = ReturnType<typeof loadSurveysConfig>;
