import { SERVQUAL_DIMENSIONS, servqualDimensionOf, servqualGaps } from './servqual';

describe('SERVQUAL', () => {
  it('puts the 22 items in their five dimensions: 4, 5, 4, 4 and 5 items', () => {
    const counts = new Map(SERVQUAL_DIMENSIONS.map((d) => [d, 0]));
    for (let item = 1; item <= 22; item++) {
      const dimension = servqualDimensionOf(item);
      counts.set(dimension, counts.get(dimension)! + 1);
    }
    expect([...counts.values()]).toEqual([4, 5, 4, 4, 5]);
    expect(servqualDimensionOf(5)).toBe('RELIABILITY');
    expect(servqualDimensionOf(18)).toBe('EMPATHY');
    expect(() => servqualDimensionOf(0)).toThrow(RangeError);
    expect(() => servqualDimensionOf(23)).toThrow(RangeError);
  });

  it('gives each item perception − expectation, and each dimension the mean of its items', () => {
    // Item 1: expected 5, 4 (4.5), perceived 3, 4 (3.5): gap −1. Item 2: 4 vs 4.5: +0.5.
    // Items 3, 4 unanswered: tangibles = mean(−1, +0.5) = −0.25.
    const gaps = servqualGaps([
      { item: 1, expectationSum: 9, perceptionSum: 7, answered: 2 },
      { item: 2, expectationSum: 8, perceptionSum: 9, answered: 2 },
      { item: 10, expectationSum: 10, perceptionSum: 10, answered: 2 },
    ]);
    expect(gaps.items[0]).toEqual({
      item: 1,
      dimension: 'TANGIBLES',
      answered: 2,
      expectation: 4.5,
      perception: 3.5,
      gap: -1,
    });
    expect(gaps.items[2]).toEqual({ item: 3, dimension: 'TANGIBLES', answered: 0 });
    expect(gaps.dimensions).toEqual([
      { dimension: 'TANGIBLES', gap: -0.25 },
      { dimension: 'RELIABILITY' },
      { dimension: 'RESPONSIVENESS', gap: 0 },
      { dimension: 'ASSURANCE' },
      { dimension: 'EMPATHY' },
    ]);
  });
});
