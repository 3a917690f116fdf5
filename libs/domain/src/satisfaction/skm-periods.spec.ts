import { skmPeriodOf, skmPeriodsBetween } from './skm-periods';

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
});
