import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, type Channel } from '../channels';
import { defineEvent } from '../contract';
import { QUEUE_FORMATS } from '../queue/queue-formats';
import { INTAKE_STREAM } from './intake.stream';

/** The queue ticket a counter-assisted application was submitted for, and its counter. */
export class QueueTicketRefV1 {
  @IsString()
  @Matches(QUEUE_FORMATS.ticketCode)
  code: string;

  @IsString()
  @Matches(QUEUE_FORMATS.counterCode)
  counterCode: string;
}

/** Who submitted it: the applicant, an officer for them, or an API client for them. */
export class SubmitterV2 {
  @IsIn(['applicant', 'officer', 'client'])
  kind: 'applicant' | 'officer' | 'client';

  @IsString()
  @MaxLength(128)
  subject: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  clientId?: string;
}

/**
 * Intake accepted an application; the owning agency takes it from here. It names the
 * application and the applicant by id, never by NIK, name or birth date (v1 carried those, and
 * went with the personal-data rule): whoever needs the applicant's details keeps them from the
 * PROFILE stream.
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

  /** The applicant's id in identity (absent only on applications from before identity). */
  @IsOptional()
  @IsUUID()
  applicantId?: string;

  /** The business the applicant acts for, if any. */
  @IsOptional()
  @IsUUID()
  businessId?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => SubmitterV2)
  submittedBy?: SubmitterV2;

  @IsISO8601()
  submittedAt: string;

  /**
   * Added later, optional (older consumers ignore it): set when the application is a step of a
   * submitted bundle, which intake opened once the step's dependencies were issued.
   */
  @IsOptional()
  @IsUUID()
  bundleCaseId?: string;

  /** The step's key within its bundle; set with `bundleCaseId`. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  stepKey?: string;

  /**
   * Added later, optional: submitted by a front-desk officer serving this queue ticket at this
   * counter (ADR 0037); the queue records the application on the ticket.
   */
  @IsOptional()
  @ValidateNested()
  @Type(() => QueueTicketRefV1)
  queueTicket?: QueueTicketRefV1;
}

export const ApplicationSubmitted = defineEvent<ApplicationSubmittedV2>({
  subject: 'intake.application.submitted.v2',
  stream: INTAKE_STREAM,
  payload: ApplicationSubmittedV2,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.applicationId,
});
