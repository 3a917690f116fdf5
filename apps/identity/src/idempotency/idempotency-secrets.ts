import { DomainError, SealError, derivedKey, openSeal, seal } from '@satupintu/common';
import type { AnswerSealing, IdempotencyKeyId } from '@satupintu/messaging';
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

/** The answer as kept under the key: its secret field replaced by a seal. */
interface SealedField {
  sealed: string;
}

function isSealedField(value: unknown): value is SealedField {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<SealedField>).sealed === 'string'
  );
}

/** What the seal holds, or nothing when it does not open (another key, altered, not a seal). */
function openedOrNothing(open: () => Buffer): Buffer | undefined {
  try {
    return open();
  } catch (error) {
    if (error instanceof SealError) return undefined;
    throw error;
  }
}

/** What a kept answer's seal is bound to: its key row and the field, so it opens nowhere else. */
function sealedAnswerAad(id: IdempotencyKeyId, field: string): string {
  return `satupintu:idempotent-answer:${JSON.stringify([id.caller, id.operation, id.key, field])}`;
}

/**
 * Keeps one secret field of an answer (an API client's `secret`) sealed under `key`
 * (AES-256-GCM, bound to the key row it is kept under) and opens it for a replay: the replay
 * answers the very secret the first answer gave, which the database otherwise keeps only as an
 * argon2id hash. Pure.
 */
export function sealingField<T extends object>(
  field: keyof T & string,
  key: Buffer,
): AnswerSealing<T> {
  return {
    seal: (answer, id) => {
      const secret = answer[field];
      if (typeof secret !== 'string') throw new Error(`the answer has no ${field} to seal`);
      const sealed = seal(Buffer.from(secret, 'utf8'), key, sealedAnswerAad(id, field));
      return { ...answer, [field]: { sealed: sealed.toString('base64') } satisfies SealedField };
    },
    open: (stored, id) => {
      const kept = (stored ?? {}) as Record<string, unknown>;
      const value = kept[field];
      const opened = isSealedField(value)
        ? openedOrNothing(() =>
            openSeal(Buffer.from(value.sealed, 'base64'), key, sealedAnswerAad(id, field)),
          )
        : undefined;
      if (!opened) {
        // The key-encryption key changed within the key's 24 hours, or the row was altered:
        // the first request did its work, and its secret cannot be shown again. A conflict the
        // caller resolves (a new secret), said plainly, and logged by the problem filter.
        throw new DomainError('idempotency_answer_unavailable', 409, [], {
          operation: id.operation,
        });
      }
      return { ...kept, [field]: opened.toString('utf8') } as T;
    },
  };
}

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
