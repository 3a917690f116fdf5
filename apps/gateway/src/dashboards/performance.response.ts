import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_PERFORMANCE_PERIODS,
  PERIOD_KINDS,
  type Channel,
  type PeriodKind,
} from '@satupintu/contracts';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';

const COUNT = { type: Number, minimum: 0, maximum: 2_147_483_647 } as const;
const DAYS = { type: Number, nullable: true, minimum: 0, maximum: 3660 } as const;
const SHARE = { type: Number, nullable: true, minimum: 0, maximum: 1 } as const;
const LOCAL_DATE = { type: String, format: 'date', maxLength: 10 } as const;

export class ChannelCountsResponse implements Record<Channel, number> {
  @ApiProperty({ ...COUNT, example: 12 })
  WEB: number;
  @ApiProperty({ ...COUNT, example: 3 })
  MOBILE: number;
  @ApiProperty({ ...COUNT, example: 20 })
  COUNTER: number;
  @ApiProperty({ ...COUNT, example: 4 })
  KIOSK: number;
  @ApiProperty({ ...COUNT, example: 0 })
  CALL_CENTER: number;
  @ApiProperty({ ...COUNT, example: 1 })
  PORTAL: number;
}

export class PerformancePeriodResponse {
  @ApiProperty({
    ...LOCAL_DATE,
    description: "The period's first local day",
    example: '2026-01-01',
  })
  period: string;

  @ApiProperty({ ...COUNT, description: 'Submitted in the period', example: 40 })
  submitted: number;

  @ApiProperty({ type: ChannelCountsResponse, description: 'Submitted in the period, per channel' })
  byChannel: ChannelCountsResponse;

  @ApiProperty({ ...COUNT, description: 'Decided (ISSUED or REJECTED) in the period', example: 35 })
  decided: number;

  @ApiProperty({ ...COUNT, description: 'Of those decided: rejected', example: 3 })
  rejected: number;

  @ApiProperty({ ...COUNT, description: 'Of those decided: revised at least once', example: 7 })
  revised: number;

  @ApiProperty({ ...COUNT, description: 'Of those decided: with a deadline', example: 35 })
  withStandard: number;

  @ApiProperty({ ...COUNT, description: 'Of those with a deadline: decided by it', example: 31 })
  withinStandard: number;

  @ApiProperty({
    ...DAYS,
    description: 'Median working days from submission to decision (null: none decided)',
    example: 2,
  })
  medianDays: number | null;

  @ApiProperty({ ...DAYS, description: 'Their 90th percentile (interpolated)', example: 6.4 })
  p90Days: number | null;

  @ApiProperty({ ...SHARE, description: 'withinStandard / withStandard', example: 0.8857 })
  withinStandardShare: number | null;

  @ApiProperty({ ...SHARE, description: 'revised / decided', example: 0.2 })
  revisionRate: number | null;

  @ApiProperty({ ...SHARE, description: 'rejected / decided', example: 0.0857 })
  rejectionRate: number | null;

  @ApiProperty({ ...COUNT, description: 'Bundles whose every step was issued', example: 2 })
  bundlesCompleted: number;

  @ApiProperty({ ...COUNT, description: 'Bundles that failed (a step refused)', example: 0 })
  bundlesFailed: number;

  @ApiProperty({
    ...DAYS,
    description: "Median working days from a completed bundle's first submission to its end",
    example: 8,
  })
  bundleMedianDays: number | null;

  @ApiProperty({ ...DAYS, description: 'Their 90th percentile', example: 8 })
  bundleP90Days: number | null;
}

export class PerformanceNowResponse {
  @ApiProperty({ ...COUNT, description: 'Not yet decided nor withdrawn', example: 14 })
  open: number;

  @ApiProperty({
    ...COUNT,
    description: 'Running, past the at-risk instant, deadline not reached',
    example: 2,
  })
  atRisk: number;

  @ApiProperty({ ...COUNT, description: 'Running, deadline reached', example: 1 })
  overdue: number;
}

export class PerformanceResponse {
  @ApiProperty({ enum: PERIOD_KINDS, example: 'month' })
  period: PeriodKind;

  @ApiProperty({ ...LOCAL_DATE, description: 'The first day counted', example: '2026-01-01' })
  from: string;

  @ApiProperty({ ...LOCAL_DATE, description: 'The last day counted', example: '2026-06-30' })
  to: string;

  @ApiPropertyOptional({ ...AGENCY_CODE, description: 'The agency counted (absent: all)' })
  agencyCode?: string;

  @ApiPropertyOptional({
    description: 'The service counted (absent: all)',
    maxLength: SERVICE_CODE_MAX_LENGTH,
    example: 'DUKCAPIL-KK',
  })
  serviceCode?: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    maxLength: 24,
    description: 'When the figures were read (UTC): the moment `now` counts at',
    example: '2026-07-01T02:00:00.000Z',
  })
  asOf: string;

  @ApiProperty({ type: PerformanceNowResponse })
  now: PerformanceNowResponse;

  @ApiProperty({
    type: [PerformancePeriodResponse],
    maxItems: MAX_PERFORMANCE_PERIODS,
    description: 'Every period asked, oldest first, those where nothing happened too',
  })
  periods: PerformancePeriodResponse[];
}
