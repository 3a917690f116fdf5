import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FOLLOW_UP_PLAN_LIMITS,
  MAX_SKM_TREND_PERIODS,
  type FollowUpElement,
  type FollowUpItemStatus,
  type FollowUpQuarter,
  SKM_REPORT_LANGUAGES,
  SKM_SUGGESTION_MAX_LENGTH,
  type SkmReportLanguage,
} from '@satupintu/contracts';
import {
  SKM_ELEMENTS,
  SKM_PERIOD_KINDS,
  SKM_WEIGHT_RULES,
  type SkmCategory,
  type SkmElement,
  type SkmPeriodKind,
  type SkmWeightRule,
} from '@satupintu/domain';
import * as FOLLOW_UP from '../follow-up/follow-up-plans.request';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';

const COUNT = { type: Number, minimum: 0, maximum: 2_147_483_647 } as const;
const DATE = { type: String, format: 'date', maxLength: 10 } as const;
const UTC_TIME = { type: String, format: 'date-time', maxLength: 24 } as const;
const ELEMENT = { enum: SKM_ELEMENTS, enumName: 'SkmElement' } as const;
const CATEGORIES = ['A', 'B', 'C', 'D'] as const;
const SERVICE = { maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DUKCAPIL-KK' } as const;

export class SkmReceiptResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36, example: '3b0c2d7e-9f51-4e0a-8d8e-0c6f4d1f2a77' })
  responseId: string;

  @ApiProperty({
    enum: ['CASE', 'KIOSK'],
    description: "`CASE`: an applicant's about their case; `KIOSK`: taken at a kiosk",
    example: 'CASE',
  })
  source: 'CASE' | 'KIOSK';

  @ApiProperty({ ...AGENCY_CODE })
  agencyCode: string;

  @ApiProperty({ ...SERVICE })
  serviceCode: string;

  @ApiProperty({ ...DATE, description: "The mall's local day it counts on", example: '2026-11-23' })
  day: string;

  @ApiProperty({ ...ELEMENT, isArray: true, maxItems: 9, example: ['U1', 'U2', 'U9'] })
  answered: SkmElement[];

  @ApiProperty({ ...UTC_TIME, example: '2026-11-23T03:12:45.120Z' })
  receivedAt: string;
}

export class BilingualTextResponse {
  @ApiProperty({ maxLength: 100, example: 'Persyaratan' })
  id: string;
  @ApiProperty({ maxLength: 100, example: 'Requirements' })
  en: string;
}

export class SkmPeriodResponse {
  @ApiProperty({ enum: SKM_PERIOD_KINDS, enumName: 'SkmPeriodKind', example: 'quarter' })
  kind: SkmPeriodKind;
  @ApiProperty({ ...DATE, description: 'Its first local day', example: '2026-01-01' })
  start: string;
  @ApiProperty({ ...DATE, description: 'The local day after its last', example: '2026-04-01' })
  end: string;
  @ApiProperty({ maxLength: 8, description: '`2026-TW1`, `2026-S1`, `2026`', example: '2026-TW1' })
  label: string;
}

export class SkmElementScoreResponse {
  @ApiProperty({ ...ELEMENT, example: 'U1' })
  element: SkmElement;
  @ApiProperty({ type: BilingualTextResponse })
  name: BilingualTextResponse;
  @ApiProperty({
    ...COUNT,
    description: 'Respondents who answered it: its denominator',
    example: 120,
  })
  answered: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 4,
    description: 'Mean answer (NRR), unrounded; null when nobody answered it',
    example: 3.25,
  })
  nrr: number | null;
}

const band = (values: readonly string[]) =>
  Object.fromEntries(
    [...values, 'UNSTATED'].map((value) => [
      value,
      { type: 'integer' as const, minimum: 0, maximum: 2_147_483_647 },
    ]),
  );

