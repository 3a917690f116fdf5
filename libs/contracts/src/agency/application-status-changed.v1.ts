import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../contract';
import { AGENCY_STREAM } from './agency.stream';
import { STATUSES, type Status } from '../statuses';

/** What the agency issued: the number of the output (NIB, family card number) and its file. */
export class IssuedOutputV1 {
  @IsString()
  @MaxLength(64)
  number: string;

  @IsOptional()
  @IsUUID()
  documentId?: string;
}

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

  /**
   * Added later, optional (older consumers ignore it): on `to: ISSUED`, the output issued. A
   * bundle hands it to the steps that take it as a requirement.
   */
  @IsOptional()
  @ValidateNested()
  @Type(() => IssuedOutputV1)
  output?: IssuedOutputV1;
}

export const ApplicationStatusChanged = defineEvent<ApplicationStatusChangedV1>({
  subject: 'agency.application.status-changed.v1',
  stream: AGENCY_STREAM,
  payload: ApplicationStatusChangedV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.applicationId,
});
