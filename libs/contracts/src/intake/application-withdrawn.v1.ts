import { IsISO8601, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../contract';
import { INTAKE_STREAM } from './intake.stream';

/**
 * The applicant withdrew an application before a decision: the owning agency stops working on
 * it. Names the application, never the applicant (and carries no free text that could).
 */
export class ApplicationWithdrawnV1 {
  @IsUUID()
  applicationId: string;

  @IsString()
  trackingNo: string;

  @IsString()
  agencyCode: string;

  @IsISO8601()
  withdrawnAt: string;
}

export const ApplicationWithdrawn = defineEvent<ApplicationWithdrawnV1>({
  subject: 'intake.application.withdrawn.v1',
  stream: INTAKE_STREAM,
  payload: ApplicationWithdrawnV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.applicationId,
});
