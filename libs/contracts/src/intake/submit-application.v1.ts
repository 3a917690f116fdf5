import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, type Channel } from '../channels';
import { defineRequest } from '../contract';

export class ApplicantV1 {
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

export class SubmitApplicationV1 {
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  serviceCode: string;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantV1)
  applicant: ApplicantV1;

  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
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

export const SubmitApplication = defineRequest<SubmitApplicationV1, ApplicationReceiptV1>({
  subject: 'intake.application.submit.v1',
  service: 'intake',
  payload: SubmitApplicationV1,
});
