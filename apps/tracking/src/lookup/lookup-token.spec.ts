import {
  issueLookupToken,
  lookupTokenAllows,
  lookupTokenExpiry,
  LOOKUP_TOKEN_PATTERN,
} from './lookup-token';

const key = Buffer.alloc(32, 7);
const now = Date.parse('2026-12-03T05:00:00Z');

describe('lookup tokens', () => {
  it('allows the tracking number it was issued for, until it expires', () => {
    const token = issueLookupToken(key, 'K7M39QX2C', now);
    expect(token).toMatch(LOOKUP_TOKEN_PATTERN);
    expect(lookupTokenAllows(key, token, 'K7M39QX2C', now + 14 * 60_000)).toBe(true);
    expect(lookupTokenAllows(key, token, 'K7M39QX2C', now + 15 * 60_000)).toBe(false);
  });

  it('allows no other number, no other key, and nothing altered', () => {
    const token = issueLookupToken(key, 'K7M39QX2C', now);
    expect(lookupTokenAllows(key, token, 'K7M39QX2D', now)).toBe(false);
    expect(lookupTokenAllows(Buffer.alloc(32, 8), token, 'K7M39QX2C', now)).toBe(false);
    const [number, expires, mac] = token.split('.');
    const later = `${number}.${Number(expires) + 3600}.${mac}`;
    expect(lookupTokenAllows(key, later, 'K7M39QX2C', now)).toBe(false);
    expect(lookupTokenAllows(key, `${token}x`, 'K7M39QX2C', now)).toBe(false);
    expect(lookupTokenAllows(key, '', 'K7M39QX2C', now)).toBe(false);
  });

  it('tells when it stops allowing: the live stream ends then', () => {
    const token = issueLookupToken(key, 'K7M39QX2C', now);
    const expiry = lookupTokenExpiry(token).getTime();
    expect(expiry).toBe(now + 15 * 60_000);
    expect(lookupTokenAllows(key, token, 'K7M39QX2C', expiry - 1)).toBe(true);
    expect(lookupTokenAllows(key, token, 'K7M39QX2C', expiry)).toBe(false);
  });
});
