import {
  CHANNELS,
  type Channel,
  type PerformanceNowV1,
  type PerformancePeriodV1,
  type PerformanceV1,
} from '@satupintu/contracts';
import type { DashboardScope } from './dashboard-access';
import type { PeriodRange } from './periods';

/** Submissions of one channel in one period (periods with none have no row). */
export interface VolumeRow {
  period: string;
  channel: Channel;
  submitted: number;
}

/** The decisions of one period, as SQL aggregated them. */
export type DecisionRow = Pick<
  PerformancePeriodV1,
  | 'period'
  | 'decided'
  | 'rejected'
  | 'revised'
  | 'withStandard'
  | 'withinStandard'
  | 'medianDays'
  | 'p90Days'
  | 'withinStandardShare'
  | 'revisionRate'
  | 'rejectionRate'
>;

/** The bundles that ended in one period. */
export type BundleRow = Pick<
  PerformancePeriodV1,
  'period' | 'bundlesCompleted' | 'bundlesFailed' | 'bundleMedianDays' | 'bundleP90Days'
>;

export interface PerformanceRows {
  volume: VolumeRow[];
  decisions: DecisionRow[];
  bundles: BundleRow[];
  now: PerformanceNowV1;
  asOf: Date;
}

function emptyPeriod(period: string): PerformancePeriodV1 {
  return {
    period,
    submitted: 0,
    byChannel: Object.fromEntries(CHANNELS.map((channel) => [channel, 0])) as Record<
      Channel,
      number
    >,
    decided: 0,
    rejected: 0,
    revised: 0,
    withStandard: 0,
    withinStandard: 0,
    medianDays: null,
    p90Days: null,
    withinStandardShare: null,
    revisionRate: null,
    rejectionRate: null,
    bundlesCompleted: 0,
    bundlesFailed: 0,
    bundleMedianDays: null,
    bundleP90Days: null,
  };
}

/**
 * The answer from what each measure group's query gave: every period of the range appears, a
 * period nothing happened in with zeros and no rates (null: nothing to divide by).
 */
export function assemblePerformance(
  range: PeriodRange,
  scope: DashboardScope,
  rows: PerformanceRows,
): PerformanceV1 {
  const periods = new Map(range.periods.map((period) => [period, emptyPeriod(period)]));
  const at = (period: string) => {
    const found = periods.get(period);
    // The queries count only [start, end): a row outside it is a fault in them, not data.
    if (!found) throw new RangeError(`a row for ${period}, outside ${range.start}..${range.end}`);
    return found;
  };
  for (const row of rows.volume) {
    const period = at(row.period);
    // A channel added to the contract later than a case's submission still counts in the total.
    if (Object.hasOwn(period.byChannel, row.channel))
      period.byChannel[row.channel] += row.submitted;
    period.submitted += row.submitted;
  }
  for (const { period, ...figures } of rows.decisions) Object.assign(at(period), figures);
  for (const { period, ...figures } of rows.bundles) Object.assign(at(period), figures);
  return {
    period: range.kind,
    from: range.start,
    to: range.last,
    ...scope,
    asOf: rows.asOf.toISOString(),
    now: rows.now,
    periods: [...periods.values()],
  };
}
