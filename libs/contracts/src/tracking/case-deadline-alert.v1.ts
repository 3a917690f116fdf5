import { IsIn, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../contract';
import { TRACKING_STREAM } from './tracking.stream';

export const DEADLINE_ALERT_KINDS = ['AT_RISK', 'OVERDUE'] as const;
export type DeadlineAlertKind = (typeof DEADLINE_ALERT_KINDS)[number];

/**
 * Tracking found a case at risk of missing its deadline (a share of its time used) or past it.
 * Raised once per case and kind (and deadline); names the case, never the applicant.
 */
export class CaseDeadlineAlertV1 {
  @IsIn(DEADLINE_ALERT_KINDS)
  kind: DeadlineAlertKind;

  @IsUUID()
  applicationId: string;

  @IsString()
  @Matches(/^[0-9A-Z]{9}$/)
  trackingNo: string;

  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  agencyCode: string;

  /** The deadline it is about, ISO 8601 in the agency's time zone. */
  @IsISO8601()
  deadline: string;

  @IsISO8601()
  raisedAt: string;
}

export const CaseDeadlineAlert = defineEvent<CaseDeadlineAlertV1>({
  subject: 'tracking.case.deadline-alert.v1',
  stream: TRACKING_STREAM,
  payload: CaseDeadlineAlertV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.applicationId,
});
