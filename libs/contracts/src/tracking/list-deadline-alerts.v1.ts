import { PageLimitV1, PageCursorV1 } from '../paging';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import type { Status } from '../statuses';
import { DEADLINE_ALERT_KINDS, type DeadlineAlertKind } from './case-deadline-alert.v1';

/**
 * The alerts tracking raised (ADR 0027), the latest first, a page at a time: one agency's (its
 * admins and mall administrators), or every agency's (mall administrators) without `agencyCode`.
 */
export class ListDeadlineAlertsV1 {
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  agencyCode?: string;

  @IsOptional()
  @IsIn(DEADLINE_ALERT_KINDS)
  kind?: DeadlineAlertKind;

  /** true: only cases still open (not issued, rejected or withdrawn); false: only those closed. */
  @IsOptional()
  @IsBoolean()
  open?: boolean;

  @PageLimitV1()
  limit: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @PageCursorV1()
  cursor?: string;
}

export interface DeadlineAlertItemV1 {
  trackingNo: string;
  serviceCode: string;
  agencyCode: string;
  kind: DeadlineAlertKind;
  /** The deadline the alert was raised on, ISO 8601 in the agency's time zone. */
  deadline: string;
  /** ISO 8601 in the agency's time zone. */
  raisedAt: string;
  /** The case's status now. */
  status: Status;
}

export interface DeadlineAlertsPageV1 {
  items: DeadlineAlertItemV1[];
  /** Present when there are more items: pass it as `cursor` for the next page. */
  nextCursor?: string;
}

export const ListDeadlineAlerts = defineRequest<ListDeadlineAlertsV1, DeadlineAlertsPageV1>({
  subject: 'tracking.deadline-alerts.list.v1',
  service: 'tracking',
  payload: ListDeadlineAlertsV1,
});
