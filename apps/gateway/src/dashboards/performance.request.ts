import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  MAX_PERFORMANCE_PERIODS,
  PERFORMANCE_MEASURES,
  PERIOD_KINDS,
  type DrawPerformanceChartV1,
  type GetPerformanceV1,
  type PerformanceMeasure,
  type PeriodKind,
} from '@satupintu/contracts';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';

const DATE = { type: String, format: 'date', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/** Which figures: by which period, over which dates, of whom. */
export class PerformanceRequest {
  @ApiProperty({
    enum: PERIOD_KINDS,
    description: "What a period is: a day, month, quarter or year of each agency's time zone",
    example: 'month',
  })
  @IsIn(PERIOD_KINDS)
  period: PeriodKind;

  @ApiProperty({
    ...DATE,
    description: `The first local day asked; the answer starts with the whole period holding it (at most ${MAX_PERFORMANCE_PERIODS} periods in all)`,
    example: '2026-01-01',
  })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  from: string;

  @ApiProperty({
    ...DATE,
    description: 'The last local day asked; the answer ends with the whole period holding it',
    example: '2026-06-30',
  })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  to: string;

  @ApiPropertyOptional({
    ...AGENCY_CODE,
    description: "Only this agency's cases (an agency admin: only their own, the default)",
  })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  agencyCode?: string;

  @ApiPropertyOptional({
    description: 'Only cases of this service',
    maxLength: SERVICE_CODE_MAX_LENGTH,
    example: 'DUKCAPIL-KK',
  })
  @IsOptional()
  @IsString()
  @MaxLength(SERVICE_CODE_MAX_LENGTH)
  serviceCode?: string;
}

export class PerformanceChartRequest extends PerformanceRequest {
  @ApiProperty({
    enum: PERFORMANCE_MEASURES,
    description: 'The figure to draw over the periods (ADR 0029 defines each)',
    example: 'medianDays',
  })
  @IsIn(PERFORMANCE_MEASURES)
  measure: PerformanceMeasure;
}

export function toGetPerformanceV1(query: PerformanceRequest): GetPerformanceV1 {
  return {
    period: query.period,
    from: query.from,
    to: query.to,
    ...(query.agencyCode ? { agencyCode: query.agencyCode } : {}),
    ...(query.serviceCode ? { serviceCode: query.serviceCode } : {}),
  };
}

export function toDrawPerformanceChartV1(query: PerformanceChartRequest): DrawPerformanceChartV1 {
  return { ...toGetPerformanceV1(query), measure: query.measure };
}
