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
import { defineRequest } from '../contract';
import { BUNDLE_CODE, REQUIREMENT_KIND } from './define-bundle.v1';
import type { BundleCaseV1 } from './get-bundle-case.v1';
import { SubmissionPartyV2 } from './submit-application.v2';

/** A document already uploaded, given for one requirement (document kind). */
export class BundleDocumentV1 {
  @IsDefined()
  @IsString()
  @Matches(REQUIREMENT_KIND, { context: { code: 'requirement_format' } })
  requirement: string;

  @IsDefined()
  @IsUUID()
  documentId: string;
}

export const BUNDLE_MAX_DOCUMENTS = 50;
export const BUNDLE_MAX_FORM_FIELDS = 100;

/**
 * One submission for a whole bundle: one set of data and one set of documents, which every
 * step's application receives. Who may submit, for whom and through which channel is decided
 * as for a single application (`SubmissionPartyV2`).
 */
export class SubmitBundleV1 extends SubmissionPartyV2 {
  @IsDefined()
  @IsString()
  @Matches(BUNDLE_CODE, { context: { code: 'bundle_code_format' } })
  bundleCode: string;

  /** Field name → value (text, number or yes/no); checked by intake, at most 100 fields. */
  @IsDefined()
  @IsObject()
  form: Record<string, string | number | boolean>;

  @IsDefined()
  @IsArray()
  @ArrayMaxSize(BUNDLE_MAX_DOCUMENTS)
  @ValidateNested({ each: true })
  @Type(() => BundleDocumentV1)
  documents: BundleDocumentV1[];
}

export const SubmitBundle = defineRequest<SubmitBundleV1, BundleCaseV1>({
  subject: 'intake.bundle.submit.v1',
  service: 'intake',
  payload: SubmitBundleV1,
});
