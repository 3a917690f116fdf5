import { IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../contract';
import { AGENCY_STREAM } from './agency.stream';
import { STATUSES, type Status } from '../statuses';

/** An agency moved an application from one status to another. */
export class ApplicationStatusChangedV1 {
  @IsUUID()
  applicationId: string;

  @IsString()
  trackingNo: string;

  @IsString()
  agencyCode: string;

  @IsString()
  agencyTimeZone: string;

  @IsIn(STATUSES)
  from: Status;

  @IsIn(STATUSES)
  to: Status;

  @IsOptional()
  @IsString()
  reason?: string;

  @IsISO8601()
  changedAt: string;
}

export const ApplicationStatusChanged = defineEvent<ApplicationStatusChangedV1>({
  subject: 'agency.application.status-changed.v1',
  stream: AGENCY_STREAM,
  payload: ApplicationStatusChangedV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.applicationId,
});
