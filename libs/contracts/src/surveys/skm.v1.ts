import { PageLimitV1, PageCursorV1 } from '../paging';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  SKM_PERIOD_KINDS,
  SKM_PERIOD_LABEL,
  SKM_WEIGHT_RULES,
  type FollowUpPlanSection,
  type SkmCategory,
  type SkmElement,
  type SkmPeriodKind,
  type SkmWeightRule,
} from '@satupintu/domain';
import { defineRequest } from '../contract';

/**
 * An SKM period's name, the one every surveys contract uses: the index's and report's
 * `period.label`, a follow-up plan's `period`, SERVQUAL's `period`. A quarter `2026-TW1` to
 * `2026-TW4` (triwulan), a semester `2026-S1`, `2026-S2`, a year `2026` (`skmPeriodNamed` reads
 * one, `skmPeriodOf` makes one, in libs/domain).
 */
export const SKM_PERIOD_TEXT = SKM_PERIOD_LABEL;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AGENCY = /^[A-Z0-9-]{2,32}$/;
const SERVICE = /^[A-Z0-9-]{2,64}$/;

/** One response's answers by element code, 1–4 each; an element left out was not answered. */
export class SkmAnswersV1 {
  @IsOptional() @IsInt() @Min(1) @Max(4) U1?: number;
  @IsOptional() @IsInt() @Min(1) @Max(4) U2?: number;
  @IsOptional() @IsInt() @Min(1) @Max(4) U3?: number;
  @IsOptional() @IsInt() @Min(1) @Max(4) U4?: number;
  @IsOptional() @IsInt() @Min(1) @Max(4) U5?: number;
  @IsOptional() @IsInt() @Min(1) @Max(4) U6?: number;
  @IsOptional() @IsInt() @Min(1) @Max(4) U7?: number;
  @IsOptional() @IsInt() @Min(1) @Max(4) U8?: number;
  @IsOptional() @IsInt() @Min(1) @Max(4) U9?: number;
}

export const SKM_SEXES = ['M', 'F'] as const;
export const SKM_AGE_BANDS = [
  'UNDER_20',
  '20_TO_29',
  '30_TO_39',
  '40_TO_49',
  '50_TO_59',
  '60_AND_OVER',
] as const;
/** The SKM questionnaire's schooling: none/SD, SMP, SMA, D1–D3, D4/S1, S2 and above. */
export const SKM_EDUCATIONS = ['SD_OR_LESS', 'SMP', 'SMA', 'D1_D3', 'D4_S1', 'S2_S3'] as const;
export const SKM_OCCUPATIONS = [
  'PNS_TNI_POLRI',
  'PRIVATE_EMPLOYEE',
  'ENTREPRENEUR',
  'STUDENT',
  'OTHER',
] as const;
export type SkmSex = (typeof SKM_SEXES)[number];
export type SkmAgeBand = (typeof SKM_AGE_BANDS)[number];
export type SkmEducation = (typeof SKM_EDUCATIONS)[number];
export type SkmOccupation = (typeof SKM_OCCUPATIONS)[number];

/** Who answered, in the questionnaire's bands; each may be left out. Nothing identifies them. */
export class SkmRespondentV1 {
  @IsOptional() @IsIn(SKM_SEXES) sex?: SkmSex;
  @IsOptional() @IsIn(SKM_AGE_BANDS) ageBand?: SkmAgeBand;
  @IsOptional() @IsIn(SKM_EDUCATIONS) education?: SkmEducation;
  @IsOptional() @IsIn(SKM_OCCUPATIONS) occupation?: SkmOccupation;
}

export const SKM_SUGGESTION_MAX_LENGTH = 1000;

abstract class SkmResponseBodyV1 {
  @ValidateNested()
  @Type(() => SkmAnswersV1)
  answers: SkmAnswersV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => SkmRespondentV1)
  respondent?: SkmRespondentV1;

  @IsOptional()
  @IsString()
  @MaxLength(SKM_SUGGESTION_MAX_LENGTH)
  suggestion?: string;
}

