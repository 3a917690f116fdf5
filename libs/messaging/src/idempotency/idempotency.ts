import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import { sql, type Sql } from '@satupintu/persistence';
import { createHash } from 'node:crypto';
import { computedJson, type ComputedFields } from '../outbox/outbox.repository';

/** How long a key is remembered after its first use (the draft's "expiry"; ADR 0017). */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/**
 * An attempt still in flight after this long has died with its process (a creating request
 * answers in well under the gateway's timeout), so a retry may take the key over.
 */
export const IN_FLIGHT_STALE_SECONDS = 60;

/** A key taken for one attempt at one operation, to be completed by the write that creates. */
export interface IdempotencyClaim {
  caller: string;
  operation: string;
  key: string;
  fingerprint: string;
  /** This attempt's id: a takeover gives the key another, and this attempt then cannot complete. */
  attempt: string;
  /** Set once the creating write has recorded the answer with itself. */
  completed: boolean;
  /** The answer as it is kept under the key (`AnswerSealing.seal`); as it is without one. */
  seal?: (response: unknown) => unknown;
}

/** Which kept key an answer is stored under: what a seal of it is bound to. */
export type IdempotencyKeyId = Pick<IdempotencyClaim, 'caller' | 'operation' | 'key'>;

/**
 * How a service keeps a secret of its answer (an API client's secret) out of the stored answer:
 * `seal` makes what is kept under the key, `open` the answer again for a replay. Both get the
 * key, so a seal can be bound to it (authenticated data) and does not open under another key.
 */
export interface AnswerSealing<T> {
  seal(answer: T, key: IdempotencyKeyId): unknown;
  open(stored: unknown, key: IdempotencyKeyId): T;
}

/** What a service may add to `IdempotencyKeys.run` for a request that holds a secret. */
export interface IdempotencyOptions<T> {
  /**
   * The scope of an anonymous caller's keys, who has none of their own (it is kept as
   * `anonymous:<scope>`): derived from the request, keyed so that it cannot be guessed from the
   * database, and narrow enough that two strangers never share one. Without it an anonymous
   * caller keeps no key.
   */
  anonymousScope?: string;
  /** Keeps a secret of the answer sealed where the answer is stored. */
  sealing?: AnswerSealing<T>;
}

/** What a service finds under a key it could not take. */
export interface RecordedKey {
  fingerprint: string;
  status: 'in_flight' | 'completed';
  response: unknown;
}

/**
 * JSON with every object's keys in order, so the same request always has the same text however
 * its fields were ordered (RFC 8785 in spirit; our payloads hold no floats that would differ).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The request's fingerprint: SHA-256 of the operation and what identifies the request,
 * canonically. Fast and unkeyed, so never of a secret in the clear: a password's SHA-256 would
 * be a hash anyone with the database could attack (ADR 0017).
 */
export function fingerprintOf(operation: string, payload: unknown): string {
  return createHash('sha256').update(canonicalJson({ operation, payload })).digest('hex');
}

/**
 * Whose keys these are: one caller's keys never meet another's. An anonymous caller has no
 * scope (anyone could replay anyone's answer under a guessed key), so its key is not kept,
 * unless the service derives one from the request (`anonymousScope`), kept apart from every
 * principal's; the system (another service) is one caller.
 */
export function callerScopeOf(principal: Principal, anonymousScope?: string): string | undefined {
  switch (principal.kind) {
    case 'anonymous':
      return anonymousScope ? `anonymous:${anonymousScope}` : undefined;
    case 'system':
      return principal.subject ? `system:${principal.subject}` : 'system';
    case 'client':
      return principal.clientId ? `client:${principal.clientId}` : undefined;
    case 'applicant':
    case 'officer':
      return principal.subject ? `${principal.kind}:${principal.subject}` : undefined;
  }
}

/**
 * What a key that could not be taken means for this request: the same request already answered
 * is replayed; another request under the key is refused (422); the first still at work is a
 * conflict to retry later (409).
 */
export function replayOf(recorded: RecordedKey, fingerprint: string): { response: unknown } {
  if (recorded.fingerprint !== fingerprint) throw new DomainError('idempotency_key_reused', 422);
  if (recorded.status === 'in_flight') {
    throw new DomainError('idempotency_key_in_flight', 409);
  }
  return { response: recorded.response };
}

/**
 * Common table expressions that record the answer (sealed, if the claim says how) under the
 * claim, for the statement (or transaction) that creates, when `when` holds. If the claim was
 * taken over meanwhile, the second one inserts the key again and so fails on its primary key:
 * the whole statement, the creation included, is undone, and the attempt that lost the key
 * creates nothing.
 */
export function completionOf(
  claim: IdempotencyClaim,
  response: unknown,
  when: Sql,
  computed?: ComputedFields,
): Sql {
  // A sealed answer is sealed whole, in this process: nothing of it can be left to SQL.
  if (claim.seal && computed && Object.keys(computed).length > 0)
    throw new Error('a sealed answer cannot have fields the statement computes');
  const json = computedJson(JSON.stringify(claim.seal ? claim.seal(response) : response), computed);
  return sql`key_completed AS (
      UPDATE idempotency_keys SET status = 'completed', response = ${json}
       WHERE caller = ${claim.caller} AND operation = ${claim.operation} AND key = ${claim.key}
         AND attempt = ${claim.attempt} AND status = 'in_flight' AND ${when}
      RETURNING 1),
    key_lost AS (
      INSERT INTO idempotency_keys
             (caller, operation, key, fingerprint, status, attempt, response, expires_at)
      SELECT ${claim.caller}, ${claim.operation}, ${claim.key}, ${claim.fingerprint}, 'completed',
             ${claim.attempt}::uuid, ${json},
             now() + make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})
       WHERE ${when} AND NOT EXISTS (SELECT 1 FROM key_completed)
      RETURNING 1)`;
}

/** The constraint a lost claim runs into when its creating statement tries to complete it. */
export const IDEMPOTENCY_KEYS_PRIMARY_KEY = 'idempotency_keys_pkey';

export function claimLost(): DomainError {
  return new DomainError('idempotency_key_in_flight', 409);
}
