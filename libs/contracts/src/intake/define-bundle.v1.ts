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
import { defineRequest } from '../contract';

/** A bundle's code, in subjects and URLs: `START-SMALL-BUSINESS`. */
export const BUNDLE_CODE = /^[A-Z0-9][A-Z0-9-]{1,47}$/;
/** A step's key within its bundle: `nib`, `birth-certificate`. */
export const BUNDLE_STEP_KEY = /^[a-z][a-z0-9-]{0,31}$/;
/** A requirement (document kind) of a service: `AKTA_KELAHIRAN`, `NIB`. */
export const REQUIREMENT_KIND = /^[A-Z0-9_]{2,48}$/;
export const BUNDLE_MAX_STEPS = 20;

/** An upstream step's output, given to this step as the document of one of its requirements. */
export class BundleStepInputV1 {
  @IsDefined()
  @IsString()
  @Matches(BUNDLE_STEP_KEY, { context: { code: 'step_key_format' } })
  fromStep: string;

  @IsDefined()
  @IsString()
  @Matches(REQUIREMENT_KIND, { context: { code: 'requirement_format' } })
  asRequirement: string;
}

export class BundleStepV1 {
  @IsDefined()
  @IsString()
  @Matches(BUNDLE_STEP_KEY, { context: { code: 'step_key_format' } })
  key: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  serviceCode: string;

  /** Keys of the steps whose outputs must be issued before this one opens. */
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(BUNDLE_MAX_STEPS)
  @IsString({ each: true })
  @Matches(BUNDLE_STEP_KEY, { each: true, context: { code: 'step_key_format' } })
  dependsOn: string[];

  @IsDefined()
  @IsArray()
  @ArrayMaxSize(BUNDLE_MAX_STEPS)
  @ValidateNested({ each: true })
  @Type(() => BundleStepInputV1)
  inputs: BundleStepInputV1[];
}

/**
 * A mall admin defines (or redefines) a bundle: the steps across agencies that give one joint
 * output, a DAG. Bundles already submitted keep the steps they were submitted with.
 */
export class DefineBundleV1 {
  @IsDefined()
  @IsString()
  @Matches(BUNDLE_CODE, { context: { code: 'bundle_code_format' } })
  code: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameId: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameEn: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  descriptionId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  descriptionEn?: string;

  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BUNDLE_MAX_STEPS)
  @ValidateNested({ each: true })
  @Type(() => BundleStepV1)
  steps: BundleStepV1[];
}

/** A step as intake answers it: the agency that owns its service, named. */
export interface BundleStepViewV1 {
  key: string;
  serviceCode: string;
  agencyCode: string;
  dependsOn: string[];
  inputs: { fromStep: string; asRequirement: string }[];
}

/** A bundle: steps in an order where each comes after those it depends on. */
export interface BundleV1 {
  code: string;
  nameId: string;
  nameEn: string;
  descriptionId?: string;
  descriptionEn?: string;
  steps: BundleStepViewV1[];
  /** 1 on definition, bumped by each redefinition. */
  version: number;
}

export const DefineBundle = defineRequest<DefineBundleV1, BundleV1>({
  subject: 'intake.bundle.define.v1',
  service: 'intake',
  payload: DefineBundleV1,
});
