import { IsIn, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../contract';
import { SURVEYS_STREAM } from './surveys.stream';

/** ROUTE: the mall's staff did not route it in time; ANSWER: the agency did not answer in time. */
export const COMPLAINT_ESCALATION_STAGES = ['ROUTE', 'ANSWER'] as const;
export type ComplaintEscalationStage = (typeof COMPLAINT_ESCALATION_STAGES)[number];

/**
 * A complaint missed a deadline and goes to mall management (ADR 0034): raised once per missed
 * deadline, whatever restarts or replicas. Ids only: no text, no reporter.
 */
export class ComplaintEscalatedV1 {
  @IsUUID()
  complaintId: string;

  @IsString()
  @Matches(/^ADU[0-9A-HJKMNP-TV-Z]{9}$/)
  complaintNo: string;

  /** The agency that owns the matter. */
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  agencyCode: string;

  @IsIn(COMPLAINT_ESCALATION_STAGES)
  stage: ComplaintEscalationStage;

  /** The deadline missed: ISO 8601 in the agency's time zone. */
  @IsISO8601()
  deadline: string;

  /** ISO 8601 in the agency's time zone. */
  @IsISO8601()
  escalatedAt: string;
}

export const ComplaintEscalated = defineEvent<ComplaintEscalatedV1>({
  subject: 'surveys.complaint.escalated.v1',
  stream: SURVEYS_STREAM,
  payload: ComplaintEscalatedV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.complaintId,
});
