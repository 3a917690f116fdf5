import { IsIn, IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { defineEvent } from '../contract';
import { INTAKE_STREAM } from './intake.stream';

/**
 * Intake withdrew an application the owning agency holds, because the bundle it was a step of
 * failed at another agency: the agency stops working on it. Routed to that agency.
 */
export class ApplicationCancelledV1 {
  @IsUUID()
  applicationId: string;

  @IsString()
  @Matches(/^[0-9A-Z]{9}$/)
  trackingNo: string;

  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  agencyCode: string;

  @IsIn(['BUNDLE_FAILED'])
  cause: 'BUNDLE_FAILED';

  @IsUUID()
  bundleCaseId: string;

  /** The step of the bundle that failed it (its key), not this one. */
  @IsString()
  @MaxLength(32)
  failedStep: string;

  @IsISO8601()
  cancelledAt: string;
}

export const ApplicationCancelled = defineEvent<ApplicationCancelledV1>({
  subject: 'intake.application.cancelled.v1',
  stream: INTAKE_STREAM,
  payload: ApplicationCancelledV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.applicationId,
});
