import type { PerformanceMeasure, PerformanceV1 } from '@satupintu/contracts';
import type { TopLevelSpec } from 'vega-lite';

/** What each measure is, in the mall's language, and whether it is a share (drawn as 0–100 %). */
const MEASURES: Record<PerformanceMeasure, { title: string; axis: string; share?: true }> = {
  submitted: { title: 'Permohonan masuk', axis: 'permohonan' },
  decided: { title: 'Permohonan diputus', axis: 'permohonan' },
  medianDays: { title: 'Median waktu penyelesaian', axis: 'hari kerja' },
  p90Days: { title: 'Persentil ke-90 waktu penyelesaian', axis: 'hari kerja' },
  withinStandardShare: { title: 'Selesai sesuai standar layanan', axis: 'bagian', share: true },
  revisionRate: { title: 'Tingkat perbaikan', axis: 'bagian', share: true },
  rejectionRate: { title: 'Tingkat penolakan', axis: 'bagian', share: true },
  bundlesCompleted: { title: 'Paket layanan selesai', axis: 'paket' },
  bundleMedianDays: { title: 'Median waktu paket layanan', axis: 'hari kerja' },
  bundleP90Days: { title: 'Persentil ke-90 waktu paket layanan', axis: 'hari kerja' },
};

const PERIOD_AXIS = { day: 'Hari', month: 'Bulan', quarter: 'Triwulan', year: 'Tahun' } as const;

export const COUNTED_COLOR = '#1f6fb2';
export const UNCOUNTED_COLOR = '#b8b8b8';

/**
 * A Vega-Lite bar chart of one measure, one bar per period. A period without the figure (nothing
 * decided, so no median) keeps its bar, at zero and grey, so every period stays on the axis.
 */
export function performanceChartSpec(
  performance: PerformanceV1,
  measure: PerformanceMeasure,
): TopLevelSpec {
  const { title, axis, share } = MEASURES[measure];
  const scope = [performance.agencyCode ?? 'Semua instansi', performance.serviceCode]
    .filter(Boolean)
    .join(' · ');
  return {
    title: { text: title, subtitle: `${scope} · ${performance.from} s.d. ${performance.to}` },
    width: { step: 22 },
    height: 240,
    background: 'white',
    data: {
      values: performance.periods.map((period) => ({
        period: period.period,
        value: period[measure] ?? 0,
        counted: period[measure] !== null,
      })),
    },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'period', type: 'ordinal', sort: null, title: PERIOD_AXIS[performance.period] },
      y: {
        field: 'value',
        type: 'quantitative',
        title: axis,
        ...(share ? { axis: { format: '.0%' }, scale: { domain: [0, 1] } } : {}),
      },
      color: {
        condition: { test: 'datum.counted', value: COUNTED_COLOR },
        value: UNCOUNTED_COLOR,
      },
    },
  };
}
