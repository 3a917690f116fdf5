import { estimatedWaitSeconds, median } from './estimated-wait';

describe('median', () => {
  it('is undefined for no values', () => {
    expect(median([])).toBeUndefined();
  });

  it('is the middle value of an odd count, in any order', () => {
    expect(median([300, 60, 120])).toBe(120);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([60, 600, 120, 180])).toBe(150);
  });
});

describe('estimatedWaitSeconds', () => {
  const base = { defaultServiceSeconds: 600 };

  it('is the tickets ahead times the median service time, shared by the open counters', () => {
    // Median 240 s; 6 ahead; 2 counters: 6 × 240 / 2.
    expect(
      estimatedWaitSeconds({
        ...base,
        ahead: 6,
        recentServiceSeconds: [180, 240, 1800],
        openCounters: 2,
      }),
    ).toBe(720);
  });

  it('is not moved by one very long service, as a mean would be', () => {
    const usual = estimatedWaitSeconds({
      ...base,
      ahead: 4,
      recentServiceSeconds: [200, 200, 200],
      openCounters: 1,
    });
    const withOneLong = estimatedWaitSeconds({
      ...base,
      ahead: 4,
      recentServiceSeconds: [200, 200, 200, 200, 7200],
      openCounters: 1,
    });
    expect(withOneLong).toBe(usual);
  });

  it('assumes the default service time while the line has served nobody', () => {
    expect(
      estimatedWaitSeconds({ ...base, ahead: 3, recentServiceSeconds: [], openCounters: 1 }),
    ).toBe(1800);
  });

  it('rounds up to the whole second', () => {
    expect(
      estimatedWaitSeconds({ ...base, ahead: 1, recentServiceSeconds: [100], openCounters: 3 }),
    ).toBe(34);
  });

  it('is zero for the next one to be called', () => {
    expect(
      estimatedWaitSeconds({ ...base, ahead: 0, recentServiceSeconds: [100], openCounters: 1 }),
    ).toBe(0);
  });

  it('is unknown while no counter is open for the line', () => {
    expect(
      estimatedWaitSeconds({ ...base, ahead: 2, recentServiceSeconds: [100], openCounters: 0 }),
    ).toBeUndefined();
  });
});
