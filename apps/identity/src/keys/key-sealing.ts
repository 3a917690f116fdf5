import { SealError, openSeal, seal } from '@satupintu/common';

export { keyEncryptionKeyFrom } from '@satupintu/common';

/**
 * A signing key's private JWK, sealed under the key-encryption key from configuration
 * (ADR 0011, `seal` in libs/common). The key id is authenticated data: a sealed key moved to
 * another row does not open.
 */
export function sealPrivateJwk(jwk: object, kek: Buffer, kid: string): Buffer {
  return seal(JSON.stringify(jwk), kek, aad(kid));
}

/** Throws when the seal was made under another key, for another kid, or was altered. */
export function openSealedJwk<T = Record<string, unknown>>(
  sealed: Buffer,
  kek: Buffer,
  kid: string,
): T {
  try {
    return JSON.parse(openSeal(sealed, kek, aad(kid)).toString('utf8')) as T;
  } catch (error) {
    if (error instanceof SealError && error.reason === 'unknown-version') {
      throw new Error(`signing key ${kid}: not a sealed key of a known version`, { cause: error });
    }
    throw new Error(
      `signing key ${kid} does not open: IDENTITY_KEY_ENCRYPTION_KEY is not the key it was sealed with`,
      // A SealError says no more than this, and carries no key material.
      { cause: error },
    );
  }
}

function aad(kid: string): string {
  return `satupintu:signing-key:${kid}`;
}
