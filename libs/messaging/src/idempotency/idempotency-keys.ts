import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@satupintu/common';
import {
  ASYNC_COMMIT,
  executorOf,
  sql,
  uniqueViolation,
  type Executor,
} from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UnitOfWork, type Transaction } from '../outbox/unit-of-work';
import { replayedReply } from '../rpc/replayed-reply';
import {
  IDEMPOTENCY_KEYS_PRIMARY_KEY,
  IDEMPOTENCY_KEY_TTL_HOURS,
  claimLost,
  IN_FLIGHT_STALE_SECONDS,
  callerScopeOf,
  completionOf,
  fingerprintOf,
  replayOf,
  type IdempotencyClaim,
  type IdempotencyOptions,
  type RecordedKey,
} from './idempotency';

/** A key vanishes between taking and reading it only when its first attempt just failed. */
const CLAIM_ATTEMPTS = 3;
/** Background releases of a failed attempt's key: together about 30 s, within the stale time. */
const RELEASE_RETRIES = 6;

/**
 * The `Idempotency-Key` of a creating request (ADR 0017), kept in the service's own database
 * beside what it creates. `run` takes the key for this attempt (one statement), lets the work
 * create, and the creating write records the answer in the same statement or transaction
 * (`UnitOfWork.writeWithEvents(…, { completes })`, or `complete(tx, …)`). A replay answers the
 * first answer, marked for the gateway; a refusal releases the key, so a corrected request may
 * use it. A secret in the answer may be kept sealed (`options.sealing`).
 */
@Injectable()
export class IdempotencyKeys {
  private readonly db: Executor;

  constructor(
    dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {
    this.db = executorOf(dataSource);
  }

  /**
   * Runs `work` once per caller, operation and key. `fingerprinted` is what identifies the
   * request: its payload as the service receives it, or (for a payload holding a secret, or with
   * parts that differ on every attempt) what the service makes of it; never a secret in the
   * clear (`fingerprintOf`). Without a key (or for an anonymous caller, who has no scope unless
   * `options.anonymousScope` gives one) it simply runs `work` with no claim. `work` must complete
   * the claim it is given in the write that creates.
   */
  async run<T>(
    caller: RequestContext,
    operation: string,
    fingerprinted: unknown,
    work: (claim: IdempotencyClaim | undefined) => Promise<T>,
    options: IdempotencyOptions<T> = {},
  ): Promise<T> {
    const scope = callerScopeOf(caller.principal, options.anonymousScope);
    const key = caller.idempotencyKey;
    if (!key || !scope) return work(undefined);
    const fingerprint = fingerprintOf(operation, fingerprinted);
    const { sealing } = options;
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const claim = await this.claim(scope, operation, key, fingerprint);
      if ('recorded' in claim) {
        if (!claim.recorded) continue;
        const { response } = replayOf(claim.recorded, fingerprint);
        return replayedReply(
          sealing ? sealing.open(response, { caller: scope, operation, key }) : (response as T),
        );
      }
      if (sealing) claim.seal = (answer) => sealing.seal(answer as T, claim);
      let answer: T;
      try {
        answer = await work(claim);
      } catch (error) {
        // The work usually fails because the database went away, and then so does the
        // release: it is tried again in the background while the process lives, so the
        // caller's retry finds the key free once the database is back instead of in flight
        // until it is stale. A process that dies leaves it to the stale takeover.
        await this.release(claim).catch(() => this.releaseLater(claim, 0));
        throw error;
      }
      if (!claim.completed) {
        await this.release(claim);
        throw new Error(`${operation} answered without completing its idempotency claim`);
      }
      return answer;
    }
    throw new Error(`the idempotency key of ${operation} kept vanishing`);
  }

  /**
   * `run` for work done in one `UnitOfWork` transaction (state and events): the answer is
   * recorded under the key in that transaction.
   */
  runInTransaction<T>(
    caller: RequestContext,
    operation: string,
    fingerprinted: unknown,
    work: (tx: Transaction) => Promise<T>,
    options: IdempotencyOptions<T> = {},
  ): Promise<T> {
    return this.run(
      caller,
      operation,
      fingerprinted,
      (claim) => this.completeInTransaction(claim, work),
      options,
    );
  }

