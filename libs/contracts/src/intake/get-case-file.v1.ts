import { IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import type { DocumentContentType } from './documents.v1';
import type { FormDataV2 } from './submit-application.v2';

/**
 * What an application holds, for the agency that owns it: the caller must work that agency's
 * cases (intake decides, from the caller the request carries), and the application must be that
 * agency's; anything else is answered as an unknown tracking number.
 */
export class GetCaseFileV1 {
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{9}$/)
  trackingNo: string;

  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  agencyCode: string;
}

/** An uploaded document the application holds, by the requirement it was given for. */
export interface CaseFileDocumentV1 {
  documentId: string;
  requirement: string;
  contentType: DocumentContentType;
  size: number;
  sha256: string;
}

/** Who applies, as the agency's officers check it against the documents. */
export interface CaseFileApplicantV1 {
  /** Whole for the agency's officers and system; masked (`3201********0001`) for a mall admin. */
  nik: string;
  name: string;
  /** YYYY-MM-DD, when intake knows it. */
  birthDate?: string;
}

export interface CaseFileV1 {
  applicationId: string;
  trackingNo: string;
  agencyCode: string;
  /** Absent when intake knows neither a profile nor the details given at the counter. */
  applicant?: CaseFileApplicantV1;
  businessId?: string;
  /** The form's data fields as submitted, with the corrections of any resubmission merged. */
  form: FormDataV2;
  documents: CaseFileDocumentV1[];
}

export const GetCaseFile = defineRequest<GetCaseFileV1, CaseFileV1>({
  subject: 'intake.application.case-file.v1',
  service: 'intake',
  payload: GetCaseFileV1,
});
