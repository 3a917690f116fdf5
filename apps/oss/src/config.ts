import { ConfigError, baseEnv, loadConfig } from '@satupintu/common';
import { isTimeZone } from '@satupintu/domain';
import { num, port, str } from 'envalid';
import { MAX_FILE_ATTEMPTS } from './inbound/file-source';

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
      OSS_FILE_HOSTS: str({
        default: '',
        desc: "comma-separated hosts (host or host:port) receiveFileDS's files may also come from over http or at a private address (OSS's own file server, the fake OSS); any public https host is allowed",
      }),
      OSS_FILE_TIMEOUT_SECONDS: num({
        default: 30,
        desc: 'how long fetching one signed file from OSS may take, all of it',
      }),
      OSS_FILE_ATTEMPTS: num({
        default: MAX_FILE_ATTEMPTS,
        desc: `how often a signed file is tried (fetched, stored, attached) before it is recorded FAILED with the last error; ${MAX_FILE_ATTEMPTS}, the most, is about a day`,
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
  if (!(config.OSS_FILE_TIMEOUT_SECONDS >= 1 && config.OSS_FILE_TIMEOUT_SECONDS <= 600))
    throw new ConfigError('OSS_FILE_TIMEOUT_SECONDS must be between 1 and 600');
  if (
    !Number.isInteger(config.OSS_FILE_ATTEMPTS) ||
    config.OSS_FILE_ATTEMPTS < 1 ||
    config.OSS_FILE_ATTEMPTS > MAX_FILE_ATTEMPTS
  )
    throw new ConfigError(
      `OSS_FILE_ATTEMPTS must be a whole number from 1 to ${MAX_FILE_ATTEMPTS}`,
    );
  const fileHosts = fileHostsOf(config.OSS_FILE_HOSTS);
  return { ...config, fileHosts };
}

/** `OSS_FILE_HOSTS` as lower-case hosts; an entry that is no host (a URL, a path) stops the start. */
export function fileHostsOf(list: string): Set<string> {
  const hosts = list
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  for (const host of hosts) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(`http://${host}`);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.host !== host || parsed.pathname !== '/')
      throw new ConfigError(`OSS_FILE_HOSTS: "${host}" is not a host or host:port`);
  }
  return new Set(hosts);
}

export type OssConfig = ReturnType<typeof loadOssConfig>;
