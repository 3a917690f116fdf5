import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BUNDLE_MAX_DOCUMENTS,
  BUNDLE_MAX_FORM_FIELDS,
  CHANNELS,
  REQUIREMENT_KIND,
  type Channel,
  type SubmitBundleV1,
} from '@satupintu/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { ApplicantRequest } from '../applications/submit-application.request';
import { CHANNEL } from '../openapi/formats';
import { REQUIREMENT } from './define-bundle.request';

export class BundleDocumentRequest {
  @ApiProperty({ ...REQUIREMENT, example: 'KTP', description: 'The requirement it is given for' })
  @IsDefined()
  @IsString()
  @Matches(REQUIREMENT_KIND, { context: { code: 'requirement_format' } })
  requirement: string;

  @ApiProperty({
    description: 'A document already uploaded',
    format: 'uuid',
    maxLength: 36,
    example: '3c9a1f4e-2b7d-4e8a-9c6f-5d4e3b2a1f0e',
  })
  @IsDefined()
  @IsUUID()
  documentId: string;
}

export class SubmitBundleRequest {
  @ApiPropertyOptional({
    type: ApplicantRequest,
    description:
      'Who applies, when a front-desk officer or an API client submits for them. A signed-in ' +
      'applicant submits for themself and leaves this out.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantRequest)
  applicant?: ApplicantRequest;

  @ApiPropertyOptional({
    description: 'A business the applicant owns or represents, when they apply for it',
    format: 'uuid',
    maxLength: 36,
    example: '0b6f6f0e-3c1d-4a57-9f3e-2d8c6a1b9e40',
  })
  @IsOptional()
  @IsUUID()
  businessId?: string;

  @ApiPropertyOptional({
    ...CHANNEL,
    description: 'Where it came from; the same channels as for a single application',
    example: 'WEB',
  })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiProperty({
    description:
      'The data, once for every step: field name (letters, digits, `_`) to text (at most 2,000 ' +
      'characters), number or true/false',
    type: 'object',
    maxProperties: BUNDLE_MAX_FORM_FIELDS,
    additionalProperties: {
      oneOf: [
        { type: 'string', maxLength: 2000 },
        { type: 'number', minimum: -1e15, maximum: 1e15 },
        { type: 'boolean' },
      ],
    },
    example: { businessName: 'Warung Siti', employees: 3, homeBased: true },
  })
  @IsDefined()
  @IsObject()
  form: Record<string, string | number | boolean>;

  @ApiProperty({
    type: [BundleDocumentRequest],
    description: 'The documents, once for every step, each for a requirement',
    maxItems: BUNDLE_MAX_DOCUMENTS,
  })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(BUNDLE_MAX_DOCUMENTS)
  @ValidateNested({ each: true })
  @Type(() => BundleDocumentRequest)
  documents: BundleDocumentRequest[];
}

export function toSubmitBundleV1(bundleCode: string, body: SubmitBundleRequest): SubmitBundleV1 {
  const applicant = body.applicant;
  return {
    bundleCode,
    ...(applicant === undefined
      ? {}
      : {
          applicant: {
            nik: applicant.nik,
            name: applicant.name,
            ...(applicant.birthDate === undefined ? {} : { birthDate: applicant.birthDate }),
          },
        }),
    ...(body.businessId === undefined ? {} : { businessId: body.businessId }),
    ...(body.channel === undefined ? {} : { channel: body.channel }),
    form: { ...body.form },
    documents: body.documents.map((document) => ({
      requirement: document.requirement,
      documentId: document.documentId,
    })),
  };
}
