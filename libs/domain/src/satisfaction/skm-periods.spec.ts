import { SKM_PERIOD_LABEL, skmPeriodNamed, skmPeriodOf, skmPeriodsBetween } from './skm-periods';

describe('SKM periods', () => {
  it('names the quarter, semester and year holding a date', () => {
    expect(skmPeriodOf('quarter', '2026-05-31')).toEqual({
      kind: 'quarter',
      start: '2026-04-01',
      end: '2026-07-01',
      label: '2026-TW2',
    });
    expect(skmPeriodOf('semester', '2026-07-01')).toEqual({
      kind: 'semester',
      start: '2026-07-01',
      end: '2027-01-01',
      label: '2026-S2',
    });
    expect(skmPeriodOf('year', '2026-12-31')).toEqual({
      kind: 'year',
      start: '2026-01-01',
      end: '2027-01-01',
      label: '2026',
    });
  });

  it('ends the fourth quarter on the first day of the next year', () => {
    expect(skmPeriodOf('quarter', '2025-12-31')).toMatchObject({
      start: '2025-10-01',
      end: '2026-01-01',
      label: '2025-TW4',
    });
  });

  it('refuses a date that does not exist', () => {
    expect(() => skmPeriodOf('quarter', '2026-02-30')).toThrow(RangeError);
  });

  it('lists every period between two dates, across a year', () => {
    expect(skmPeriodsBetween('quarter', '2025-11-15', '2026-04-01').map((p) => p.label)).toEqual([
      '2025-TW4',
      '2026-TW1',
      '2026-TW2',
    ]);
    expect(skmPeriodsBetween('semester', '2026-01-01', '2026-06-30').map((p) => p.label)).toEqual([
      '2026-S1',
    ]);
    expect(skmPeriodsBetween('year', '2027-01-01', '2026-01-01')).toEqual([]);
  });

  it.each([
    ['2026-TW1', 'quarter', '2026-01-01', '2026-04-01'],
    ['2026-TW4', 'quarter', '2026-10-01', '2027-01-01'],
    ['2026-S1', 'semester', '2026-01-01', '2026-07-01'],
    ['2026-S2', 'semester', '2026-07-01', '2027-01-01'],
    ['2026', 'year', '2026-01-01', '2027-01-01'],
  ] as const)('reads the label %s as the %s from %s until %s', (label, kind, start, end) => {
    expect(skmPeriodNamed(label)).toEqual({ kind, start, end, label });
  });

  it('reads back every label it prints, for every period of a few years', () => {
    for (const kind of ['quarter', 'semester', 'year'] as const)
      for (const period of skmPeriodsBetween(kind, '2025-01-01', '2027-12-31')) {
        expect(period.label).toMatch(SKM_PERIOD_LABEL);
        expect(skmPeriodNamed(period.label)).toEqual(period);
      }
  });

  it.each([
    '2026-Q1',
    '2026-TW5',
    '2026-TW0',
    '2026-S3',
    '2026-tw1',
    '26-TW1',
    '1999',
    '2101',
    '2026-H1',
    '2026-TWI',
    '',
  ])('names no period in %j', (label) => {
    expect(skmPeriodNamed(label)).toBeUndefined();
  });
});
