import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, type Channel } from '../channels';
import { defineEvent } from '../contract';

export class SubmittedApplicantV1 {
  @IsString()
  nik: string;

  @IsString()
  name: string;

  @IsOptional()
  @IsString()
  birthDate?: string;
}

/** Intake accepted an application; the owning agency takes it from here. */
export class ApplicationSubmittedV1 {
  @IsUUID()
  applicationId: string;

  @IsString()
  trackingNo: string;

  @IsString()
  serviceCode: string;

  @IsString()
  agencyCode: string;

  /** IANA zone of the agency (Asia/Jakarta, Asia/Makassar, Asia/Jayapura): times shown in it. */
  @IsString()
  agencyTimeZone: string;

  @IsIn(CHANNELS)
  channel: Channel;

  @IsDefined()
  @ValidateNested()
  @Type(() => SubmittedApplicantV1)
  applicant: SubmittedApplicantV1;

  @IsISO8601()
  submittedAt: string;
}

export const ApplicationSubmitted = defineEvent<ApplicationSubmittedV1>({
  subject: 'intake.application.submitted.v1',
  stream: 'INTAKE',
  payload: ApplicationSubmittedV1,
  routingKey: (event) => event.agencyCode,
});
