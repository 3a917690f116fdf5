import { ArrayMaxSize, IsArray, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../contract';
import { INTAKE_STREAM } from './intake.stream';
import { FORM_LIMITS, MAX_ATTACHED_DOCUMENTS } from './submit-application.v2';

/**
 * The applicant corrected an application the agency sent back (NEEDS_REVISION): the owning
 * agency verifies it again. Names what changed, never the values: the corrected form and the
 * new documents stay in intake, for the agency to read there.
 */
export class ApplicationResubmittedV1 {
  @IsUUID()
  applicationId: string;

  @IsString()
  trackingNo: string;

  @IsString()
  agencyCode: string;

  /** The names of the corrected form fields (the standard's names, not their values). */
  @IsArray()
  @ArrayMaxSize(FORM_LIMITS.keys)
  @Matches(/^[a-z][A-Za-z0-9]{0,47}$/, { each: true })
  fields: string[];

  /** The requirements whose document was replaced. */
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHED_DOCUMENTS)
  @Matches(/^[A-Z0-9_]{2,48}$/, { each: true })
  requirements: string[];

  @IsISO8601()
  resubmittedAt: string;
}

export const ApplicationResubmitted = defineEvent<ApplicationResubmittedV1>({
  subject: 'intake.application.resubmitted.v1',
  stream: INTAKE_STREAM,
  payload: ApplicationResubmittedV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.applicationId,
});