/** The applicant's own response about one of their cases, once it is ISSUED or REJECTED. */
export class SubmitSkmResponseV1 extends SkmResponseBodyV1 {
  @IsString()
  @Matches(/^[0-9A-Z]{9}$/, { context: { code: 'tracking_no_format' } })
  trackingNo: string;
}

/** A response taken at a kiosk (an API client with `surveys:kiosk`), about a service on a day. */
export class SubmitKioskSkmResponseV1 extends SkmResponseBodyV1 {
  @Matches(AGENCY, { context: { code: 'agency_code_format' } })
  agencyCode: string;

  @Matches(SERVICE, { context: { code: 'service_code_format' } })
  serviceCode: string;

  /** The local day (mall time zone) the respondent was served. */
  @Matches(DATE, { context: { code: 'must_be_date' } })
  day: string;
}

export interface SkmResponseReceiptV1 {
  responseId: string;
  source: 'CASE' | 'KIOSK';
  agencyCode: string;
  serviceCode: string;
  /** The local day it counts on (mall time zone). */
  day: string;
  /** Elements answered, in code order. */
  answered: SkmElement[];
  /** ISO 8601, UTC. */
  receivedAt: string;
}

/** Whose responses an index counts: the mall's, one agency's, or one service's. */
export class SkmScopeV1 {
  @IsOptional()
  @Matches(AGENCY, { context: { code: 'agency_code_format' } })
  agencyCode?: string;

  @IsOptional()
  @Matches(SERVICE, { context: { code: 'service_code_format' } })
  serviceCode?: string;
}

export class GetSkmIndexV1 extends SkmScopeV1 {
  @IsIn(SKM_PERIOD_KINDS)
  period: SkmPeriodKind;

  /** Any local date in the period asked for. */
  @Matches(DATE, { context: { code: 'must_be_date' } })
  at: string;

  /** The weight rule for this answer only; the service's setting when absent. */
  @IsOptional()
  @IsIn(SKM_WEIGHT_RULES)
  weightRule?: SkmWeightRule;
}

/** At most this many periods in a trend (ten years of quarters). */
export const MAX_SKM_TREND_PERIODS = 40;

export class GetSkmTrendV1 extends SkmScopeV1 {
  @IsIn(SKM_PERIOD_KINDS)
  period: SkmPeriodKind;

  @Matches(DATE, { context: { code: 'must_be_date' } })
  from: string;

  @Matches(DATE, { context: { code: 'must_be_date' } })
  to: string;

  @IsOptional()
  @IsIn(SKM_WEIGHT_RULES)
  weightRule?: SkmWeightRule;
}

export class ListSkmSuggestionsV1 extends GetSkmIndexV1 {
  @PageLimitV1()
  limit: number;

  @PageCursorV1()
  cursor?: string;
}

export const SKM_REPORT_LANGUAGES = ['id', 'en'] as const;
export type SkmReportLanguage = (typeof SKM_REPORT_LANGUAGES)[number];

export class GetSkmReportV1 extends GetSkmIndexV1 {
  /** How many periods the trend shows, ending with the one asked for (default 4). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SKM_TREND_PERIODS)
  trendPeriods?: number;

  @IsOptional()
  @IsIn(SKM_REPORT_LANGUAGES)
  language?: SkmReportLanguage;
}

export interface SkmPeriodV1 {
  kind: SkmPeriodKind;
  start: string;
  /** The day after the last. */
  end: string;
  /** Its name (`SKM_PERIOD_TEXT`): `2026-TW1`, `2026-S2`, `2026`. */
  label: string;
}

export interface SkmElementScoreV1 {
  element: SkmElement;
  name: { id: string; en: string };
  /** Respondents who answered it: its denominator. */
  answered: number;
  /** Mean answer 1–4 (nilai rata-rata, NRR); null when nobody answered. */
  nrr: number | null;
}

export type SkmProfileCounts = Record<string, number>;

