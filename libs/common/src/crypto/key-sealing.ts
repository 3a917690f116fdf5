import { makeValidator } from 'envalid';
import { SealError, openSeal, seal } from '../sealing/sealing';

/**
 * A signing key's private JWK, sealed (`seal`, AES-256-GCM) under a key-encryption key from
 * configuration (ADR 0011): identity's token keys and each agency's output keys (ADR 0021).
 * The key id is authenticated data: a sealed key moved to another row does not open.
 */

/**
 * The key-encryption key when NODE_ENV is not `production`: known to everyone who reads this
 * file, so it protects nothing. In production each service's variable is required.
 */
export const INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY =
  'c2F0dXBpbnR1LWRldi1vbmx5LWluc2VjdXJlLWtlayE=';

/** A configuration variable holding a key-encryption key: 32 bytes in base64. */
export const keyEncryptionKey = makeValidator<string>((value) => {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(value) || Buffer.from(value, 'base64').length !== 32) {
    throw new Error('must be 32 random bytes in base64 (openssl rand -base64 32)');
  }
  return value;
});

export function sealPrivateJwk(jwk: object, kek: Buffer, kid: string): Buffer {
  return seal(JSON.stringify(jwk), kek, aad(kid));
}

/**
 * Throws when the seal was made under another key, for another kid, or was altered.
 * `kekVariable` names the configuration variable in that error, so an operator knows which
 * one is wrong.
 */
export function openSealedJwk<T = Record<string, unknown>>(
  sealed: Buffer,
  kek: Buffer,
  kid: string,
  kekVariable = 'the key-encryption key',
): T {
  let plain: Buffer;
  try {
    plain = openSeal(sealed, kek, aad(kid));
  } catch (error) {
    // A SealError says no more than these messages, and carries no key material.
    if (error instanceof SealError && error.reason === 'unknown-version')
      throw new Error(`signing key ${kid}: not a sealed key of a known version`, { cause: error });
    throw new Error(
      `signing key ${kid} does not open: ${kekVariable} is not the key it was sealed with`,
      { cause: error },
    );
  }
  return JSON.parse(plain.toString('utf8')) as T;
}

// Unchanged since identity's first keys: their rows must keep opening.
function aad(kid: string): string {
  return `satupintu:signing-key:${kid}`;
}
