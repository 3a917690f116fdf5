import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BUNDLE_MAX_STEPS,
  BUNDLE_STEP_KEY,
  REQUIREMENT_KIND,
  type DefineBundleV1,
} from '@satupintu/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';

// The validators are those of DefineBundleV1, which intake checks again on receipt; intake
// also checks what a shape cannot say (a DAG of known services): a 422.

export const STEP_KEY = {
  type: String,
  maxLength: 32,
  pattern: BUNDLE_STEP_KEY.source,
  example: 'nib',
};

export const REQUIREMENT = {
  type: String,
  minLength: 2,
  maxLength: 48,
  pattern: REQUIREMENT_KIND.source,
  example: 'NIB',
};

export class BundleStepInputRequest {
  @ApiProperty({ ...STEP_KEY, description: 'The upstream step whose output this step takes' })
  @IsDefined()
  @IsString()
  @Matches(BUNDLE_STEP_KEY, { context: { code: 'step_key_format' } })
  fromStep: string;

  @ApiProperty({
    ...REQUIREMENT,
    description: "The requirement (document kind) of this step's service it stands for",
  })
  @IsDefined()
  @IsString()
  @Matches(REQUIREMENT_KIND, { context: { code: 'requirement_format' } })
  asRequirement: string;
}

export class BundleStepRequest {
  @ApiProperty({ ...STEP_KEY, description: 'Unique within the bundle' })
  @IsDefined()
  @IsString()
  @Matches(BUNDLE_STEP_KEY, { context: { code: 'step_key_format' } })
  key: string;

  @ApiProperty({
    description: "A service in the mall's catalog",
    minLength: 1,
    maxLength: SERVICE_CODE_MAX_LENGTH,
    example: 'DPMPTSP-NIB',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(SERVICE_CODE_MAX_LENGTH)
  serviceCode: string;

  @ApiProperty({
    type: [String],
    description:
      'Steps whose outputs must be issued before this one is opened; none to open at once',
    maxItems: BUNDLE_MAX_STEPS,
    items: { type: 'string', maxLength: 32, pattern: BUNDLE_STEP_KEY.source },
    example: [],
  })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(BUNDLE_MAX_STEPS)
  @IsString({ each: true })
  @Matches(BUNDLE_STEP_KEY, { each: true, context: { code: 'step_key_format' } })
  dependsOn: string[];

  @ApiProperty({
    type: [BundleStepInputRequest],
    description: 'Upstream outputs handed to this step, each as one of its requirements',
    maxItems: BUNDLE_MAX_STEPS,
  })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(BUNDLE_MAX_STEPS)
  @ValidateNested({ each: true })
  @Type(() => BundleStepInputRequest)
  inputs: BundleStepInputRequest[];
}

export class DefineBundleRequest {
  @ApiProperty({ description: 'Name in Indonesian', minLength: 1, maxLength: 200 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameId: string;

  @ApiProperty({ description: 'Name in English', minLength: 1, maxLength: 200 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameEn: string;

  @ApiPropertyOptional({ description: 'What it gives, in Indonesian', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  descriptionId?: string;

  @ApiPropertyOptional({ description: 'What it gives, in English', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  descriptionEn?: string;

  @ApiProperty({
    type: [BundleStepRequest],
    description: 'The steps, a DAG through `dependsOn`, in any order',
    minItems: 1,
    maxItems: BUNDLE_MAX_STEPS,
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BUNDLE_MAX_STEPS)
  @ValidateNested({ each: true })
  @Type(() => BundleStepRequest)
  steps: BundleStepRequest[];
}

/** The message to intake, field by field: the HTTP body and the contract can change apart. */
export function toDefineBundleV1(code: string, body: DefineBundleRequest): DefineBundleV1 {
  return {
    code,
    nameId: body.nameId,
    nameEn: body.nameEn,
    ...(body.descriptionId === undefined ? {} : { descriptionId: body.descriptionId }),
    ...(body.descriptionEn === undefined ? {} : { descriptionEn: body.descriptionEn }),
    steps: body.steps.map((step) => ({
      key: step.key,
      serviceCode: step.serviceCode,
      dependsOn: [...step.dependsOn],
      inputs: step.inputs.map((input) => ({
        fromStep: input.fromStep,
        asRequirement: input.asRequirement,
      })),
    })),
  };
}
