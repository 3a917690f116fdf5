import { backoffCeilingMs, retryDelayMs } from './backoff';

describe('retry backoff', () => {
  const backoff = { baseMs: 1000, maxMs: 60_000 };

  it('doubles the longest wait after each failure, up to the cap', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8].map((failure) => backoffCeilingMs(backoff, failure));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('stays at the cap however many times a job has failed', () => {
    expect(backoffCeilingMs(backoff, 5000)).toBe(60_000);
    expect(retryDelayMs(backoff, 5000, () => 0.5)).toBe(30_000);
  });

  it('draws the wait evenly between nothing and the ceiling', () => {
    expect(retryDelayMs(backoff, 3, () => 0)).toBe(0);
    expect(retryDelayMs(backoff, 3, () => 0.25)).toBe(1000);
    expect(retryDelayMs(backoff, 3, () => 0.999999)).toBe(3999);
  });

  it('never waits as long as the ceiling nor less than nothing, whatever the random source', () => {
    for (let failure = 1; failure <= 12; failure += 1) {
      for (let i = 0; i < 200; i += 1) {
        const delay = retryDelayMs(backoff, failure);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(backoffCeilingMs(backoff, failure));
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });
});
