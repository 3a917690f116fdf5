import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets sealed with AES-256-GCM for the database, under the key-encryption key from
 * configuration (ADR 0011) or a key derived from it. What the seal belongs to (a signing key's
 * id, a kept answer's key) is authenticated data: a seal moved to another row does not open.
 * Layout: version (1 byte) | IV (12) | tag (16) | ciphertext.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function keyEncryptionKeyFrom(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('the key-encryption key must be 32 bytes');
  return key;
}

/**
 * A key of its own for one purpose, derived from the key-encryption key (HKDF-SHA256, the
 * purpose as its info), so that the key-encryption key itself seals signing keys only and no
 * two purposes share a key. A distinct `purpose` per use, never reused.
 */
export function derivedKey(kek: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), purpose, 32));
}

/** `plain` sealed under `key`, bound to `boundTo` (authenticated, not secret). */
export function seal(plain: Buffer, key: Buffer, boundTo: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

/**
 * What `seal` sealed; undefined when the seal was made under another key, bound to something
 * else, altered, or is not a seal of a known version (the callers say which secret it was).
 */
export function openSeal(sealed: Buffer, key: Buffer, boundTo: string): Buffer | undefined {
  if (!ofKnownVersion(sealed)) return undefined;
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    // Never the cause: it says nothing useful and must not carry key material.
    return undefined;
  }
}

function ofKnownVersion(sealed: Buffer): boolean {
  return sealed.length > 1 + IV_BYTES + TAG_BYTES && sealed[0] === VERSION;
}

/** A signing key's private JWK, sealed under the key-encryption key, bound to its key id. */
export function sealPrivateJwk(jwk: object, kek: Buffer, kid: string): Buffer {
  return seal(Buffer.from(JSON.stringify(jwk), 'utf8'), kek, signingKeyAad(kid));
}

/** Throws when the seal was made under another key, for another kid, or was altered. */
export function openSealedJwk<T = Record<string, unknown>>(
  sealed: Buffer,
  kek: Buffer,
  kid: string,
): T {
  if (!ofKnownVersion(sealed)) {
    throw new Error(`signing key ${kid}: not a sealed key of a known version`);
  }
  const plain = openSeal(sealed, kek, signingKeyAad(kid));
  if (!plain) {
    throw new Error(
      `signing key ${kid} does not open: IDENTITY_KEY_ENCRYPTION_KEY is not the key it was sealed with`,
    );
  }
  return JSON.parse(plain.toString('utf8')) as T;
}

function signingKeyAad(kid: string): string {
  return `satupintu:signing-key:${kid}`;
}
