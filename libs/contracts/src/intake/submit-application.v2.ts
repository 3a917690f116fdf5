import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, type Channel } from '../channels';
import { defineRequest } from '../contract';

/** The applicant an officer or an API client submits for, named by NIK. */
export class ApplicantV2 {
  @IsDefined()
  @IsString()
  @Matches(/^\d{16}$/, { context: { code: 'nik_format' } })
  nik: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  birthDate?: string;
}

/** A document uploaded earlier (`POST /v1/documents`), offered for one of the service's requirements. */
export class AttachedDocumentV2 {
  @IsDefined()
  @IsString()
  @Matches(/^[A-Z0-9_]{2,48}$/)
  requirement: string;

  @IsDefined()
  @IsUUID()
  documentId: string;
}

/** The most documents one application carries. */
export const MAX_ATTACHED_DOCUMENTS = 30;

/**
 * v2: the caller (the principal beside the payload) decides who the applicant is. A signed-in
 * applicant submits for themself and names no applicant; a front-desk officer or an API client
 * names the applicant by NIK. `businessId` is a business the applicant acts for.
 */
export class SubmitApplicationV2 {
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  serviceCode: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantV2)
  applicant?: ApplicantV2;

  @IsOptional()
  @IsUUID()
  businessId?: string;

  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  /** Documents the caller uploaded and has not attached elsewhere; attached with the application. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHED_DOCUMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachedDocumentV2)
  documents?: AttachedDocumentV2[];
}

/** Intake's answer: replies are not validated on receipt, so this is a type, not a class. */
export interface ApplicationReceiptV1 {
  applicationId: string;
  /** Canonical tracking number, check character last. */
  trackingNo: string;
  status: 'SUBMITTED';
  serviceCode: string;
  /** The agency that owns the service. */
  agencyCode: string;
  channel: Channel;
  /** ISO 8601 in the agency's time zone. */
  submittedAt: string;
}

export const SubmitApplication = defineRequest<SubmitApplicationV2, ApplicationReceiptV1>({
  subject: 'intake.application.submit.v2',
  service: 'intake',
  payload: SubmitApplicationV2,
});
