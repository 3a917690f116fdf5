import { DomainError } from '@satupintu/common';
import { nextPeriod, periodRange, periodStart } from './periods';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return { status: error.status, errors: error.errors };
    throw error;
  }
  throw new Error('not refused');
};

describe('periods', () => {
  it.each([
    ['day', '2026-05-17', '2026-05-17'],
    ['month', '2026-05-17', '2026-05-01'],
    ['quarter', '2026-05-17', '2026-04-01'],
    ['quarter', '2026-12-31', '2026-10-01'],
    ['year', '2026-05-17', '2026-01-01'],
  ] as const)('a %s holding %s starts on %s, as date_trunc says', (kind, date, start) => {
    expect(periodStart(kind, date)).toBe(start);
  });

  it.each([
    ['day', '2026-12-31', '2027-01-01'],
    ['day', '2028-02-28', '2028-02-29'],
    ['month', '2026-12-01', '2027-01-01'],
    ['quarter', '2026-10-01', '2027-01-01'],
    ['year', '2026-01-01', '2027-01-01'],
  ] as const)('the %s after the one from %s starts on %s', (kind, start, next) => {
    expect(nextPeriod(kind, start)).toBe(next);
  });

  it('covers every whole period that from and to touch', () => {
    expect(periodRange('quarter', '2026-02-15', '2026-07-01')).toEqual({
      kind: 'quarter',
      periods: ['2026-01-01', '2026-04-01', '2026-07-01'],
      start: '2026-01-01',
      last: '2026-09-30',
      end: '2026-10-01',
    });
    expect(periodRange('day', '2026-03-01', '2026-03-01').periods).toEqual(['2026-03-01']);
  });

  it('refuses a date that is none, to before from, and more than 366 periods', () => {
    expect(refusal(() => periodRange('day', '2026-02-30', '2026-03-01'))).toEqual({
      status: 400,
      errors: [{ field: 'from', code: 'must_be_date' }],
    });
    expect(refusal(() => periodRange('month', '2026-03-01', '2026-02-01'))).toEqual({
      status: 400,
      errors: [{ field: 'to', code: 'period_order' }],
    });
    expect(periodRange('day', '2028-01-01', '2028-12-31').periods).toHaveLength(366);
    expect(refusal(() => periodRange('day', '2026-01-01', '2027-01-02'))).toEqual({
      status: 400,
      errors: [{ field: 'to', code: 'too_many_periods', params: { max: 366 } }],
    });
  });
});
