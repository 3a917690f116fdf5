import { CHANNELS, type PerformancePeriodV1, type PerformanceV1 } from '@satupintu/contracts';

type Cell = string | number | null | undefined;

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

function figure(period: PerformancePeriodV1, name: (typeof FIGURES)[number]): Cell {
  if (name.startsWith('byChannel.'))
    return period.byChannel[name.slice('byChannel.'.length) as keyof typeof period.byChannel];
  return period[name as Exclude<typeof name, `byChannel.${string}`>];
}

/**
 * One field of RFC 4180: quoted when it holds a quote, a comma or a line break, quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is led by a `'`:
 * a service code is the caller's own text, echoed.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The figures as CSV: a header, then one record per period, CRLF after each (RFC 4180). */
export function performanceCsv(performance: PerformanceV1): string {
  const records: Cell[][] = [
    PERFORMANCE_CSV_HEADER,
    ...performance.periods.map((period) => [
      performance.period,
      period.period,
      performance.agencyCode,
      performance.serviceCode,
      ...FIGURES.map((name) => figure(period, name)),
    ]),
  ];
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
