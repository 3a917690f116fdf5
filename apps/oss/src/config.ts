import { ConfigError, baseEnv, loadConfig } from '@satupintu/common';
import { isTimeZone } from '@satupintu/domain';
import { port, str } from 'envalid';

/**
 * OSS_USERNAME and OSS_PASSWORD are the credentials OSS and the mall agreed on: OSS proves each
 * call with `Token = SHA1(USERNAME + PASSWORD + NIB + Ymd)` (PIA v4.3.22, header.md). Without
 * them, in development, every inbound call is refused rather than accepted with a guessable
 * default.
 */
export function loadOssConfig(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production';
  const config = loadConfig(
    {
      ...baseEnv,
      HTTP_PORT: port({ default: 3005 }),
      OSS_USERNAME: str({
        ...(production ? {} : { default: '' }),
        desc: "the user name OSS and the mall agreed on, the first part of the PIA's Token; required in production",
      }),
      OSS_PASSWORD: str({
        ...(production ? {} : { default: '' }),
        desc: "the password OSS and the mall agreed on, the second part of the PIA's Token; required in production",
      }),
      OSS_TIME_ZONE: str({
        default: 'Asia/Jakarta',
        desc: "the time zone of the Token's date (Ymd): the PIA's WIB unless OSS says otherwise",
      }),
      OSS_PERMIT_MAP: str({
        default: '',
        desc: 'path to a JSON file of OSS permits (kd_izin, optionally with KBLI) to catalog service codes; empty: the built-in demo map',
      }),
    },
    env,
  );
  if (config.OSS_USERNAME.length > 200 || config.OSS_PASSWORD.length > 200)
    throw new ConfigError('OSS_USERNAME and OSS_PASSWORD are at most 200 characters');
  if (!isTimeZone(config.OSS_TIME_ZONE))
    throw new ConfigError(
      `OSS_TIME_ZONE must be an IANA time zone (got "${config.OSS_TIME_ZONE}")`,
    );
  return config;
}

export type OssConfig = ReturnType<typeof loadOssConfig>;
