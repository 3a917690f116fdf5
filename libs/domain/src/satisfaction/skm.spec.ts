import {
  SKM_ELEMENTS,
  type SkmAnswers,
  minimumSample,
  roundSkm,
  skmCategory,
  skmIndex,
  tallySkm,
  weakestFirst,
} from './skm';

/** Krejcie & Morgan (1970), "Determining sample size for research activities", Table 1: N → S. */
const KREJCIE_MORGAN: [number, number][] = [
  [10, 10],
  [15, 14],
  [20, 19],
  [25, 24],
  [30, 28],
  [35, 32],
  [40, 36],
  [45, 40],
  [50, 44],
  [55, 48],
  [60, 52],
  [65, 56],
  [70, 59],
  [75, 63],
  [80, 66],
  [85, 70],
  [90, 73],
  [95, 76],
  [100, 80],
  [110, 86],
  [120, 92],
  [130, 97],
  [140, 103],
  [150, 108],
  [160, 113],
  [170, 118],
  [180, 123],
  [190, 127],
  [200, 132],
  [210, 136],
  [220, 140],
  [230, 144],
  [240, 148],
  [250, 152],
  [260, 155],
  [270, 159],
  [280, 162],
  [290, 165],
  [300, 169],
  [320, 175],
  [340, 181],
  [360, 186],
  [380, 191],
  [400, 196],
  [420, 201],
  [440, 205],
  [460, 210],
  [480, 214],
  [500, 217],
  [550, 226],
  [600, 234],
  [650, 242],
  [700, 248],
  [750, 254],
  [800, 260],
  [850, 265],
  [900, 269],
  [950, 274],
  [1000, 278],
  [1100, 285],
  [1200, 291],
  [1300, 297],
  [1400, 302],
  [1500, 306],
  [1600, 310],
  [1700, 313],
  [1800, 317],
  [1900, 320],
  [2000, 322],
  [2200, 327],
  [2400, 331],
  [2600, 335],
  [2800, 338],
  [3000, 341],
  [3500, 346],
  [4000, 351],
  [4500, 354],
  [5000, 357],
  [6000, 361],
  [7000, 364],
  [8000, 367],
  [9000, 368],
  [10000, 370],
  [15000, 375],
  [20000, 377],
  [30000, 379],
  [40000, 380],
  [50000, 381],
  [75000, 382],
  [1000000, 384],
];

describe('minimumSample (Krejcie & Morgan)', () => {
  it.each(KREJCIE_MORGAN)('a population of %i needs %i respondents', (population, sample) => {
    expect(minimumSample(population)).toBe(sample);
  });

  it('needs nobody of nobody, and refuses what is not a population', () => {
    expect(minimumSample(0)).toBe(0);
    expect(() => minimumSample(-1)).toThrow(RangeError);
    expect(() => minimumSample(2.5)).toThrow(RangeError);
  });
});

describe('skmCategory', () => {
  it.each([
    [100, 'A'],
    [88.31, 'A'],
    [88.305, 'A'],
    [88.3049, 'B'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65.0, 'C'],
    [64.99, 'D'],
    [64.995, 'C'],
    [25, 'D'],
  ] as const)('reads %d as %s, on the value rounded half up to two decimals', (ikm, category) => {
    expect(skmCategory(ikm)).toBe(category);
  });

  it('rounds half up even where the double falls short of the decimal', () => {
    expect(64.085 * 100).toBeLessThan(6408.5);
    expect(roundSkm(64.085)).toBe(64.09);
  });
});

describe('skmIndex', () => {
  const all = (answer: 1 | 2 | 3 | 4): SkmAnswers =>
    Object.fromEntries(SKM_ELEMENTS.map((element) => [element, answer]));

  it('is NRR per element, Σ(NRR × 1/9) × 25, and its category, computed by hand', () => {
    // Three respondents. U1: 4, 3, 3 → NRR 10/3; every other element 3, 3, 3 → 3, except U9:
    // 4, 4, 2 → 10/3. Σ NRR = 7 × 3 + 2 × 10/3 = 27.6667; × 25 / 9 = 76.851851…
    const responses: SkmAnswers[] = [
      { ...all(3), U1: 4, U9: 4 },
      { ...all(3), U9: 4 },
      { ...all(3), U9: 2 },
    ];
    const index = skmIndex(tallySkm(responses));
    expect(index.elements.find((e) => e.element === 'U1')).toEqual({
      element: 'U1',
      answered: 3,
      nrr: 10 / 3,
    });
    expect(index.ikm).toBeCloseTo((83 / 3) * (25 / 9), 10);
    expect(index.ikmRounded).toBe(76.85);
    expect(index.category).toBe('B');
    expect(index.weightRule).toBe('EXACT');
  });

  it('moves with the weight rule as offices print it: 1/9, 0.111, 0.11', () => {
    // Σ NRR = 32.94 (every element 3.66): exact 91.5, with 0.111 91.4085, with 0.11 90.585.
    const tallies = SKM_ELEMENTS.map((element) => ({ element, sum: 366, answered: 100 }));
    expect(skmIndex(tallies, 'EXACT').ikmRounded).toBe(91.5);
    expect(skmIndex(tallies, 'ROUNDED_0_111').ikmRounded).toBe(91.41);
    expect(skmIndex(tallies, 'ROUNDED_0_11').ikmRounded).toBe(90.59);
    expect(skmIndex(tallies, 'ROUNDED_0_11').weight).toBe(0.11);
  });

  it('leaves an unanswered element out of that element only, and keeps the response', () => {
    // The second respondent skipped U4: U4's NRR is 4/1, not (4 + 0)/2 and not 4 over a dropped response.
    const index = skmIndex(tallySkm([all(4), { ...all(2), U4: undefined }]));
    expect(index.elements.find((e) => e.element === 'U4')).toEqual({
      element: 'U4',
      answered: 1,
      nrr: 4,
    });
    expect(index.elements.find((e) => e.element === 'U1')).toEqual({
      element: 'U1',
      answered: 2,
      nrr: 3,
    });
    // Σ NRR = 8 × 3 + 4 = 28; × 25 / 9 = 77.777…
    expect(index.ikmRounded).toBe(77.78);
  });

  it('lands exactly on a category bound when the figures do', () => {
    // Σ NRR × 25 / 9 = 65 when Σ NRR = 23.4: eight elements at 2.6 and one at 2.6 (13 of 5).
    const tallies = SKM_ELEMENTS.map((element) => ({ element, sum: 13, answered: 5 }));
    const index = skmIndex(tallies);
    expect(index.ikmRounded).toBe(65);
    expect(index.category).toBe('C');
  });

  it('is no index while an element has no answer at all, and says which', () => {
    const index = skmIndex(tallySkm([{ ...all(3), U8: undefined }]));
    expect(index.ikm).toBeUndefined();
    expect(index.category).toBeUndefined();
    expect(index.unanswered).toEqual(['U8']);
  });

  it('ranks the elements weakest first, by code on a tie', () => {
    const index = skmIndex(tallySkm([{ ...all(4), U3: 1, U7: 2, U2: 2 }]));
    expect(
      weakestFirst(index.elements)
        .map((e) => e.element)
        .slice(0, 4),
    ).toEqual(['U3', 'U2', 'U7', 'U1']);
  });
});
