import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Channel } from '../channels';
import { defineRequest } from '../contract';

/** The periods a dashboard counts in: each is a day, month, quarter or year of the agency's zone. */
export const PERIOD_KINDS = ['day', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A dashboard answers at most this many periods at once (a year of days). */
export const MAX_PERFORMANCE_PERIODS = 366;

/** The figures of a period that a chart can draw (ADR 0029 defines each). */
export const PERFORMANCE_MEASURES = [
  'submitted',
  'decided',
  'medianDays',
  'p90Days',
  'withinStandardShare',
  'revisionRate',
  'rejectionRate',
  'bundlesCompleted',
  'bundleMedianDays',
  'bundleP90Days',
] as const;
export type PerformanceMeasure = (typeof PERFORMANCE_MEASURES)[number];

/**
 * Which cases a dashboard counts: the whole mall, one agency, or one service (of one agency, or
 * of any). `from` and `to` are local dates; the answer covers every whole period they touch.
 */
export class GetPerformanceV1 {
  @IsIn(PERIOD_KINDS)
  period: PeriodKind;

  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  from: string;

  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  to: string;

  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  agencyCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  serviceCode?: string;
}

export class DrawPerformanceChartV1 extends GetPerformanceV1 {
  @IsIn(PERFORMANCE_MEASURES)
  measure: PerformanceMeasure;
}

/** One period's figures. Rates and shares are fractions (0..1); null where nothing was counted. */
export interface PerformancePeriodV1 {
  /** The period's first local day, `YYYY-MM-DD`. */
  period: string;
  /** Submitted in the period, in all and per channel. */
  submitted: number;
  byChannel: Record<Channel, number>;
  /** Decided (ISSUED or REJECTED) in the period. */
  decided: number;
  rejected: number;
  /** Decided in the period after at least one revision. */
  revised: number;
  /** Decided in the period that had a service standard (a deadline), and those by it. */
  withStandard: number;
  withinStandard: number;
  /** Working days from submission to decision, over those decided in the period. */
  medianDays: number | null;
  p90Days: number | null;
  withinStandardShare: number | null;
  revisionRate: number | null;
  rejectionRate: number | null;
  /** Bundles whose last step was issued in the period, and those that failed in it. */
  bundlesCompleted: number;
  bundlesFailed: number;
  /** Working days from a completed bundle's first submission to its completion. */
  bundleMedianDays: number | null;
  bundleP90Days: number | null;
}

/** Running cases at the moment of the answer: not over, not waiting on the applicant. */
export interface PerformanceNowV1 {
  open: number;
  /** Past the at-risk instant, deadline not yet reached. */
  atRisk: number;
  /** Deadline reached. */
  overdue: number;
}

export interface PerformanceV1 {
  period: PeriodKind;
  from: string;
  to: string;
  agencyCode?: string;
  serviceCode?: string;
  /** When the figures were read (ISO 8601, UTC): what `now` counts at. */
  asOf: string;
  now: PerformanceNowV1;
  /** Every period from the one holding `from` to the one holding `to`, oldest first. */
  periods: PerformancePeriodV1[];
}

export const GetPerformance = defineRequest<GetPerformanceV1, PerformanceV1>({
  subject: 'tracking.performance.get.v1',
  service: 'tracking',
  payload: GetPerformanceV1,
});

/** The same figures as CSV (RFC 4180), one line per period. */
export const ExportPerformance = defineRequest<GetPerformanceV1, { csv: string }>({
  subject: 'tracking.performance.export.v1',
  service: 'tracking',
  payload: GetPerformanceV1,
});

/** One measure over the periods, drawn as an SVG bar chart. */
export const DrawPerformanceChart = defineRequest<DrawPerformanceChartV1, { svg: string }>({
  subject: 'tracking.performance.chart.v1',
  service: 'tracking',
  payload: DrawPerformanceChartV1,
});
