/**
 * The community satisfaction survey (SKM, PermenPANRB 14/2017): nine elements, each answered 1
 * to 4, stored by code and never by position (field questionnaires swap U8 and U9).
 */
export const SKM_ELEMENTS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];

interface Text {
  id: string;
  en: string;
}

/** Each element's name and its four answers, 1 to 4, in Indonesian with English alongside. */
export const SKM_ELEMENT_TEXT: Readonly<
  Record<SkmElement, { name: Text; answers: readonly [Text, Text, Text, Text] }>
> = {
  U1: {
    name: { id: 'Persyaratan', en: 'Requirements' },
    answers: [
      { id: 'Tidak sesuai', en: 'Not appropriate' },
      { id: 'Kurang sesuai', en: 'Less appropriate' },
      { id: 'Sesuai', en: 'Appropriate' },
      { id: 'Sangat sesuai', en: 'Very appropriate' },
    ],
  },
  U2: {
    name: { id: 'Sistem, Mekanisme, dan Prosedur', en: 'Systems, mechanisms and procedures' },
    answers: [
      { id: 'Tidak mudah', en: 'Not easy' },
      { id: 'Kurang mudah', en: 'Less easy' },
      { id: 'Mudah', en: 'Easy' },
      { id: 'Sangat mudah', en: 'Very easy' },
    ],
  },
  U3: {
    name: { id: 'Waktu Penyelesaian', en: 'Completion time' },
    answers: [
      { id: 'Tidak cepat', en: 'Not fast' },
      { id: 'Kurang cepat', en: 'Less fast' },
      { id: 'Cepat', en: 'Fast' },
      { id: 'Sangat cepat', en: 'Very fast' },
    ],
  },
  U4: {
    name: { id: 'Biaya/Tarif', en: 'Cost' },
    answers: [
      { id: 'Sangat mahal', en: 'Very expensive' },
      { id: 'Cukup mahal', en: 'Fairly expensive' },
      { id: 'Murah', en: 'Cheap' },
      { id: 'Gratis', en: 'Free' },
    ],
  },
  U5: {
    name: { id: 'Produk Spesifikasi Jenis Pelayanan', en: 'Service products' },
    answers: [
      { id: 'Tidak sesuai', en: 'Not appropriate' },
      { id: 'Kurang sesuai', en: 'Less appropriate' },
      { id: 'Sesuai', en: 'Appropriate' },
      { id: 'Sangat sesuai', en: 'Very appropriate' },
    ],
  },
  U6: {
    name: { id: 'Kompetensi Pelaksana', en: 'Staff competence' },
    answers: [
      { id: 'Tidak kompeten', en: 'Not competent' },
      { id: 'Kurang kompeten', en: 'Less competent' },
      { id: 'Kompeten', en: 'Competent' },
      { id: 'Sangat kompeten', en: 'Very competent' },
    ],
  },
  U7: {
    name: { id: 'Perilaku Pelaksana', en: 'Staff behaviour' },
    answers: [
      { id: 'Tidak sopan dan ramah', en: 'Not polite and friendly' },
      { id: 'Kurang sopan dan ramah', en: 'Less polite and friendly' },
      { id: 'Sopan dan ramah', en: 'Polite and friendly' },
      { id: 'Sangat sopan dan ramah', en: 'Very polite and friendly' },
    ],
  },
  U8: {
    name: {
      id: 'Penanganan Pengaduan, Saran dan Masukan',
      en: 'Handling of complaints, suggestions and feedback',
    },
    answers: [
      { id: 'Tidak ada', en: 'None' },
      { id: 'Ada tetapi tidak berfungsi', en: 'Exists but does not work' },
      { id: 'Berfungsi kurang maksimal', en: 'Works, not fully' },
      { id: 'Dikelola dengan baik', en: 'Well managed' },
    ],
  },
  U9: {
    name: { id: 'Sarana dan Prasarana', en: 'Facilities' },
    answers: [
      { id: 'Buruk', en: 'Poor' },
      { id: 'Cukup', en: 'Fair' },
      { id: 'Baik', en: 'Good' },
      { id: 'Sangat Baik', en: 'Very good' },
    ],
  },
};

/**
 * The weight of each element. PermenPANRB 14/2017 weighs the nine equally (1/9); many offices
 * print 0.111 or 0.11 instead, which moves the index by up to about a point. A setting, exact
 * by default, and named on every report.
 */
export const SKM_WEIGHT_RULES = ['EXACT', 'ROUNDED_0_111', 'ROUNDED_0_11'] as const;
export type SkmWeightRule = (typeof SKM_WEIGHT_RULES)[number];

export function skmWeight(rule: SkmWeightRule): number {
  return rule === 'EXACT' ? 1 / SKM_ELEMENTS.length : rule === 'ROUNDED_0_111' ? 0.111 : 0.11;
}

/** One element's answers over a set of responses: their sum, and how many answered it. */
export interface SkmTally {
  element: SkmElement;
  sum: number;
  answered: number;
}

