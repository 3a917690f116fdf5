import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  SKM_AGE_BANDS,
  SKM_EDUCATIONS,
  SKM_OCCUPATIONS,
  SKM_SEXES,
  SKM_SUGGESTION_MAX_LENGTH,
  type SkmAgeBand,
  type SkmEducation,
  type SkmOccupation,
  type SkmSex,
  type SubmitKioskSkmResponseV1,
  type SubmitSkmResponseV1,
} from '@satupintu/contracts';
import { SKM_ELEMENTS, SKM_ELEMENT_TEXT, type SkmElement } from '@satupintu/domain';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH, TRACKING_NO } from '../openapi/formats';

const answer = (element: SkmElement) => ({
  type: Number,
  minimum: 1,
  maximum: 4,
  description:
    `${element} ${SKM_ELEMENT_TEXT[element].name.id} (${SKM_ELEMENT_TEXT[element].name.en}): ` +
    SKM_ELEMENT_TEXT[element].answers.map((a, i) => `${i + 1} ${a.id} (${a.en})`).join(', ') +
    '. Leave it out when the respondent does not answer it',
});

/** Answers by element code; an element left out was not answered. */
export class SkmAnswersRequest {
  @ApiPropertyOptional({ ...answer('U1'), example: 4 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  U1?: number;
  @ApiPropertyOptional({ ...answer('U2'), example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  U2?: number;
  @ApiPropertyOptional({ ...answer('U3'), example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  U3?: number;
  @ApiPropertyOptional({ ...answer('U4'), example: 4 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  U4?: number;
  @ApiPropertyOptional({ ...answer('U5'), example: 4 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  U5?: number;
  @ApiPropertyOptional({ ...answer('U6'), example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  U6?: number;
  @ApiPropertyOptional({ ...answer('U7'), example: 4 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  U7?: number;
  @ApiPropertyOptional({ ...answer('U8'), example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  U8?: number;
  @ApiPropertyOptional({ ...answer('U9'), example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  U9?: number;
}

export class SkmRespondentRequest {
  @ApiPropertyOptional({ enum: SKM_SEXES, enumName: 'SkmSex', example: 'F' })
  @IsOptional()
  @IsIn(SKM_SEXES)
  sex?: SkmSex;

  @ApiPropertyOptional({ enum: SKM_AGE_BANDS, enumName: 'SkmAgeBand', example: '30_TO_39' })
  @IsOptional()
  @IsIn(SKM_AGE_BANDS)
  ageBand?: SkmAgeBand;

  @ApiPropertyOptional({ enum: SKM_EDUCATIONS, enumName: 'SkmEducation', example: 'SMA' })
  @IsOptional()
  @IsIn(SKM_EDUCATIONS)
  education?: SkmEducation;

  @ApiPropertyOptional({
    enum: SKM_OCCUPATIONS,
    enumName: 'SkmOccupation',
    example: 'ENTREPRENEUR',
  })
  @IsOptional()
  @IsIn(SKM_OCCUPATIONS)
  occupation?: SkmOccupation;
}

export class SkmResponseBodyRequest {
  @ApiProperty({
    type: SkmAnswersRequest,
    description: 'At least one element answered; stored by code, never by position',
  })
  @ValidateNested()
  @Type(() => SkmAnswersRequest)
  answers: SkmAnswersRequest;

  @ApiPropertyOptional({
    type: SkmRespondentRequest,
    description: 'The respondent in the bands of the questionnaire; each may be left out',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SkmRespondentRequest)
  respondent?: SkmRespondentRequest;

  @ApiPropertyOptional({
    description: 'A suggestion in free text (kept for the staff, never in the public report)',
    maxLength: SKM_SUGGESTION_MAX_LENGTH,
    example: 'Ruang tunggu perlu kipas angin.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(SKM_SUGGESTION_MAX_LENGTH)
  suggestion?: string;
}

export class SubmitSkmResponseRequest extends SkmResponseBodyRequest {
  @ApiProperty({ ...TRACKING_NO, description: "The case's tracking number" })
  @IsString()
  @Matches(new RegExp(TRACKING_NO.pattern), { context: { code: 'tracking_no_format' } })
  trackingNo: string;
}

export class SubmitKioskSkmResponseRequest extends SkmResponseBodyRequest {
  @ApiProperty({ ...AGENCY_CODE, description: 'The agency of the service rated' })
  @Matches(/^[A-Z0-9-]{2,32}$/, { context: { code: 'agency_code_format' } })
  agencyCode: string;

  @ApiProperty({
    maxLength: SERVICE_CODE_MAX_LENGTH,
    pattern: '^[A-Z0-9-]{2,64}$',
    description: "The service rated: one of that agency's (its code starts with the agency's)",
    example: 'DUKCAPIL-KK',
  })
  @Matches(/^[A-Z0-9-]{2,64}$/, { context: { code: 'service_code_format' } })
  serviceCode: string;

  @ApiProperty({
    type: String,
    format: 'date',
    maxLength: 10,
    description: "The mall's local day the respondent was served; not after today",
    example: '2026-11-23',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  day: string;
}

function bodyOf(body: SkmResponseBodyRequest) {
  const answers = Object.fromEntries(
    SKM_ELEMENTS.flatMap((element) =>
      body.answers[element] === undefined ? [] : [[element, body.answers[element]]],
    ),
  );
  return {
    answers,
    ...(body.respondent
      ? {
          respondent: {
            ...(body.respondent.sex ? { sex: body.respondent.sex } : {}),
            ...(body.respondent.ageBand ? { ageBand: body.respondent.ageBand } : {}),
            ...(body.respondent.education ? { education: body.respondent.education } : {}),
            ...(body.respondent.occupation ? { occupation: body.respondent.occupation } : {}),
          },
        }
      : {}),
    ...(body.suggestion === undefined ? {} : { suggestion: body.suggestion }),
  };
}

export function toSubmitSkmResponseV1(body: SubmitSkmResponseRequest): SubmitSkmResponseV1 {
  return { trackingNo: body.trackingNo, ...bodyOf(body) };
}

export function toSubmitKioskSkmResponseV1(
  body: SubmitKioskSkmResponseRequest,
): SubmitKioskSkmResponseV1 {
  return {
    agencyCode: body.agencyCode,
    serviceCode: body.serviceCode,
    day: body.day,
    ...bodyOf(body),
  };
}
