/** How long a failed job waits before its next attempt. */
export interface Backoff {
  /** The longest wait after the first failure; each further failure doubles it. */
  baseMs: number;
  /** No wait is ever longer. */
  maxMs: number;
}

/** The longest wait after failure number `failure` (1 = the first): `baseMs · 2^(failure−1)`, capped. */
export function backoffCeilingMs(backoff: Backoff, failure: number): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** (failure - 1));
}

/**
 * Exponential backoff with full jitter: a wait drawn evenly from [0, ceiling). Jobs that failed
 * together (a neighbour went down) come back spread out, not together. `random` answers in
 * [0, 1), like `Math.random`.
 */
export function retryDelayMs(
  backoff: Backoff,
  failure: number,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeilingMs(backoff, failure));
}
