import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { defineRequest } from '../contract';
import type { ApplicationV1 } from './get-application.v1';
import {
  AttachedDocumentV2,
  IsFormData,
  MAX_ATTACHED_DOCUMENTS,
  type FormDataV2,
} from './submit-application.v2';

/**
 * After NEEDS_REVISION the applicant sends only what they corrected: form fields (merged over
 * the stored form) and documents (each replacing the one attached for its requirement).
 */
export class ResubmitApplicationV1 {
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{9}$/)
  trackingNo: string;

  @IsFormData()
  form?: FormDataV2;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHED_DOCUMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachedDocumentV2)
  documents?: AttachedDocumentV2[];
}

export const ResubmitApplication = defineRequest<ResubmitApplicationV1, ApplicationV1>({
  subject: 'intake.application.resubmit.v1',
  service: 'intake',
  payload: ResubmitApplicationV1,
});
