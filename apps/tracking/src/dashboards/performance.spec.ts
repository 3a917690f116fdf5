import { assemblePerformance } from './performance';
import { periodRange } from './periods';

describe('assemblePerformance', () => {
  const range = periodRange('month', '2026-01-10', '2026-03-05');
  const now = { open: 4, atRisk: 1, overdue: 2 };
  const asOf = new Date('2026-03-06T01:00:00Z');

  it('answers every period, with zeros and no rates where nothing happened', () => {
    const performance = assemblePerformance(
      range,
      {},
      {
        volume: [
          { period: '2026-01-01', channel: 'WEB', submitted: 2 },
          { period: '2026-01-01', channel: 'KIOSK', submitted: 1 },
        ],
        decisions: [
          {
            period: '2026-03-01',
            decided: 2,
            rejected: 1,
            revised: 0,
            withStandard: 2,
            withinStandard: 1,
            medianDays: 3.5,
            p90Days: 4.7,
            withinStandardShare: 0.5,
            revisionRate: 0,
            rejectionRate: 0.5,
          },
        ],
        bundles: [],
        now,
        asOf,
      },
    );
    expect(performance).toMatchObject({
      period: 'month',
      from: '2026-01-01',
      to: '2026-03-31',
      asOf: '2026-03-06T01:00:00.000Z',
      now,
    });
    expect(performance.periods.map((period) => period.period)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    expect(performance.periods[0]).toMatchObject({ submitted: 3, decided: 0, medianDays: null });
    expect(performance.periods[0].byChannel).toEqual({
      WEB: 2,
      MOBILE: 0,
      COUNTER: 0,
      KIOSK: 1,
      CALL_CENTER: 0,
      PORTAL: 0,
    });
    expect(performance.periods[1]).toMatchObject({ submitted: 0, rejectionRate: null });
    expect(performance.periods[2]).toMatchObject({ decided: 2, p90Days: 4.7, rejectionRate: 0.5 });
  });

  it('refuses a row outside the range: the queries count only inside it', () => {
    expect(() =>
      assemblePerformance(
        range,
        {},
        {
          volume: [{ period: '2026-04-01', channel: 'WEB', submitted: 1 }],
          decisions: [],
          bundles: [],
          now,
          asOf,
        },
      ),
    ).toThrow(RangeError);
  });
});
