import {
  ConfigError,
  INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
  derivedKey,
  keyEncryptionKey,
  keyEncryptionKeyFrom,
  loadConfig,
} from '@satupintu/common';
import { webhookEnv } from '@satupintu/webhooks';
import { str } from 'envalid';

/**
 * The status reports' variables (ADR 0031): where OSS is (OSS_BASE_URL, the PIA's
 * `https://api-prd.oss.go.id/v1/kl/rba` in production) and the `user_key` it gave the mall; what
 * the mall is to OSS (`kd_instansi`, its region); the mall's public API (the issued permit's
 * verification link); and the delivery machinery's (ADR 0020). Without OSS_BASE_URL nothing is
 * reported (development without OSS): the reports of that time are not kept for later.
 */
export function loadOssReportsConfig(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production';
  const config = loadConfig(
    {
      OSS_BASE_URL: str({
        default: '',
        desc: "OSS RBA's base URL, the methods under it (production: https://api-prd.oss.go.id/v1/kl/rba); empty: no status reports",
      }),
      OSS_USER_KEY: str({
        default: '',
        desc: 'the user_key OSS gave the mall, sent on every report; required with OSS_BASE_URL',
      }),
      OSS_KD_INSTANSI: str({
        default: '',
        desc: 'kd_instansi of the reports: the mall as OSS registered it (at most 3 characters)',
      }),
      OSS_KD_DAERAH: str({
        default: '',
        desc: "the mall's region code (Kemendagri, 10 digits), for an issued permit whose checklist named none",
      }),
      OSS_PUBLIC_BASE_URL: str({
        default: 'http://127.0.0.1:3000',
        desc: "the mall's public API: an issued permit's file_izin is its verification link there",
      }),
      OSS_KEY_ENCRYPTION_KEY: keyEncryptionKey({
        ...(production ? {} : { default: INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY }),
        desc: 'base64 of 32 bytes: seals what the delivery machinery keeps sealed; required in production',
      }),
      ...webhookEnv(production, "OSS's status reports"),
    },
    env,
  );
  if (config.OSS_BASE_URL && !config.OSS_USER_KEY)
    throw new ConfigError('OSS_USER_KEY is required with OSS_BASE_URL');
  if (config.OSS_USER_KEY.length > 500)
    throw new ConfigError('OSS_USER_KEY is at most 500 characters');
  if (config.OSS_KD_INSTANSI.length > 3)
    throw new ConfigError('OSS_KD_INSTANSI is at most 3 characters (the PIA: String(3))');
  if (config.OSS_KD_DAERAH && !/^\d{10}$/.test(config.OSS_KD_DAERAH))
    throw new ConfigError('OSS_KD_DAERAH is 10 digits (Permendagri 72/2019)');
  const kek = keyEncryptionKeyFrom(config.OSS_KEY_ENCRYPTION_KEY);
  return { ...config, webhookSecretKey: derivedKey(kek, 'satupintu oss report deliveries v1') };
}

export type OssReportsConfig = ReturnType<typeof loadOssReportsConfig>;
