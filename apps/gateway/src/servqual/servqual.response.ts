import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SERVQUAL_ANSWER_MAX,
  SERVQUAL_ANSWER_MIN,
  SERVQUAL_DIMENSION_NAMES,
  SERVQUAL_ITEM_COUNT,
  type ServqualDimensionName,
  type ServqualResponseReceiptV1,
  type ServqualResultsV1,
} from '@satupintu/contracts';
import { DATE, PERIOD, SERVICE_CODE } from '../follow-up/follow-up-plans.request';

const DIMENSION = {
  enum: SERVQUAL_DIMENSION_NAMES,
  enumName: 'ServqualDimension',
  example: 'RELIABILITY',
} as const;
const MEAN = { type: Number, minimum: SERVQUAL_ANSWER_MIN, maximum: SERVQUAL_ANSWER_MAX };
const GAP = {
  type: Number,
  minimum: SERVQUAL_ANSWER_MIN - SERVQUAL_ANSWER_MAX,
  maximum: SERVQUAL_ANSWER_MAX - SERVQUAL_ANSWER_MIN,
};
const COUNT = { type: Number, minimum: 0, maximum: 2_147_483_647 };

export class ServqualReceiptResponse {
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36 })
  responseId: string;

  @ApiProperty({ ...SERVICE_CODE, description: 'The service it counts for' })
  serviceCode: string;

  @ApiProperty({ ...DATE, description: 'The day it counts on (an applicant’s: the case’s end)' })
  day: string;

  @ApiProperty({ enum: ['APPLICANT', 'KIOSK'], enumName: 'ServqualSource', example: 'KIOSK' })
  source: 'APPLICANT' | 'KIOSK';

  @ApiProperty({
    type: Number,
    minimum: 1,
    maximum: SERVQUAL_ITEM_COUNT,
    description: 'Items answered',
  })
  answered: number;
}

export class ServqualItemResultResponse {
  @ApiProperty({ type: Number, minimum: 1, maximum: SERVQUAL_ITEM_COUNT })
  item: number;

  @ApiProperty(DIMENSION)
  dimension: ServqualDimensionName;

  @ApiProperty({ ...COUNT, description: 'Respondents who answered it' })
  answered: number;

  @ApiPropertyOptional({ ...MEAN, description: 'Mean expectation; absent when nobody answered' })
  expectation?: number;

  @ApiPropertyOptional({ ...MEAN, description: 'Mean perception; absent when nobody answered' })
  perception?: number;

  @ApiPropertyOptional({
    ...GAP,
    description: 'perception − expectation; absent when nobody answered',
  })
  gap?: number;
}

export class ServqualDimensionResultResponse {
  @ApiProperty(DIMENSION)
  dimension: ServqualDimensionName;

  @ApiPropertyOptional({
    ...GAP,
    description: 'The mean of its items’ gaps, over the items anyone answered; absent if none',
  })
  gap?: number;
}

export class ServqualResultsResponse {
  @ApiProperty(SERVICE_CODE)
  serviceCode: string;

  @ApiProperty(PERIOD)
  period: string;

  @ApiProperty({ ...DATE, description: 'The period’s first day' })
  from: string;

  @ApiProperty({ ...DATE, description: 'The day after the period’s last' })
  until: string;

  @ApiProperty({ ...COUNT, description: 'Responses in the period' })
  respondents: number;

  @ApiProperty({
    type: [ServqualItemResultResponse],
    minItems: SERVQUAL_ITEM_COUNT,
    maxItems: SERVQUAL_ITEM_COUNT,
  })
  items: ServqualItemResultResponse[];

  @ApiProperty({
    type: [ServqualDimensionResultResponse],
    minItems: SERVQUAL_DIMENSION_NAMES.length,
    maxItems: SERVQUAL_DIMENSION_NAMES.length,
  })
  dimensions: ServqualDimensionResultResponse[];
}

export const toServqualReceiptResponse = (
  receipt: ServqualResponseReceiptV1,
): ServqualReceiptResponse => ({
  responseId: receipt.responseId,
  serviceCode: receipt.serviceCode,
  day: receipt.day,
  source: receipt.source,
  answered: receipt.answered,
});

export function toServqualResultsResponse(results: ServqualResultsV1): ServqualResultsResponse {
  return {
    serviceCode: results.serviceCode,
    period: results.period,
    from: results.from,
    until: results.until,
    respondents: results.respondents,
    items: results.items.map((item) => ({
      item: item.item,
      dimension: item.dimension,
      answered: item.answered,
      ...(item.gap !== undefined
        ? { expectation: item.expectation, perception: item.perception, gap: item.gap }
        : {}),
    })),
    dimensions: results.dimensions.map((d) => ({
      dimension: d.dimension,
      ...(d.gap !== undefined ? { gap: d.gap } : {}),
    })),
  };
}
