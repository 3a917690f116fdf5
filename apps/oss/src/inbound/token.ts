import { localDateOf } from '@satupintu/domain';
import { createHash, timingSafeEqual } from 'node:crypto';

export interface OssCredentials {
  username: string;
  password: string;
  /** The zone of the Token's date; the PIA names none, and OSS runs on WIB (Asia/Jakarta). */
  timeZone: string;
}

/** `Ymd` as PHP writes it (the PIA's notation): `20180514`, the local date in `timeZone`. */
export function ymdOf(instant: Date, timeZone: string): string {
  return localDateOf(instant, timeZone).replaceAll('-', '');
}

/**
 * The PIA's Token for a call from OSS: `SHA1(USERNAME + PASSWORD + NIB + DATE(Ymd))`, as
 * lower-case hex (PHP's `sha1()`).
 */
export function ossToken(credentials: OssCredentials, nib: string, instant: Date): string {
  const { username, password, timeZone } = credentials;
  return createHash('sha1')
    .update(`${username}${password}${nib}${ymdOf(instant, timeZone)}`, 'utf8')
    .digest('hex');
}

const SHA1_HEX = /^[0-9a-fA-F]{40}$/;

/**
 * Whether `offered` is the Token for this NIB today. The 20 bytes are compared in constant time;
 * that a token is 40 hex digits is no secret, so anything else is refused at once. Without
 * configured credentials nothing matches: an empty user name and password would make the token
 * anyone's to compute.
 */
export function tokenMatches(
  credentials: OssCredentials,
  nib: string,
  offered: string | undefined,
  now: Date,
): boolean {
  if (!credentials.username || !credentials.password) return false;
  if (offered === undefined || !SHA1_HEX.test(offered)) return false;
  const expected = Buffer.from(ossToken(credentials, nib, now), 'hex');
  return timingSafeEqual(expected, Buffer.from(offered, 'hex'));
}
