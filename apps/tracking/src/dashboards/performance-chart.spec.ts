import type { PerformanceV1 } from '@satupintu/contracts';
import { assemblePerformance } from './performance';
import { COUNTED_COLOR, performanceChartSpec, UNCOUNTED_COLOR } from './performance-chart';
import { periodRange } from './periods';

const performance: PerformanceV1 = assemblePerformance(
  periodRange('quarter', '2026-01-01', '2026-12-31'),
  { agencyCode: 'DUKCAPIL' },
  {
    volume: [],
    decisions: [
      {
        period: '2026-04-01',
        decided: 4,
        rejected: 1,
        revised: 2,
        withStandard: 4,
        withinStandard: 3,
        medianDays: 2.5,
        p90Days: 6.1,
        withinStandardShare: 0.75,
        revisionRate: 0.5,
        rejectionRate: 0.25,
      },
    ],
    bundles: [],
    now: { open: 0, atRisk: 0, overdue: 0 },
    asOf: new Date('2027-01-01T00:00:00Z'),
  },
);

describe('performanceChartSpec', () => {
  it('draws one bar per period; a period without the figure keeps a grey bar at zero', () => {
    const spec = performanceChartSpec(performance, 'medianDays');
    expect(spec).toMatchObject({ mark: { type: 'bar' } });
    expect((spec.data as { values: unknown[] }).values).toEqual([
      { period: '2026-01-01', value: 0, counted: false },
      { period: '2026-04-01', value: 2.5, counted: true },
      { period: '2026-07-01', value: 0, counted: false },
      { period: '2026-10-01', value: 0, counted: false },
    ]);
    expect(spec).toMatchObject({
      encoding: {
        color: {
          condition: { test: 'datum.counted', value: COUNTED_COLOR },
          value: UNCOUNTED_COLOR,
        },
      },
    });
  });

  it('draws a share on a 0–100 % axis', () => {
    expect(performanceChartSpec(performance, 'withinStandardShare')).toMatchObject({
      encoding: { y: { axis: { format: '.0%' }, scale: { domain: [0, 1] } } },
    });
  });
});