export type SkmCategory = 'A' | 'B' | 'C' | 'D';

/** Lower bounds, inclusive, of the categories on the 25–100 scale (to two decimals). */
export const SKM_CATEGORY_BOUNDS: readonly { category: SkmCategory; from: number; label: Text }[] =
  [
    { category: 'A', from: 88.31, label: { id: 'Sangat Baik', en: 'Very good' } },
    { category: 'B', from: 76.61, label: { id: 'Baik', en: 'Good' } },
    { category: 'C', from: 65.0, label: { id: 'Kurang Baik', en: 'Poor' } },
    { category: 'D', from: 25.0, label: { id: 'Tidak Baik', en: 'Bad' } },
  ];

/**
 * A value on the 25–100 scale rounded half up to two decimals. The nudge keeps a value that is
 * exact in decimals from falling short in binary (64.995 × 100 is 6499.4999… as a double).
 */
export function roundSkm(value: number): number {
  return Math.round(value * 100 + 1e-7) / 100;
}

/** The category of an index, from its value rounded to two decimals. */
export function skmCategory(ikm: number): SkmCategory {
  const rounded = roundSkm(ikm);
  for (const bound of SKM_CATEGORY_BOUNDS) if (rounded >= bound.from) return bound.category;
  return 'D';
}

export interface SkmElementScore {
  element: SkmElement;
  /** Respondents who answered the element: its denominator. */
  answered: number;
  /** Mean answer (1–4) of those who answered; absent when nobody did. */
  nrr?: number;
}

export interface SkmIndex {
  weightRule: SkmWeightRule;
  weight: number;
  elements: SkmElementScore[];
  /**
   * Σ(NRR × weight) × 25 on the 25–100 scale, unrounded; absent when an element has no answer
   * at all (a weighted sum missing a ninth of its weight would not be an index).
   */
  ikm?: number;
  /** `ikm` rounded half up to two decimals, as reports print it and categories are read. */
  ikmRounded?: number;
  category?: SkmCategory;
  /** The elements nobody answered, when the index cannot be computed. */
  unanswered: SkmElement[];
}

/**
 * The index from each element's tally (the one definition the database's figures are checked
 * against). An element left unanswered by a respondent counts in neither its sum nor its
 * denominator; the respondent's other answers count.
 */
export function skmIndex(
  tallies: readonly SkmTally[],
  weightRule: SkmWeightRule = 'EXACT',
): SkmIndex {
  const weight = skmWeight(weightRule);
  const byElement = new Map(tallies.map((tally) => [tally.element, tally]));
  const elements = SKM_ELEMENTS.map((element): SkmElementScore => {
    const tally = byElement.get(element);
    const answered = tally?.answered ?? 0;
    return answered > 0 ? { element, answered, nrr: tally!.sum / answered } : { element, answered };
  });
  const unanswered = elements.filter((score) => score.nrr === undefined).map((s) => s.element);
  if (unanswered.length > 0) return { weightRule, weight, elements, unanswered };
  const ikm = elements.reduce((total, score) => total + score.nrr! * weight, 0) * 25;
  return {
    weightRule,
    weight,
    elements,
    ikm,
    ikmRounded: roundSkm(ikm),
    category: skmCategory(ikm),
    unanswered,
  };
}

/** One response's answers by element code (1–4); an element left out was not answered. */
export type SkmAnswers = Partial<Record<SkmElement, 1 | 2 | 3 | 4>>;

/** The tallies of a set of responses. */
export function tallySkm(responses: readonly SkmAnswers[]): SkmTally[] {
  return SKM_ELEMENTS.map((element) => {
    let sum = 0;
    let answered = 0;
    for (const response of responses) {
      const answer = response[element];
      if (answer === undefined) continue;
      sum += answer;
      answered += 1;
    }
    return { element, sum, answered };
  });
}

/** Elements weakest first (lowest NRR; unanswered ones last), for the follow-up plan. */
export function weakestFirst(elements: readonly SkmElementScore[]): SkmElementScore[] {
  return [...elements].sort(
    (a, b) =>
      (a.nrr ?? Infinity) - (b.nrr ?? Infinity) ||
      SKM_ELEMENTS.indexOf(a.element) - SKM_ELEMENTS.indexOf(b.element),
  );
}

/**
 * The minimum sample for a population of `population` (Krejcie & Morgan, 1970: χ² = 3.841 for
 * one degree of freedom at 95 %, P = 0.5, d = 0.05), rounded to the nearest whole respondent.
 */
export function minimumSample(population: number): number {
  if (!Number.isInteger(population) || population < 0)
    throw new RangeError(`population must be a whole number ≥ 0, not ${population}`);
  if (population === 0) return 0;
  const chi = 3.841;
  const p = 0.25;
  return Math.round((chi * population * p) / (0.0025 * (population - 1) + chi * p));
}
