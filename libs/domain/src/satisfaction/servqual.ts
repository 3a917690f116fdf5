/**
 * SERVQUAL (Parasuraman, Zeithaml & Berry): 22 items in five dimensions, each asked twice, as
 * what the respondent expected and what they perceived; the gap is perception − expectation.
 */
export const SERVQUAL_DIMENSIONS = [
  'TANGIBLES',
  'RELIABILITY',
  'RESPONSIVENESS',
  'ASSURANCE',
  'EMPATHY',
] as const;
export type ServqualDimension = (typeof SERVQUAL_DIMENSIONS)[number];

/** Items 1–22 by dimension: tangibles 1–4, reliability 5–9, responsiveness 10–13, assurance 14–17, empathy 18–22. */
const ITEMS_OF: Readonly<Record<ServqualDimension, readonly [number, number]>> = {
  TANGIBLES: [1, 4],
  RELIABILITY: [5, 9],
  RESPONSIVENESS: [10, 13],
  ASSURANCE: [14, 17],
  EMPATHY: [18, 22],
};

export const SERVQUAL_ITEMS = 22;

export function servqualDimensionOf(item: number): ServqualDimension {
  for (const dimension of SERVQUAL_DIMENSIONS) {
    const [first, last] = ITEMS_OF[dimension];
    if (item >= first && item <= last) return dimension;
  }
  throw new RangeError(`SERVQUAL has items 1 to ${SERVQUAL_ITEMS}, not ${item}`);
}

/** One item over a set of responses: sums of expectation and perception, over those who answered both. */
export interface ServqualTally {
  item: number;
  expectationSum: number;
  perceptionSum: number;
  answered: number;
}

export interface ServqualGaps {
  items: {
    item: number;
    dimension: ServqualDimension;
    answered: number;
    expectation?: number;
    perception?: number;
    gap?: number;
  }[];
  /** The mean of the dimension's item gaps, over its items that anyone answered. */
  dimensions: { dimension: ServqualDimension; gap?: number }[];
}

/** Gaps per item (mean perception − mean expectation) and per dimension (mean of its items' gaps). */
export function servqualGaps(tallies: readonly ServqualTally[]): ServqualGaps {
  const byItem = new Map(tallies.map((tally) => [tally.item, tally]));
  const items = Array.from({ length: SERVQUAL_ITEMS }, (_, i) => {
    const item = i + 1;
    const dimension = servqualDimensionOf(item);
    const tally = byItem.get(item);
    if (!tally || tally.answered === 0) return { item, dimension, answered: 0 };
    const expectation = tally.expectationSum / tally.answered;
    const perception = tally.perceptionSum / tally.answered;
    return {
      item,
      dimension,
      answered: tally.answered,
      expectation,
      perception,
      gap: perception - expectation,
    };
  });
  const dimensions = SERVQUAL_DIMENSIONS.map((dimension) => {
    const gaps = items
      .filter((i) => i.dimension === dimension && i.gap !== undefined)
      .map((i) => i.gap!);
    return gaps.length === 0
      ? { dimension }
      : { dimension, gap: gaps.reduce((a, b) => a + b, 0) / gaps.length };
  });
  return { items, dimensions };
}

/** Each expectation and perception is answered on a five-point scale, 1 (lowest) to 5. */
export const SERVQUAL_SCALE = { min: 1, max: 5 } as const;
