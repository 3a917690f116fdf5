import { DomainError } from '@satupintu/common';
import {
  DEADLINE_ALERT_KINDS,
  type DeadlineAlertItemV1,
  type DeadlineAlertKind,
  type DeadlineAlertsPageV1,
  type ListDeadlineAlertsV1,
  type Principal,
  type Status,
} from '@satupintu/contracts';
import { agencyCaseAccess, toZonedIso } from '@satupintu/domain';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ALERT_READERS = new Set(['AGENCY_ADMIN']);

/**
 * Who reads deadline alerts: one agency's, its admins and mall administrators; every agency's,
 * mall administrators only. Not the agency's system (an API client): it follows its cases
 * through the agency's own feed. Throws the 401/403 problem otherwise.
 */
export function requireAlertReader(principal: Principal, agencyCode: string | undefined): void {
  const access =
    principal.kind === 'client'
      ? 'forbidden'
      : agencyCode !== undefined
        ? agencyCaseAccess(principal, agencyCode, ALERT_READERS)
        : principal.kind === 'anonymous'
          ? 'unauthenticated'
          : principal.kind === 'officer' && principal.roles.includes('MALL_ADMIN')
            ? 'allowed'
            : 'forbidden';
  if (access === 'allowed') return;
  throw new DomainError(access, access === 'unauthenticated' ? 401 : 403, [], {
    resource: agencyCode ? `deadline alerts of ${agencyCode}` : 'deadline alerts',
  });
}

/** A raised alert with what the list shows of its case now. */
export interface ListedAlert {
  applicationId: string;
  kind: DeadlineAlertKind;
  trackingNo: string;
  serviceCode: string | null;
  agencyCode: string;
  timeZone: string;
  deadline: Date;
  raisedAt: Date;
  status: Status;
}

export interface AlertQuery {
  agencyCode?: string;
  kind?: DeadlineAlertKind;
  open?: boolean;
  /** Strictly after this (raised_at, application_id, kind), the latest first. */
  after?: { raisedAt: string; applicationId: string; kind: string };
  limit: number;
}

/** The page's query from the request; a cursor this list did not make is the caller's error. */
export function alertQueryOf(request: ListDeadlineAlertsV1): AlertQuery {
  let after: AlertQuery['after'];
  if (request.cursor) {
    const key = decodeCursor<[string, string, string]>(request.cursor, [
      'string',
      'string',
      'string',
    ]);
    if (
      !key ||
      Number.isNaN(Date.parse(key[0])) ||
      !UUID.test(key[1]) ||
      !(DEADLINE_ALERT_KINDS as readonly string[]).includes(key[2])
    )
      throw new DomainError('invalid_cursor', 400);
    after = { raisedAt: key[0], applicationId: key[1], kind: key[2] };
  }
  return {
    ...(request.agencyCode ? { agencyCode: request.agencyCode } : {}),
    ...(request.kind ? { kind: request.kind } : {}),
    ...(request.open !== undefined ? { open: request.open } : {}),
    ...(after ? { after } : {}),
    // One more than asked: whether there is a next page.
    limit: request.limit + 1,
  };
}

export function alertsPage(rows: ListedAlert[], limit: number): DeadlineAlertsPageV1 {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row): DeadlineAlertItemV1 => ({
      trackingNo: row.trackingNo,
      serviceCode: row.serviceCode ?? '',
      agencyCode: row.agencyCode,
      kind: row.kind,
      deadline: toZonedIso(row.deadline, row.timeZone),
      raisedAt: toZonedIso(row.raisedAt, row.timeZone),
      status: row.status,
    })),
    ...(rows.length > limit && last
      ? { nextCursor: encodeCursor([last.raisedAt.toISOString(), last.applicationId, last.kind]) }
      : {}),
  };
}
