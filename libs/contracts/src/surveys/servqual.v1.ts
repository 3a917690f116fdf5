import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SERVQUAL_DIMENSIONS, SERVQUAL_ITEMS, SERVQUAL_SCALE } from '@satupintu/domain';
import { defineRequest } from '../contract';
import { SKM_PERIOD_TEXT } from './skm.v1';

/** SERVQUAL (issue 11): 22 items, each asked as expectation and perception on 1–5. */
export const SERVQUAL_ITEM_COUNT = SERVQUAL_ITEMS;
export const SERVQUAL_ANSWER_MIN = SERVQUAL_SCALE.min;
export const SERVQUAL_ANSWER_MAX = SERVQUAL_SCALE.max;
export const SERVQUAL_DIMENSION_NAMES = SERVQUAL_DIMENSIONS;
export type ServqualDimensionName = (typeof SERVQUAL_DIMENSION_NAMES)[number];

export class ServqualAnswerV1 {
  @IsInt()
  @Min(1)
  @Max(SERVQUAL_ITEM_COUNT)
  item: number;

  @IsInt()
  @Min(SERVQUAL_ANSWER_MIN)
  @Max(SERVQUAL_ANSWER_MAX)
  expectation: number;

  @IsInt()
  @Min(SERVQUAL_ANSWER_MIN)
  @Max(SERVQUAL_ANSWER_MAX)
  perception: number;
}

/**
 * One respondent's answers. An applicant answers for a case of theirs that is finished
 * (`trackingNo`); a kiosk (an API client with `surveys:kiosk`) for a service and a day. An item
 * left out is unanswered: it counts in no mean, and the response stays.
 */
export class SubmitServqualResponseV1 {
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Z]{9}$/)
  trackingNo?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,48}$/)
  serviceCode?: string;

  /** `YYYY-MM-DD`: the day the kiosk's respondent was served. */
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SERVQUAL_ITEM_COUNT)
  @ValidateNested({ each: true })
  @Type(() => ServqualAnswerV1)
  answers: ServqualAnswerV1[];
}

export interface ServqualResponseReceiptV1 {
  responseId: string;
  serviceCode: string;
  day: string;
  source: 'APPLICANT' | 'KIOSK';
  answered: number;
}

export class GetServqualResultsV1 {
  @IsString()
  @Matches(/^[A-Z0-9-]{2,48}$/)
  serviceCode: string;

  @IsString()
  @Matches(SKM_PERIOD_TEXT)
  period: string;
}

export interface ServqualItemResultV1 {
  item: number;
  dimension: ServqualDimensionName;
  /** Respondents who answered the item (both its questions). */
  answered: number;
  /** Means over them; absent when nobody answered. */
  expectation?: number;
  perception?: number;
  /** perception − expectation. */
  gap?: number;
}

export interface ServqualResultsV1 {
  serviceCode: string;
  period: string;
  /** The period's first day and the day after its last, `YYYY-MM-DD`. */
  from: string;
  until: string;
  respondents: number;
  items: ServqualItemResultV1[];
  /** The mean of each dimension's item gaps, over its items anyone answered. */
  dimensions: { dimension: ServqualDimensionName; gap?: number }[];
}

export const SubmitServqualResponse = defineRequest<
  SubmitServqualResponseV1,
  ServqualResponseReceiptV1
>({
  subject: 'surveys.servqual-response.submit.v1',
  service: 'surveys',
  payload: SubmitServqualResponseV1,
});

export const GetServqualResults = defineRequest<GetServqualResultsV1, ServqualResultsV1>({
  subject: 'surveys.servqual.results.v1',
  service: 'surveys',
  payload: GetServqualResultsV1,
});

export const ExportServqualResults = defineRequest<GetServqualResultsV1, { csv: string }>({
  subject: 'surveys.servqual.export.v1',
  service: 'surveys',
  payload: GetServqualResultsV1,
});
