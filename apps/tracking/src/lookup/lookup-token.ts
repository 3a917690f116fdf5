import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * What the public lookup hands out once the second factor was right: a short-lived, signed
 * permission to read one case's public timeline and its live stream. A browser's EventSource
 * cannot send a body or headers, so it goes in the stream's query string, in place of the birth
 * date or NIB, which never does.
 *
 * `<trackingNo>.<expires, unix seconds>.<HMAC-SHA256 of both, base64url>`: tracking signs and
 * checks it with its own key; nobody else needs to read it.
 */
export const LOOKUP_TOKEN_PATTERN = /^[0-9A-Z]{9}\.\d{10}\.[A-Za-z0-9_-]{43}$/;
export const LOOKUP_TOKEN_MAX_LENGTH = 64;
export const LOOKUP_TOKEN_SECONDS = 15 * 60;

function signature(key: Buffer | KeyObject, trackingNo: string, expires: number): string {
  return createHmac('sha256', key).update(`lookup:${trackingNo}.${expires}`).digest('base64url');
}

export function issueLookupToken(
  key: Buffer | KeyObject,
  trackingNo: string,
  now = Date.now(),
): string {
  const expires = Math.floor(now / 1000) + LOOKUP_TOKEN_SECONDS;
  return `${trackingNo}.${expires}.${signature(key, trackingNo, expires)}`;
}

/** True only for an unexpired token this key signed for exactly this tracking number. */
export function lookupTokenAllows(
  key: Buffer,
  token: string,
  trackingNo: string,
  now = Date.now(),
): boolean {
  if (!LOOKUP_TOKEN_PATTERN.test(token)) return false;
  const [number, expiresText, mac] = token.split('.');
  const expires = Number(expiresText);
  if (number !== trackingNo || expires * 1000 <= now) return false;
  const expected = Buffer.from(signature(key, number, expires));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** When a token `lookupTokenAllows` stops allowing anything. */
export function lookupTokenExpiry(token: string): Date {
  return new Date(Number(token.split('.')[1]) * 1000);
}