export interface SkmIndexV1 {
  agencyCode?: string;
  serviceCode?: string;
  period: SkmPeriodV1;
  /** The mall's IANA time zone, which the periods' days are of. */
  timeZone: string;
  weightRule: SkmWeightRule;
  weight: number;
  /** U1–U9 in code order. */
  elements: SkmElementScoreV1[];
  /** Σ(NRR × weight) × 25, unrounded; null when an element has no answer at all. */
  ikm: number | null;
  ikmRounded: number | null;
  category: SkmCategory | null;
  categoryLabel: { id: string; en: string } | null;
  /** Elements nobody answered (then there is no index). */
  unanswered: SkmElement[];
  /** Responses counted (each answered at least one element). */
  respondents: number;
  /** Cases of the scope finished (ISSUED or REJECTED) in the period: its served population. */
  population: number;
  /** Krejcie & Morgan's minimum sample for that population. */
  minimumSample: number;
  /** respondents < minimumSample: the index does not represent the population. */
  sampleTooSmall: boolean;
  /** Element codes, lowest NRR first (unanswered last). */
  weakestFirst: SkmElement[];
  /** Respondents by band; `UNSTATED` for those who left it out. */
  profile: {
    sex: SkmProfileCounts;
    ageBand: SkmProfileCounts;
    education: SkmProfileCounts;
    occupation: SkmProfileCounts;
  };
  /** Responses with a suggestion. */
  suggestions: number;
}

export interface SkmTrendV1 {
  agencyCode?: string;
  serviceCode?: string;
  timeZone: string;
  weightRule: SkmWeightRule;
  periods: SkmIndexV1[];
}

export interface SkmSuggestionV1 {
  responseId: string;
  day: string;
  agencyCode: string;
  serviceCode: string;
  text: string;
}

export interface SkmSuggestionsPageV1 {
  items: SkmSuggestionV1[];
  nextCursor?: string;
}

/** The published report of one scope and period (public: no personal data, no free text). */
export interface SkmReportV1 {
  language: SkmReportLanguage;
  index: SkmIndexV1;
  /** The periods up to and including this one, oldest first. */
  trend: SkmIndexV1[];
  followUpPlan: FollowUpPlanSection;
  /** ISO 8601, UTC. */
  generatedAt: string;
}

export const SubmitSkmResponse = defineRequest<SubmitSkmResponseV1, SkmResponseReceiptV1>({
  subject: 'surveys.skm-response.submit.v1',
  service: 'surveys',
  payload: SubmitSkmResponseV1,
});

export const SubmitKioskSkmResponse = defineRequest<SubmitKioskSkmResponseV1, SkmResponseReceiptV1>(
  {
    subject: 'surveys.skm-response.submit-kiosk.v1',
    service: 'surveys',
    payload: SubmitKioskSkmResponseV1,
  },
);

export const GetSkmIndex = defineRequest<GetSkmIndexV1, SkmIndexV1>({
  subject: 'surveys.skm-index.get.v1',
  service: 'surveys',
  payload: GetSkmIndexV1,
});

export const GetSkmTrend = defineRequest<GetSkmTrendV1, SkmTrendV1>({
  subject: 'surveys.skm-index.trend.v1',
  service: 'surveys',
  payload: GetSkmTrendV1,
});

export const ListSkmSuggestions = defineRequest<ListSkmSuggestionsV1, SkmSuggestionsPageV1>({
  subject: 'surveys.skm-suggestions.list.v1',
  service: 'surveys',
  payload: ListSkmSuggestionsV1,
});

export const GetSkmReport = defineRequest<GetSkmReportV1, SkmReportV1>({
  subject: 'surveys.skm-report.get.v1',
  service: 'surveys',
  payload: GetSkmReportV1,
});

export const ExportSkmReport = defineRequest<GetSkmReportV1, { csv: string }>({
  subject: 'surveys.skm-report.csv.v1',
  service: 'surveys',
  payload: GetSkmReportV1,
});

export const RenderSkmReport = defineRequest<GetSkmReportV1, { html: string }>({
  subject: 'surveys.skm-report.html.v1',
  service: 'surveys',
  payload: GetSkmReportV1,
});
