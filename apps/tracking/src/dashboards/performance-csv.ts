import { csvText, type CsvCell } from '@satupintu/common';
import { CHANNELS, type PerformancePeriodV1, type PerformanceV1 } from '@satupintu/contracts';

/** The columns, in order: the scope, then each period's figures as the JSON names them. */
const FIGURES = [
  'submitted',
  ...CHANNELS.map((channel) => `byChannel.${channel}` as const),
  'decided',
  'rejected',
  'revised',
  'withStandard',
  'withinStandard',
  'medianDays',
  'p90Days',
  'withinStandardShare',
  'revisionRate',
  'rejectionRate',
  'bundlesCompleted',
  'bundlesFailed',
  'bundleMedianDays',
  'bundleP90Days',
] as const;

export const PERFORMANCE_CSV_HEADER = [
  'periodKind',
  'period',
  'agencyCode',
  'serviceCode',
  ...FIGURES,
];

function figure(period: PerformancePeriodV1, name: (typeof FIGURES)[number]): CsvCell {
  if (name.startsWith('byChannel.'))
    return period.byChannel[name.slice('byChannel.'.length) as keyof typeof period.byChannel];
  return period[name as Exclude<typeof name, `byChannel.${string}`>];
}

/** The figures as CSV: a header, then one record per period, CRLF after each (RFC 4180). */
export function performanceCsv(performance: PerformanceV1): string {
  const records: CsvCell[][] = [
    PERFORMANCE_CSV_HEADER,
    ...performance.periods.map((period) => [
      performance.period,
      period.period,
      performance.agencyCode,
      performance.serviceCode,
      ...FIGURES.map((name) => figure(period, name)),
    ]),
  ];
  return csvText(records);
}
