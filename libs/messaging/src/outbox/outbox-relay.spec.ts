import { rowRetryDelayMs } from './outbox-relay';

describe('rowRetryDelayMs', () => {
  it('doubles from a second to a minute, within ±20 %', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => rowRetryDelayMs(n, low))).toEqual([
      800, 1600, 3200, 6400, 12800, 25600, 48000, 48000,
    ]);
    expect([1, 2, 7, 30].map((n) => rowRetryDelayMs(n, high))).toEqual([1200, 2400, 72000, 72000]);
    expect(rowRetryDelayMs(3, () => 0.5)).toBe(4000);
  });
});
