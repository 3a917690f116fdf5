import {
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { defineRequest } from '../contract';
import type { VerificationChannel } from './register-applicant.v1';

/** The steps of a complaint its reporter is told of: what others did with it. */
export const COMPLAINT_UPDATE_STEPS = ['ROUTED', 'ANSWERED', 'CLOSED'] as const;
export type ComplaintUpdateStep = (typeof COMPLAINT_UPDATE_STEPS)[number];

/**
 * Surveys asks identity (as itself) to tell a complaint's reporter of a step through identity's
 * notifier (ADR 0034): a signed-in reporter by their applicant id (identity holds their contacts
 * and language), an anonymous one at the contact they gave with the complaint. A request, not an
 * event: the contact is personal data and never goes into a stream.
 */
export class SendComplaintUpdateV1 {
  /** The same on every attempt: the notifier's gateway drops a repeat. */
  @IsString()
  @Matches(/^[A-Za-z0-9:-]{1,80}$/)
  messageId: string;

  @IsString()
  @Matches(/^ADU[0-9A-HJKMNP-TV-Z]{9}$/)
  complaintNo: string;

  @IsIn(COMPLAINT_UPDATE_STEPS)
  step: ComplaintUpdateStep;

  /** ISO 8601 in the agency's time zone. */
  @IsISO8601()
  at: string;

  @IsOptional()
  @IsUUID()
  applicantId?: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @Matches(/^\+62\d{8,13}$/)
  phone?: string;
}

export interface ComplaintUpdateSentV1 {
  /** False when there is nobody to reach (no contact). */
  sent: boolean;
  channel?: VerificationChannel;
}

export const SendComplaintUpdate = defineRequest<SendComplaintUpdateV1, ComplaintUpdateSentV1>({
  subject: 'identity.complaint-update.send.v1',
  service: 'identity',
  payload: SendComplaintUpdateV1,
});
