import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { makeValidator } from 'envalid';

/**
 * A signing key's private JWK, sealed with AES-256-GCM under a key-encryption key from
 * configuration (ADR 0011): identity's token keys and each agency's output keys (ADR 0021).
 * The key id is authenticated data: a sealed key moved to another row does not open.
 * Layout: version (1 byte) | IV (12) | tag (16) | ciphertext.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

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

export function keyEncryptionKeyFrom(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('the key-encryption key must be 32 bytes');
  return key;
}

export function sealPrivateJwk(jwk: object, kek: Buffer, kid: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(kid));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(jwk), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
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
  if (sealed.length <= 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
    throw new Error(`signing key ${kid}: not a sealed key of a known version`);
  }
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', kek, iv);
  decipher.setAAD(aad(kid));
  decipher.setAuthTag(tag);
  try {
    const plain = Buffer.concat([
      decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(plain.toString('utf8')) as T;
  } catch {
    // Never the cause: it says nothing useful and must not carry key material.
    throw new Error(
      `signing key ${kid} does not open: ${kekVariable} is not the key it was sealed with`,
    );
  }
}

// Unchanged since identity's first keys: their rows must keep opening.
function aad(kid: string): Buffer {
  return Buffer.from(`satupintu:signing-key:${kid}`, 'utf8');
}
