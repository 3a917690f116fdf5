import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsFormData,
  MAX_ATTACHED_DOCUMENTS,
  type FormDataV2,
  type ResubmitApplicationV1,
} from '@satupintu/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { AttachedDocumentRequest, FORM_DATA_SCHEMA } from './submit-application.request';

// The validators are those of ResubmitApplicationV1, which intake checks again on receipt.

export class ResubmitApplicationRequest {
  @ApiPropertyOptional({
    description:
      'Only the corrected fields of the service’s standard, by name. They are merged over the form ' +
      'stored at submission and the merged form is checked against the standard (422 naming ' +
      '`form.<name>`), so a field left out keeps its value.',
    ...FORM_DATA_SCHEMA,
    example: { childName: 'Ayu Lestari' },
  })
  @IsFormData()
  form?: FormDataV2;

  @ApiPropertyOptional({
    type: [AttachedDocumentRequest],
    maxItems: MAX_ATTACHED_DOCUMENTS,
    description:
      'New documents, at most one per requirement, each uploaded before by the caller and attached ' +
      'nowhere yet: each replaces the document attached for its requirement (the replaced one is ' +
      'detached and removed)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHED_DOCUMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachedDocumentRequest)
  documents?: AttachedDocumentRequest[];
}

/** The message to intake, written out field by field so the HTTP body and it can change apart. */
export function toResubmitApplicationV1(
  trackingNo: string,
  body: ResubmitApplicationRequest,
): ResubmitApplicationV1 {
  return {
    trackingNo,
    ...(body.form === undefined ? {} : { form: { ...body.form } }),
    ...(body.documents === undefined
      ? {}
      : {
          documents: body.documents.map((document) => ({
            requirement: document.requirement,
            documentId: document.documentId,
          })),
        }),
  };
}
