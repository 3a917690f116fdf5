import type { Transaction } from '@satupintu/messaging';
import type { Backoff } from './backoff';

/**
 * A kind of job, declared once: what it is called in the `jobs` table, how often it may fail
 * and how long it waits between attempts. `T` is its payload, stored as JSON (so plain data:
 * a `Date` comes back as a string).
 */
export interface JobDefinition<T> {
  readonly kind: string;
  /** Attempts before the job is dead (kept in `jobs` for inspection, never run again). */
  readonly maxAttempts: number;
  readonly backoff: Backoff;
  /** Phantom: carries the payload type; never set at run time. */
  readonly payload?: T;
}

export interface JobMeta {
  jobId: string;
  /** 1 on the first attempt. */
  attempt: number;
  dueAt: Date;
}

/**
 * Does the job's work inside the transaction that claimed it: write through `tx`, publish
 * through `tx.publish`, enqueue follow-up jobs with `tx`. The writes, the events and the job's
 * completion commit together; if the handler throws, none of them happen and the job is retried.
 */
export type JobHandler<T> = (payload: T, tx: Transaction, meta: JobMeta) => Promise<void> | void;

// Dotted lower-case words: `inbox.prune`, `webhook.deliver`.
const KIND = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$/;

export function defineJob<T>(spec: {
  kind: string;
  maxAttempts: number;
  backoff: Backoff;
}): JobDefinition<T> {
  const { kind, maxAttempts, backoff } = spec;
  if (!KIND.test(kind) || kind.length > 100) {
    throw new Error(`job kind must be dotted lower-case words: ${kind}`);
  }
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new Error(`job ${kind}: maxAttempts must be a whole number of at least 1`);
  }
  if (!(backoff.baseMs > 0) || !(backoff.maxMs >= backoff.baseMs)) {
    throw new Error(`job ${kind}: backoff needs 0 < baseMs <= maxMs`);
  }
  return Object.freeze({ kind, maxAttempts, backoff: Object.freeze({ ...backoff }) });
}
