import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BUNDLE_CODE,
  BUNDLE_MAX_STEPS,
  type BundlesPageV1,
  type BundleV1,
} from '@satupintu/contracts';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';
import { BUNDLE_PAGE_LIMITS } from './list-bundles.request';
import { REQUIREMENT, STEP_KEY } from './define-bundle.request';

export const BUNDLE_CODE_FORMAT = {
  type: String,
  minLength: 2,
  maxLength: 48,
  pattern: BUNDLE_CODE.source,
  example: 'START-SMALL-BUSINESS',
};

export class BundleStepInputResponse {
  @ApiProperty({ ...STEP_KEY })
  fromStep: string;

  @ApiProperty({ ...REQUIREMENT })
  asRequirement: string;
}

export class BundleStepResponse {
  @ApiProperty({ ...STEP_KEY })
  key: string;

  @ApiProperty({ maxLength: SERVICE_CODE_MAX_LENGTH, example: 'DPMPTSP-NIB' })
  serviceCode: string;

  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that owns the service' })
  agencyCode: string;

  @ApiProperty({
    type: [String],
    maxItems: BUNDLE_MAX_STEPS,
    items: { type: 'string', maxLength: 32 },
    example: [],
  })
  dependsOn: string[];

  @ApiProperty({ type: [BundleStepInputResponse], maxItems: BUNDLE_MAX_STEPS })
  inputs: BundleStepInputResponse[];
}

export class BundleResponse {
  @ApiProperty({ ...BUNDLE_CODE_FORMAT })
  code: string;

  @ApiProperty({ maxLength: 200, example: 'Memulai usaha kecil' })
  nameId: string;

  @ApiProperty({ maxLength: 200, example: 'Start a small business' })
  nameEn: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  descriptionId?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  descriptionEn?: string;

  @ApiProperty({
    type: [BundleStepResponse],
    description: 'Each step after those it depends on',
    maxItems: BUNDLE_MAX_STEPS,
  })
  steps: BundleStepResponse[];

  @ApiProperty({ description: 'Bumped by each redefinition', minimum: 1, maximum: 2147483647 })
  version: number;
}

export class BundlesPageResponse {
  @ApiProperty({
    type: [BundleResponse],
    description: 'By code',
    maxItems: BUNDLE_PAGE_LIMITS.pageSize,
  })
  items: BundleResponse[];

  @ApiPropertyOptional({
    description: 'Present when there are more: pass it as `cursor` for the next page',
    maxLength: BUNDLE_PAGE_LIMITS.cursor,
    pattern: `^[A-Za-z0-9_-]{1,${BUNDLE_PAGE_LIMITS.cursor}}$`,
  })
  nextCursor?: string;
}

export function toBundleResponse(bundle: BundleV1): BundleResponse {
  return {
    code: bundle.code,
    nameId: bundle.nameId,
    nameEn: bundle.nameEn,
    ...(bundle.descriptionId ? { descriptionId: bundle.descriptionId } : {}),
    ...(bundle.descriptionEn ? { descriptionEn: bundle.descriptionEn } : {}),
    steps: bundle.steps.slice(0, BUNDLE_MAX_STEPS).map((step) => ({
      key: step.key,
      serviceCode: step.serviceCode,
      agencyCode: step.agencyCode,
      dependsOn: [...step.dependsOn],
      inputs: step.inputs.map((input) => ({
        fromStep: input.fromStep,
        asRequirement: input.asRequirement,
      })),
    })),
    version: bundle.version,
  };
}

export function toBundlesPageResponse(page: BundlesPageV1): BundlesPageResponse {
  return {
    items: page.items.slice(0, BUNDLE_PAGE_LIMITS.pageSize).map(toBundleResponse),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