export class SkmProfileResponse {
  @ApiProperty({
    type: 'object',
    properties: band(['M', 'F']),
    example: { M: 50, F: 68, UNSTATED: 2 },
  })
  sex: Record<string, number>;
  @ApiProperty({
    type: 'object',
    properties: band(['UNDER_20', '20_TO_29', '30_TO_39', '40_TO_49', '50_TO_59', '60_AND_OVER']),
    example: {
      UNDER_20: 3,
      '20_TO_29': 40,
      '30_TO_39': 41,
      '40_TO_49': 20,
      '50_TO_59': 10,
      '60_AND_OVER': 4,
      UNSTATED: 2,
    },
  })
  ageBand: Record<string, number>;
  @ApiProperty({
    type: 'object',
    properties: band(['SD_OR_LESS', 'SMP', 'SMA', 'D1_D3', 'D4_S1', 'S2_S3']),
    example: { SD_OR_LESS: 5, SMP: 10, SMA: 60, D1_D3: 15, D4_S1: 25, S2_S3: 3, UNSTATED: 2 },
  })
  education: Record<string, number>;
  @ApiProperty({
    type: 'object',
    properties: band(['PNS_TNI_POLRI', 'PRIVATE_EMPLOYEE', 'ENTREPRENEUR', 'STUDENT', 'OTHER']),
    example: {
      PNS_TNI_POLRI: 10,
      PRIVATE_EMPLOYEE: 40,
      ENTREPRENEUR: 45,
      STUDENT: 15,
      OTHER: 8,
      UNSTATED: 2,
    },
  })
  occupation: Record<string, number>;
}

export class SkmIndexResponse {
  @ApiPropertyOptional({ ...AGENCY_CODE })
  agencyCode?: string;
  @ApiPropertyOptional({ ...SERVICE })
  serviceCode?: string;
  @ApiProperty({ type: SkmPeriodResponse })
  period: SkmPeriodResponse;
  @ApiProperty({ maxLength: 64, description: "The mall's IANA time zone", example: 'Asia/Jakarta' })
  timeZone: string;
  @ApiProperty({ enum: SKM_WEIGHT_RULES, enumName: 'SkmWeightRule', example: 'EXACT' })
  weightRule: SkmWeightRule;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, example: 0.1111111111111111 })
  weight: number;
  @ApiProperty({ type: [SkmElementScoreResponse], maxItems: 9, description: 'U1–U9 in code order' })
  elements: SkmElementScoreResponse[];
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 25,
    maximum: 100,
    description: 'Σ(NRR × weight) × 25, unrounded; null when an element was answered by nobody',
    example: 81.71296296296296,
  })
  ikm: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 25, maximum: 100, example: 81.71 })
  ikmRounded: number | null;
  @ApiProperty({
    enum: CATEGORIES,
    nullable: true,
    description: 'A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, D below (of the value rounded to 2 decimals)',
    example: 'B',
  })
  category: SkmCategory | null;
  @ApiProperty({ type: BilingualTextResponse, nullable: true })
  categoryLabel: BilingualTextResponse | null;
  @ApiProperty({ ...ELEMENT, isArray: true, maxItems: 9, example: [] })
  unanswered: SkmElement[];
  @ApiProperty({ ...COUNT, example: 120 })
  respondents: number;
  @ApiProperty({
    ...COUNT,
    description: 'Applications of the scope finished (ISSUED or REJECTED) in the period',
    example: 1000,
  })
  population: number;
  @ApiProperty({ ...COUNT, description: 'Krejcie & Morgan for the population', example: 278 })
  minimumSample: number;
  @ApiProperty({ type: Boolean, description: 'respondents < minimumSample', example: true })
  sampleTooSmall: boolean;
  @ApiProperty({
    ...ELEMENT,
    isArray: true,
    maxItems: 9,
    example: ['U3', 'U9', 'U1', 'U2', 'U5', 'U6', 'U8', 'U7', 'U4'],
  })
  weakestFirst: SkmElement[];
  @ApiProperty({ type: SkmProfileResponse })
  profile: SkmProfileResponse;
  @ApiProperty({ ...COUNT, description: 'Responses with a suggestion', example: 14 })
  suggestions: number;
}

