import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../contract';
import { AGENCY_STREAM } from './agency.stream';
import { MAX_DOCUMENT_BYTES } from '../intake/documents.v1';
import { PaymentDueV1 } from './payment-due.v1';
import { STATUSES, type Status } from '../statuses';

/**
 * What the agency issued: the number of the output (NIB, family card number) and its file. The
 * file is a document in the documents store under `documentId` (its object name too), which
 * intake registers as the application's output when it follows this event (ADR 0021): its size
 * and SHA-256 are what the registry records, as the gateway's measurements are for an upload.
 */
export class IssuedOutputV1 {
  @IsString()
  @MaxLength(64)
  number: string;

  @IsOptional()
  @IsUUID()
  documentId?: string;

  /** With `documentId`: the PDF's size in bytes. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DOCUMENT_BYTES)
  size?: number;

  /** With `documentId`: the lower-case hex SHA-256 of the PDF, the statement's `pdfSha256`. */
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  sha256?: string;
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

  /**
   * Added later, optional (older consumers ignore it, events of cases recorded before it lack
   * it): the number of the agency's case record this change is (1 for SUBMITTED → VERIFYING,
   * ADR 0019). A follower that saw a higher one than the agency's history holds has found a cut.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  sequence?: number;

  /**
   * Added later, optional: the case's deadline after this change, ISO 8601 in the agency's time
   * zone (paused while the case waits on the applicant: then the one it would have if it came
   * back now); absent when the service states no time limit to the agency.
   */
  @IsOptional()
  @IsISO8601()
  deadline?: string;

  /**
   * Added later, optional: on `to: AWAITING_PAYMENT`, the fee to pay (code, amount, expiry), so
   * the applicant's timeline can say how to pay it (ADR 0022).
   */
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentDueV1)
  payment?: PaymentDueV1;
}

export const ApplicationStatusChanged = defineEvent<ApplicationStatusChangedV1>({
  subject: 'agency.application.status-changed.v1',
  stream: AGENCY_STREAM,
  payload: ApplicationStatusChangedV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.applicationId,
});
