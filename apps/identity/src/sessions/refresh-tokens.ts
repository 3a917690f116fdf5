import { createHash, randomBytes } from 'node:crypto';

/** Thirty days; each refresh gives a new token with a new thirty days. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

/** 256 random bits, base64url: what the holder keeps. Only its SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

/**
 * SHA-256, not a password hash: the token has 256 bits of entropy, so nothing can be guessed
 * from the hash, and a lookup by it must be fast.
 */
export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
