import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
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
  SERVQUAL_ANSWER_MAX,
  SERVQUAL_ANSWER_MIN,
  SERVQUAL_ITEM_COUNT,
  SKM_PERIOD_TEXT,
  type GetServqualResultsV1,
  type SubmitServqualResponseV1,
} from '@satupintu/contracts';
import { DomainError } from '@satupintu/common';
import { normalizeTrackingNumber } from '@satupintu/domain';
import { TRACKING_NO_INPUT_MAX_LENGTH } from '../applications/tracking-number.param';
import { DATE, PERIOD, SERVICE_CODE } from '../follow-up/follow-up-plans.request';

const ANSWER = {
  type: Number,
  minimum: SERVQUAL_ANSWER_MIN,
  maximum: SERVQUAL_ANSWER_MAX,
};

export class ServqualAnswerRequest {
  @ApiProperty({
    type: Number,
    minimum: 1,
    maximum: SERVQUAL_ITEM_COUNT,
    description:
      'The item: tangibles 1–4, reliability 5–9, responsiveness 10–13, assurance 14–17, empathy 18–22',
    example: 5,
  })
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(SERVQUAL_ITEM_COUNT)
  item: number;

  @ApiProperty({ ...ANSWER, description: 'What the respondent expected, 1 (low) to 5', example: 5 })
  @IsDefined()
  @IsInt()
  @Min(SERVQUAL_ANSWER_MIN)
  @Max(SERVQUAL_ANSWER_MAX)
  expectation: number;

  @ApiProperty({
    ...ANSWER,
    description: 'What the respondent perceived, 1 (low) to 5',
    example: 4,
  })
  @IsDefined()
  @IsInt()
  @Min(SERVQUAL_ANSWER_MIN)
  @Max(SERVQUAL_ANSWER_MAX)
  perception: number;
}

export class SubmitServqualResponseRequest {
  @ApiPropertyOptional({
    type: String,
    maxLength: TRACKING_NO_INPUT_MAX_LENGTH,
    pattern: '^[0-9A-Za-z -]+$',
    description:
      'Applicants: the finished case answered for (hyphens, spaces and case as typed are fine)',
    example: 'K7M39QX2C',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TRACKING_NO_INPUT_MAX_LENGTH)
  @Matches(/^[0-9A-Za-z -]+$/)
  trackingNo?: string;

  @ApiPropertyOptional({ ...SERVICE_CODE, description: 'Kiosks: the service the respondent used' })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(SERVICE_CODE.pattern))
  serviceCode?: string;

  @ApiPropertyOptional({
    ...DATE,
    description: 'Kiosks: the day the respondent was served (not a day to come)',
    example: '2026-05-04',
  })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(DATE.pattern))
  day?: string;

  @ApiProperty({
    type: [ServqualAnswerRequest],
    minItems: 1,
    maxItems: SERVQUAL_ITEM_COUNT,
    description: 'One entry per item answered, each item once; an item left out is unanswered',
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SERVQUAL_ITEM_COUNT)
  @ValidateNested({ each: true })
  @Type(() => ServqualAnswerRequest)
  answers: ServqualAnswerRequest[];
}

export class ServqualResultsRequest {
  @ApiProperty({ ...SERVICE_CODE, description: 'The service' })
  @IsDefined()
  @IsString()
  @Matches(new RegExp(SERVICE_CODE.pattern))
  serviceCode: string;

  @ApiProperty(PERIOD)
  @IsDefined()
  @IsString()
  @Matches(SKM_PERIOD_TEXT, { context: { code: 'must_be_period' } })
  period: string;
}

export function toSubmitServqualResponseV1(
  body: SubmitServqualResponseRequest,
): SubmitServqualResponseV1 {
  let trackingNo: string | undefined;
  if (body.trackingNo !== undefined) {
    trackingNo = normalizeTrackingNumber(body.trackingNo) ?? undefined;
    if (!trackingNo) throw new DomainError('invalid_tracking_number', 400);
  }
  return {
    ...(trackingNo ? { trackingNo } : {}),
    ...(body.serviceCode !== undefined ? { serviceCode: body.serviceCode } : {}),
    ...(body.day !== undefined ? { day: body.day } : {}),
    answers: body.answers.map((a) => ({
      item: a.item,
      expectation: a.expectation,
      perception: a.perception,
    })),
  };
}

export const toGetServqualResultsV1 = (query: ServqualResultsRequest): GetServqualResultsV1 => ({
  serviceCode: query.serviceCode,
  period: query.period,
});
