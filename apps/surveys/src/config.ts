import {
  ConfigError,
  INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
  baseEnv,
  derivedKey,
  keyEncryptionKey,
  keyEncryptionKeyFrom,
  loadConfig,
} from '@satupintu/common';
import { SKM_WEIGHT_RULES, isTimeZone } from '@satupintu/domain';
import { num, port, str } from 'envalid';

export function loadSurveysConfig(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production';
  const config = loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3004 }),
      SKM_WEIGHT_RULE: str({
        choices: SKM_WEIGHT_RULES,
        default: 'EXACT',
        desc: 'weight of each SKM element: EXACT (1/9, PermenPANRB 14/2017), ROUNDED_0_111 or ROUNDED_0_11 (as some offices print it); named on every index and report',
      }),
      MALL_TIME_ZONE: str({
        default: 'Asia/Jakarta',
        desc: 'IANA time zone of the mall: the days SKM periods (quarters, semesters, years) are made of',
      }),
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
  if (!isTimeZone(config.MALL_TIME_ZONE))
    throw new ConfigError(`MALL_TIME_ZONE is not an IANA time zone: ${config.MALL_TIME_ZONE}`);
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
