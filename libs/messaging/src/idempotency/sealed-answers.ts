import { DomainError, SealError, openSeal, seal } from '@satupintu/common';
import type { AnswerSealing, IdempotencyKeyId } from './idempotency';

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
 * Keeps one secret field of an answer (an API client's or a webhook subscription's `secret`) sealed under `key`
 * (AES-256-GCM, bound to the key row it is kept under) and opens it for a replay: the replay
 * answers the very secret the first answer gave, which the database otherwise keeps only as an
 * argon2id hash, or under another seal. Pure.
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
