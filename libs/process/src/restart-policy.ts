/** When a supervised process that ended is started again. */
export interface RestartPolicy {
  /** The delay before the first restart of a streak. */
  initialDelayMs: number;
  /** Each further restart of a streak waits twice as long, up to this. */
  maxDelayMs: number;
  /** A process that stayed up this long before it ended starts a new streak. */
  resetAfterMs: number;
}

/** 1 s, 2 s, 4 s … 30 s; a minute up counts as healthy again. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  resetAfterMs: 60_000,
};

export interface RestartDecision {
  delayMs: number;
  /** How many restarts in a row this one is, counting itself: the `streak` to pass next time. */
  streak: number;
}

/**
 * Exponential backoff for a process that keeps ending, so a crash loop neither spins the CPU
 * nor floods the log, while a process that ended once after a long healthy run comes back fast.
 * `streak` is the previous decision's (0 before any); `uptimeMs` how long the process ran.
 */
export function nextRestart(
  policy: RestartPolicy,
  streak: number,
  uptimeMs: number,
): RestartDecision {
  const next = uptimeMs >= policy.resetAfterMs ? 1 : streak + 1;
  // Capped before it is raised, so a long streak never overflows to Infinity or NaN.
  const doublings = Math.min(next - 1, 52);
  return {
    delayMs: Math.min(policy.initialDelayMs * 2 ** doublings, policy.maxDelayMs),
    streak: next,
  };
}
