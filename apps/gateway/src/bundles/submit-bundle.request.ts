import { ApiProperty } from '@nestjs/swagger';
import {
  BUNDLE_MAX_DOCUMENTS,
  BUNDLE_MAX_FORM_FIELDS,
  REQUIREMENT_KIND,
  type SubmitBundleV1,
} from '@satupintu/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  SubmissionPartyRequest,
  toSubmissionPartyV2,
} from '../applications/submit-application.request';
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

export class SubmitBundleRequest extends SubmissionPartyRequest {
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
  return {
    bundleCode,
    ...toSubmissionPartyV2(body),
    form: { ...body.form },
    documents: body.documents.map((document) => ({
      requirement: document.requirement,
      documentId: document.documentId,
    })),
  };
}