  /**
   * Runs `work` in one `UnitOfWork` transaction and records its answer under the claim (if any)
   * in it: for `run`'s work that prepares something slow first (a password hash), so that no
   * transaction stays open while it is made.
   */
  completeInTransaction<T>(
    claim: IdempotencyClaim | undefined,
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return this.unitOfWork.run(async (tx) => {
      const answer = await work(tx);
      if (claim) await this.complete(tx, claim, answer);
      return answer;
    });
  }

  /** Records the answer under the claim inside the transaction that creates. */
  complete(tx: Executor, claim: IdempotencyClaim, response: unknown): Promise<void> {
    return completeIdempotencyClaim(tx, claim, response);
  }

  /**
   * Takes the key: new, expired, or left in flight by an attempt that died. Otherwise answers
   * what is recorded under it (undefined if it was released in between). The in-flight marker
   * commits without waiting for the disk (`ASYNC_COMMIT`): a crash that loses it ends its
   * attempt too, and the creating statement's own (synchronous) commit flushes it with itself.
   */
  private async claim(
    caller: string,
    operation: string,
    key: string,
    fingerprint: string,
  ): Promise<IdempotencyClaim | { recorded: RecordedKey | undefined }> {
    const attempt = randomUUID();
    const taken = await this.db.query(sql`
      INSERT INTO idempotency_keys AS k
             (caller, operation, key, fingerprint, status, attempt, claimed_at, expires_at)
      SELECT ${caller}, ${operation}, ${key}, ${fingerprint}, 'in_flight', ${attempt}::uuid, now(),
             now() + make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})
        FROM (SELECT ${ASYNC_COMMIT}) AS marker
      ON CONFLICT (caller, operation, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, status = 'in_flight', response = NULL,
             attempt = EXCLUDED.attempt, claimed_at = now(), expires_at = EXCLUDED.expires_at
       WHERE k.expires_at <= now()
          OR (k.status = 'in_flight' AND k.fingerprint = EXCLUDED.fingerprint
              AND k.claimed_at <= now() - make_interval(secs => ${IN_FLIGHT_STALE_SECONDS}))
      RETURNING 1`);
    if (taken.length > 0) return { caller, operation, key, fingerprint, attempt, completed: false };
    const [recorded] = await this.db.query<RecordedKey>(sql`
      SELECT fingerprint, status, response FROM idempotency_keys
       WHERE caller = ${caller} AND operation = ${operation} AND key = ${key}`);
    return { recorded };
  }

  /** Tries the release again after 0.5, 1, 2, 4, 8 and 16 s; then the stale takeover frees it. */
  private releaseLater(claim: IdempotencyClaim, tries: number): void {
    if (tries >= RELEASE_RETRIES) return;
    const timer = setTimeout(
      () => {
        this.release(claim).catch(() => this.releaseLater(claim, tries + 1));
      },
      500 * 2 ** tries,
    );
    timer.unref();
  }

  /** Lets the key go after a failed attempt, unless another attempt has taken it since. */
  private async release(claim: IdempotencyClaim): Promise<void> {
    await this.db.execute(sql`
      DELETE FROM idempotency_keys
       WHERE caller = ${claim.caller} AND operation = ${claim.operation} AND key = ${claim.key}
         AND attempt = ${claim.attempt} AND status = 'in_flight'`);
  }
}

/**
 * Records the answer under the claim inside the transaction that creates (for a repository that
 * writes in a `UnitOfWork` transaction). A claim taken over meanwhile fails the transaction as a
 * 409, so the attempt that lost it creates nothing.
 */
export async function completeIdempotencyClaim(
  tx: Executor,
  claim: IdempotencyClaim,
  response: unknown,
): Promise<void> {
  try {
    await tx.query(sql`WITH ${completionOf(claim, response, sql`TRUE`)} SELECT 1`);
  } catch (error) {
    if (uniqueViolation(error) === IDEMPOTENCY_KEYS_PRIMARY_KEY) throw claimLost();
    throw error;
  }
  claim.completed = true;
}

/** Forgets keys past their 24 hours; answers how many went. */
export async function pruneIdempotencyKeys(executor: Executor): Promise<number> {
  const { count } = await executor.execute(
    sql`DELETE FROM idempotency_keys WHERE expires_at <= now()`,
  );
  return count;
}
