import { DomainError } from '@satupintu/common';
import type {
  ListWorkQueueV1,
  Principal,
  Status,
  WorkQueueItemV1,
  WorkQueuePageV1,
} from '@satupintu/contracts';
import { isWaitingOnApplicant, toZonedIso } from '@satupintu/domain';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';
import { workQueueAccess } from './work-queue-access';

export interface QueuedCase {
  applicationId: string;
  trackingNo: string;
  serviceCode: string;
  status: Status;
  channel: WorkQueueItemV1['channel'];
  timeZone: string;
  submittedAt: Date;
  receivedAt: Date;
  deadline: Date | null;
  /** Who holds the case, while the claim has not lapsed. */
  claimedBy: string | null;
  claimedUntil: Date | null;
}

/** A case as the queue lists it, with where the next page starts if it is the page's last. */
export interface ListedCase extends QueuedCase {
  /**
   * The deadline and submission instants as PostgreSQL writes them, to the microsecond: a Date
   * keeps milliseconds, and a row stored with microseconds would come again on the next page.
   */
  cursorKey: { deadline: string | null; submittedAt: string };
}

export interface WorkQueueQuery {
  statuses?: Status[];
  serviceCode?: string;
  /** Strictly after this (deadline, submitted_at, application_id); no deadline comes last. */
  after?: { deadline: string | null; submittedAt: string; applicationId: string };
  limit: number;
}

export interface ListWorkQueuePorts {
  cases(query: WorkQueueQuery): Promise<ListedCase[]>;
}

/** What the cursor's instants look like: ISO 8601 with an offset, as PostgreSQL's JSON writes them. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2}|Z)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The cases of this agency, the nearest deadline first (a paused case's is the one it would
 * have if the applicant answered now), then those without one, each by submission, a page at a
 * time. Only those who may work on the agency's cases see them; the list carries no
 * personal data, only what an officer needs to pick a case.
 */
export async function listWorkQueue(
  agencyCode: string,
  principal: Principal,
  request: ListWorkQueueV1,
  ports: ListWorkQueuePorts,
): Promise<WorkQueuePageV1> {
  const access = workQueueAccess(principal, agencyCode);
  if (access !== 'allowed') {
    throw new DomainError(access, access === 'unauthenticated' ? 401 : 403, [], {
      resource: `work queue ${agencyCode}`,
    });
  }
  let after: WorkQueueQuery['after'];
  if (request.cursor) {
    const key = decodeCursor<[string, string, string]>(request.cursor, [
      'string',
      'string',
      'string',
    ]);
    if (
      !key ||
      !(key[0] === '' || INSTANT.test(key[0])) ||
      !INSTANT.test(key[1]) ||
      !UUID.test(key[2])
    )
      throw new DomainError('invalid_cursor', 400);
    after = { deadline: key[0] || null, submittedAt: key[1], applicationId: key[2] };
  }
  const rows = await ports.cases({
    ...(request.status?.length ? { statuses: request.status } : {}),
    ...(request.serviceCode ? { serviceCode: request.serviceCode } : {}),
    ...(after ? { after } : {}),
    limit: request.limit + 1,
  });
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    agencyCode,
    items: page.map((row) => ({
      applicationId: row.applicationId,
      trackingNo: row.trackingNo,
      serviceCode: row.serviceCode,
      status: row.status,
      channel: row.channel,
      submittedAt: toZonedIso(row.submittedAt, row.timeZone),
      receivedAt: toZonedIso(row.receivedAt, row.timeZone),
      ...(row.deadline ? { deadline: toZonedIso(row.deadline, row.timeZone) } : {}),
      paused: isWaitingOnApplicant(row.status),
      ...(row.claimedBy && row.claimedUntil
        ? { claimedBy: row.claimedBy, claimedUntil: toZonedIso(row.claimedUntil, row.timeZone) }
        : {}),
    })),
    ...(rows.length > request.limit && last
      ? {
          nextCursor: encodeCursor([
            last.cursorKey.deadline ?? '',
            last.cursorKey.submittedAt,
            last.applicationId,
          ]),
        }
      : {}),
  };
}
