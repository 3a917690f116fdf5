import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A secret kept in a database but not readable from it (ADR 0011): sealed with AES-256-GCM under
 * a key-encryption key the deployment gives the service. `context` is authenticated data (say,
 * the row's id): a seal copied to another row does not open. A random IV per seal, and a version
 * byte for a later change of scheme. Layout: version (1 byte) | IV (12) | tag (16) | ciphertext.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Why a seal did not open. Never carries the cause: it would say nothing useful, or leak. */
export class SealError extends Error {
  constructor(readonly reason: 'unknown-version' | 'does-not-open') {
    super(
      reason === 'unknown-version' ? 'not a seal of a known version' : 'the seal does not open',
    );
    this.name = 'SealError';
  }
}

/** A key-encryption key from configuration: 32 bytes in base64 (`openssl rand -base64 32`). */
export function keyEncryptionKeyFrom(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('the key-encryption key must be 32 bytes');
  return key;
}

/**
 * A key of its own for one purpose, derived from a key-encryption key (HKDF-SHA256, the purpose
 * as its info), so that no two purposes share a key and the key-encryption key itself keeps its
 * one use. A distinct `purpose` per use, never reused.
 */
export function derivedKey(kek: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), purpose, 32));
}

export function seal(plain: Buffer | string, kek: Buffer, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([
    cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain),
    cipher.final(),
  ]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

/** Throws a `SealError` when the seal was made under another key, for another context, or altered. */
export function openSeal(sealed: Buffer, kek: Buffer, context: string): Buffer {
  if (sealed.length <= 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
    throw new SealError('unknown-version');
  }
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', kek, iv);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new SealError('does-not-open');
  }
}
