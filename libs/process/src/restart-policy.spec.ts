import { DEFAULT_RESTART_POLICY, nextRestart, type RestartPolicy } from './restart-policy';

const policy: RestartPolicy = { initialDelayMs: 1000, maxDelayMs: 30_000, resetAfterMs: 60_000 };

/** The delays of `count` restarts in a row, each after the process ran `uptimeMs`. */
function delays(count: number, uptimeMs: number): number[] {
  const result: number[] = [];
  let streak = 0;
  for (let i = 0; i < count; i++) {
    const decision = nextRestart(policy, streak, uptimeMs);
    result.push(decision.delayMs);
    streak = decision.streak;
  }
  return result;
}

describe('nextRestart', () => {
  it('waits 1 s before the first restart', () => {
    expect(nextRestart(policy, 0, 5_000)).toEqual({ delayMs: 1000, streak: 1 });
  });

  it('doubles the delay for each restart of a crash loop, up to 30 s', () => {
    expect(delays(8, 500)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts over after the process stayed up a minute', () => {
    const afterLoop = nextRestart(policy, 6, 60_000);
    expect(afterLoop).toEqual({ delayMs: 1000, streak: 1 });
  });

  it('keeps backing off when the process ran a little less than a minute', () => {
    expect(nextRestart(policy, 3, 59_999)).toEqual({ delayMs: 8000, streak: 4 });
  });

  it('stays at the maximum however long the loop goes on', () => {
    expect(nextRestart(policy, 10_000, 0)).toEqual({ delayMs: 30_000, streak: 10_001 });
  });

  it('is 1 s doubling to 30 s, reset after 60 s, by default', () => {
    expect(DEFAULT_RESTART_POLICY).toEqual(policy);
  });
});
