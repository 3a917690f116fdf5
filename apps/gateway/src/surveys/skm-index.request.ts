import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  MAX_SKM_TREND_PERIODS,
  SKM_REPORT_LANGUAGES,
  type GetSkmIndexV1,
  type GetSkmReportV1,
  type GetSkmTrendV1,
  type ListSkmSuggestionsV1,
  type SkmReportLanguage,
} from '@satupintu/contracts';
import {
  SKM_PERIOD_KINDS,
  SKM_WEIGHT_RULES,
  type SkmPeriodKind,
  type SkmWeightRule,
} from '@satupintu/domain';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';
import { WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';
import { PageCursor, PageLimit } from '../openapi/paging';

const DATE = { type: String, format: 'date', maxLength: 10 } as const;

class SkmScopeRequest {
  @ApiPropertyOptional({ ...AGENCY_CODE, description: "One agency's responses and cases" })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  agencyCode?: string;

  @ApiPropertyOptional({
    maxLength: SERVICE_CODE_MAX_LENGTH,
    pattern: '^[A-Z0-9-]{2,64}$',
    description: "One service's responses and cases",
    example: 'DUKCAPIL-KK',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,64}$/, { context: { code: 'service_code_format' } })
  serviceCode?: string;

  @ApiPropertyOptional({
    enum: SKM_WEIGHT_RULES,
    enumName: 'SkmWeightRule',
    description:
      "The element weight for this answer: `EXACT` 1/9, or `ROUNDED_0_111`/`ROUNDED_0_11` as offices print it; the service's setting (`SKM_WEIGHT_RULE`, exact by default) when absent",
    example: 'EXACT',
  })
  @IsOptional()
  @IsIn(SKM_WEIGHT_RULES)
  weightRule?: SkmWeightRule;
}

export class SkmIndexRequest extends SkmScopeRequest {
  @ApiProperty({
    enum: SKM_PERIOD_KINDS,
    enumName: 'SkmPeriodKind',
    description: "Quarter, semester or year, of the mall's local days",
    example: 'quarter',
  })
  @IsIn(SKM_PERIOD_KINDS)
  period: SkmPeriodKind;

  @ApiProperty({ ...DATE, description: 'Any day of the period', example: '2026-02-15' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  at: string;
}

export class SkmTrendRequest extends SkmScopeRequest {
  @ApiProperty({ enum: SKM_PERIOD_KINDS, enumName: 'SkmPeriodKind', example: 'quarter' })
  @IsIn(SKM_PERIOD_KINDS)
  period: SkmPeriodKind;

  @ApiProperty({ ...DATE, description: 'A day of the first period', example: '2025-01-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  from: string;

  @ApiProperty({ ...DATE, description: 'A day of the last period', example: '2026-12-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  to: string;
}

export class SkmSuggestionsRequest extends SkmIndexRequest {
  @PageLimit('Suggestions')
  limit?: number;

  @PageCursor()
  cursor?: string;
}

export class SkmReportRequest extends SkmIndexRequest {
  @ApiPropertyOptional({
    description: 'Periods in the trend, ending with the one reported',
    minimum: 1,
    maximum: MAX_SKM_TREND_PERIODS,
    default: 4,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SKM_TREND_PERIODS)
  trendPeriods?: number;

  @ApiPropertyOptional({
    enum: SKM_REPORT_LANGUAGES,
    description: 'The language of the report: Indonesian (the default) or English',
    example: 'id',
  })
  @IsOptional()
  @IsIn(SKM_REPORT_LANGUAGES)
  lang?: SkmReportLanguage;
}

function scopeOf(query: SkmScopeRequest) {
  return {
    ...(query.agencyCode ? { agencyCode: query.agencyCode } : {}),
    ...(query.serviceCode ? { serviceCode: query.serviceCode } : {}),
    ...(query.weightRule ? { weightRule: query.weightRule } : {}),
  };
}

export function toGetSkmIndexV1(query: SkmIndexRequest): GetSkmIndexV1 {
  return { period: query.period, at: query.at, ...scopeOf(query) };
}

export function toGetSkmTrendV1(query: SkmTrendRequest): GetSkmTrendV1 {
  return { period: query.period, from: query.from, to: query.to, ...scopeOf(query) };
}

export function toListSkmSuggestionsV1(query: SkmSuggestionsRequest): ListSkmSuggestionsV1 {
  return {
    ...toGetSkmIndexV1(query),
    limit: query.limit ?? WORK_QUEUE_LIMITS.defaultPageSize,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}

export function toGetSkmReportV1(query: SkmReportRequest): GetSkmReportV1 {
  return {
    ...toGetSkmIndexV1(query),
    ...(query.trendPeriods ? { trendPeriods: query.trendPeriods } : {}),
    ...(query.lang ? { language: query.lang } : {}),
  };
}
