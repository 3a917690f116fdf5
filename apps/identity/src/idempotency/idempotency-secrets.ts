import { derivedKey } from '@satupintu/common';
import { sealingField, type AnswerSealing } from '@satupintu/messaging';
import { createHmac } from 'node:crypto';

/**
 * Each purpose its own key, derived from the key-encryption key (never the key-encryption key
 * itself, which seals the signing keys). A new label is a new key: changing one forgets what
 * was kept under the old one (24 hours of idempotency keys).
 */
export const IDEMPOTENCY_KEY_PURPOSES = {
  /** Keyed hashes of the secrets in a request, in place of the secrets in its fingerprint. */
  fingerprint: 'satupintu identity: idempotency fingerprint secrets v1',
  /** The scope of an anonymous caller's keys. */
  anonymousScope: 'satupintu identity: idempotency anonymous scope v1',
  /** Secrets in the answers kept under a key. */
  sealedAnswer: 'satupintu identity: idempotency sealed answers v1',
} as const;

/** HMAC-SHA256 of `value` under `key`, base64url. */
function keyedHash(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}

/**
 * The payload to fingerprint, with each named secret replaced by its HMAC-SHA256 under `key`:
 * the same secret keeps the same stand-in, so another password under the same key is another
 * request (422), while the fingerprint kept in the database is no fast unkeyed hash of the
 * password that a dump alone would let anyone attack. Pure.
 */
export function withSecretsKeyed<T extends object>(
  payload: T,
  secrets: readonly (keyof T & string)[],
  key: Buffer,
): Record<string, unknown> {
  const keyed: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const field of secrets) {
    const value = payload[field];
    if (typeof value === 'string') keyed[field] = `hmac-sha256:${keyedHash(key, value)}`;
  }
  return keyed;
}

/**
 * The scope of an anonymous registration's keys: a keyed hash of the NIK, so two strangers
 * never share a key space (the same key under two NIKs is two keys) and the database does not
 * name the NIK. Pure.
 */
export function anonymousScopeOf(nik: string, key: Buffer): string {
  return `nik:${keyedHash(key, nik)}`;
}

// Kept answers' secrets are sealed as every service seals them (libs/messaging).
export { sealingField };

/**
 * What identity keeps of a request's secrets under an `Idempotency-Key` (ADR 0017): keyed
 * hashes in fingerprints, keyed scopes for anonymous callers, sealed secrets in kept answers;
 * each under its own key derived from IDENTITY_KEY_ENCRYPTION_KEY.
 */
export class IdempotencySecrets {
  private readonly fingerprintKey: Buffer;
  private readonly scopeKey: Buffer;
  private readonly answerKey: Buffer;

  constructor(kek: Buffer) {
    this.fingerprintKey = derivedKey(kek, IDEMPOTENCY_KEY_PURPOSES.fingerprint);
    this.scopeKey = derivedKey(kek, IDEMPOTENCY_KEY_PURPOSES.anonymousScope);
    this.answerKey = derivedKey(kek, IDEMPOTENCY_KEY_PURPOSES.sealedAnswer);
  }

  /** What to fingerprint of `payload`: its `secrets` as keyed hashes. */
  fingerprinted<T extends object>(
    payload: T,
    ...secrets: (keyof T & string)[]
  ): Record<string, unknown> {
    return withSecretsKeyed(payload, secrets, this.fingerprintKey);
  }

  /** The scope of an anonymous caller's keys who registers this NIK. */
  anonymousScope(nik: string): string {
    return anonymousScopeOf(nik, this.scopeKey);
  }

  /** Keeps the answer's `field` sealed where the answer is kept. */
  sealing<T extends object>(field: keyof T & string): AnswerSealing<T> {
    return sealingField<T>(field, this.answerKey);
  }
}