export class SkmTrendResponse {
  @ApiPropertyOptional({ ...AGENCY_CODE })
  agencyCode?: string;
  @ApiPropertyOptional({ ...SERVICE })
  serviceCode?: string;
  @ApiProperty({ maxLength: 64, example: 'Asia/Jakarta' })
  timeZone: string;
  @ApiProperty({ enum: SKM_WEIGHT_RULES, enumName: 'SkmWeightRule', example: 'EXACT' })
  weightRule: SkmWeightRule;
  @ApiProperty({ type: [SkmIndexResponse], maxItems: MAX_SKM_TREND_PERIODS })
  periods: SkmIndexResponse[];
}

export class SkmSuggestionResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36, example: '3b0c2d7e-9f51-4e0a-8d8e-0c6f4d1f2a77' })
  responseId: string;
  @ApiProperty({ ...DATE, example: '2026-02-15' })
  day: string;
  @ApiProperty({ ...AGENCY_CODE })
  agencyCode: string;
  @ApiProperty({ ...SERVICE })
  serviceCode: string;
  @ApiProperty({ maxLength: SKM_SUGGESTION_MAX_LENGTH, example: 'Ruang tunggu perlu kipas angin.' })
  text: string;
}

export class SkmSuggestionsPageResponse {
  @ApiProperty({ type: [SkmSuggestionResponse], maxItems: WORK_QUEUE_LIMITS.pageSize })
  items: SkmSuggestionResponse[];
  @ApiPropertyOptional({ maxLength: WORK_QUEUE_LIMITS.cursor, pattern: CURSOR_PATTERN })
  nextCursor?: string;
}

/** A follow-up item as the report prints it: the plan's own fields, without its bookkeeping. */
export class SkmReportFollowUpItemResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    maxLength: 36,
    description: 'The item, as `/v1/follow-up-plans` names it',
  })
  id: string;
  @ApiProperty(FOLLOW_UP.ELEMENT)
  element: FollowUpElement;
  @ApiProperty({ type: String, maxLength: FOLLOW_UP_PLAN_LIMITS.activity })
  activity: string;
  @ApiProperty(FOLLOW_UP.QUARTERS)
  plannedQuarters: FollowUpQuarter[];
  @ApiProperty({ type: String, maxLength: FOLLOW_UP_PLAN_LIMITS.responsibleUnit })
  responsibleUnit: string;
  @ApiProperty(FOLLOW_UP.STATUS)
  status: FollowUpItemStatus;
  @ApiProperty({ type: FOLLOW_UP.FollowUpEvidenceRequest })
  evidence: FOLLOW_UP.FollowUpEvidenceRequest;
  @ApiProperty({ type: Number, minimum: 1, maximum: 2_147_483_647, example: 2 })
  version: number;
}

/** The follow-up plan of the report's scope and period (`/v1/follow-up-plans`), as printed. */
export class SkmReportFollowUpResponse {
  @ApiProperty({
    type: FOLLOW_UP.ConsultationForumRequest,
    nullable: true,
    description: 'The public consultation forum (FKP) that agreed the plan; null until recorded',
  })
  forum: FOLLOW_UP.ConsultationForumRequest | null;
  @ApiProperty({
    type: [SkmReportFollowUpItemResponse],
    maxItems: FOLLOW_UP_PLAN_LIMITS.itemsPerPlan,
  })
  items: SkmReportFollowUpItemResponse[];
}

export class SkmReportResponse {
  @ApiProperty({ enum: SKM_REPORT_LANGUAGES, example: 'id' })
  language: SkmReportLanguage;
  @ApiProperty({ type: SkmIndexResponse, description: 'The period reported' })
  index: SkmIndexResponse;
  @ApiProperty({
    type: [SkmIndexResponse],
    maxItems: MAX_SKM_TREND_PERIODS,
    description: 'Oldest first, ending with the period reported',
  })
  trend: SkmIndexResponse[];
  @ApiProperty({
    type: SkmReportFollowUpResponse,
    description: 'The follow-up plan and the forum that agreed it (empty until one is recorded)',
  })
  followUpPlan: SkmReportFollowUpResponse;
  @ApiProperty({ ...UTC_TIME, example: '2026-04-02T01:00:00.000Z' })
  generatedAt: string;
}
