import { retryDelayMs, type Backoff } from '@satupintu/scheduling';

/** How long a failing delivery is retried, and how far apart (ADR 0020). */
export interface RetryPolicy {
  /** Exponential backoff with full jitter between attempts (`libs/scheduling`). */
  backoff: Backoff;
  /**
   * A delivery is retried until this long after its first attempt; the first attempt that fails
   * after that leaves it dead. So a receiver that is down for less than this misses nothing.
   */
  windowMs: number;
}

const HOUR_MS = 3_600_000;

/** 5 s doubling to at most an hour between attempts, for 24 hours: about 30 attempts. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  backoff: { baseMs: 5_000, maxMs: HOUR_MS },
  windowMs: 24 * HOUR_MS,
};

/**
 * What one attempt came to: an HTTP answer (any status) or no answer at all. `acknowledged` is a
 * delivery protocol's reading of the answer's body (`DeliveryProtocol`): absent, the status
 * alone decides.
 */
export type AttemptResult =
  | { kind: 'answered'; status: number; durationMs: number; acknowledged?: boolean }
  | { kind: 'failed'; error: string; durationMs: number };

/** What happens to a delivery after an attempt. */
export type Next = { kind: 'delivered' } | { kind: 'retry'; inMs: number } | { kind: 'dead' };

/**
 * A 2xx answer delivers, unless the protocol read a refusal in its body (OSS answers HTTP 200
 * with an error `kode`); anything else (a redirect too: none is followed) is a failure.
 */
export function isDelivered(result: AttemptResult): boolean {
  return (
    result.kind === 'answered' &&
    result.status >= 200 &&
    result.status < 300 &&
    result.acknowledged !== false
  );
}

/**
 * After attempt number `attempt` (1 = the first), `sinceFirstMs` after the first attempt began:
 * delivered, retried after a jittered backoff, or dead once the retry window is over.
 */
export function nextStep(
  result: AttemptResult,
  attempt: number,
  sinceFirstMs: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): Next {
  if (isDelivered(result)) return { kind: 'delivered' };
  if (sinceFirstMs >= policy.windowMs) return { kind: 'dead' };
  return { kind: 'retry', inMs: retryDelayMs(policy.backoff, attempt, random) };
}

/** A failure is worth a warning at the first attempt and then at every power of two. */
export function worthLogging(attempt: number): boolean {
  return (attempt & (attempt - 1)) === 0;
}
