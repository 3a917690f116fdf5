import { IsIn, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { CHANNELS, type Channel } from '../channels';
import { defineEvent } from '../contract';
import { INTAKE_STREAM } from './intake.stream';

/**
 * Intake accepted an application; the owning agency takes it from here. It names the
 * application, never the applicant's NIK, name or birth date: intake keeps those, and a service
 * that needs them asks for them (v1 carried them, and went with the personal-data rule).
 */
export class ApplicationSubmittedV2 {
  @IsUUID()
  applicationId: string;

  @IsString()
  @Matches(/^[0-9A-Z]{9}$/)
  trackingNo: string;

  @IsString()
  serviceCode: string;

  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  agencyCode: string;

  /** IANA zone of the agency (Asia/Jakarta, Asia/Makassar, Asia/Jayapura): times shown in it. */
  @IsString()
  agencyTimeZone: string;

  @IsIn(CHANNELS)
  channel: Channel;

  @IsISO8601()
  submittedAt: string;
}

export const ApplicationSubmitted = defineEvent<ApplicationSubmittedV2>({
  subject: 'intake.application.submitted.v2',
  stream: INTAKE_STREAM,
  payload: ApplicationSubmittedV2,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.applicationId,
});
