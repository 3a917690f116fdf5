import type { PerformanceV1 } from '@satupintu/contracts';
import { assemblePerformance } from './performance';
import { performanceCsv, PERFORMANCE_CSV_HEADER } from './performance-csv';
import { periodRange } from './periods';

describe('performance CSV', () => {
  it('has a header and one CRLF-ended record per period, figures in header order', () => {
    const performance: PerformanceV1 = assemblePerformance(
      periodRange('month', '2026-01-01', '2026-02-28'),
      { agencyCode: 'DUKCAPIL', serviceCode: 'A,"B"' },
      {
        volume: [{ period: '2026-02-01', channel: 'KIOSK', submitted: 3 }],
        decisions: [],
        bundles: [],
        now: { open: 0, atRisk: 0, overdue: 0 },
        asOf: new Date('2026-03-01T00:00:00Z'),
      },
    );
    const lines = performanceCsv(performance).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]).toBe(PERFORMANCE_CSV_HEADER.join(','));
    const kiosk = PERFORMANCE_CSV_HEADER.indexOf('byChannel.KIOSK');
    // The service code holds a comma and quotes: one quoted field, so a naive split is off by one.
    const february = lines[2].replace('"A,""B"""', 'AB').split(',');
    expect(february.slice(0, 5)).toEqual(['month', '2026-02-01', 'DUKCAPIL', 'AB', '3']);
    expect(february[kiosk]).toBe('3');
    expect(february[PERFORMANCE_CSV_HEADER.indexOf('medianDays')]).toBe('');
  });
});
