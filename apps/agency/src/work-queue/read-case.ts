import { DomainError } from '@satupintu/common';
import type {
  CaseChangesPageV1,
  CaseDetailV1,
  CaseHistoryEntryV1,
  ListCaseChangesV1,
  Principal,
  Status,
} from '@satupintu/contracts';
import { isWaitingOnApplicant, toZonedIso } from '@satupintu/domain';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';
import { workQueueAccess } from './work-queue-access';
import type { QueuedCase } from './list-work-queue';

/** The most records a case answer carries: the latest ones. */
export const CASE_HISTORY_LIMIT = 500;

/** A case as the agency keeps it, with what is known of it besides its history. */
export interface StoredCase extends QueuedCase {
  sequence: number;
  changedAt: Date;
}

/** One history record as reading a case needs it (no hashes: the history check has those). */
export interface HistoryRow {
  sequence: number;
  action: CaseHistoryEntryV1['action'];
  from: Status;
  to: Status;
  actorKind: CaseHistoryEntryV1['actorKind'];
  actorRole: 'VERIFIER' | 'APPROVER' | null;
  reason: string | null;
  requirements: string[] | null;
  at: Date;
}

export interface PaymentRow {
  code: string;
  amount: number;
  expiresAt: Date;
  paidAt: Date | null;
}

export interface OutputRow {
  documentNo: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

export interface ReadCasePorts {
  find(trackingNo: string): Promise<StoredCase | undefined>;
  /** The latest `limit` records, in sequence order. */
  history(applicationId: string, limit: number): Promise<HistoryRow[]>;
  payment(applicationId: string): Promise<PaymentRow | undefined>;
  output(applicationId: string): Promise<OutputRow | undefined>;
}

function refuseUnlessReader(principal: Principal, agencyCode: string, resource: string): void {
  const access = workQueueAccess(principal, agencyCode);
  if (access !== 'allowed')
    throw new DomainError(access, access === 'unauthenticated' ? 401 : 403, [], { resource });
}

/**
 * One case as the agency works it: where it stands, who holds it, every record of its history,
 * its fee and its output. For those who see the work queue; a tracking number the agency has no
 * case for (another agency's among them) is a 404.
 */
export async function readCase(
  agencyCode: string,
  principal: Principal,
  trackingNo: string,
  ports: ReadCasePorts,
): Promise<CaseDetailV1> {
  refuseUnlessReader(principal, agencyCode, `cases of ${agencyCode}`);
  const found = await ports.find(trackingNo);
  if (!found) throw new DomainError('application_not_found', 404, [], { trackingNo });
  const [history, payment, output] = await Promise.all([
    ports.history(found.applicationId, CASE_HISTORY_LIMIT),
    ports.payment(found.applicationId),
    ports.output(found.applicationId),
  ]);
  const zoned = (at: Date) => toZonedIso(at, found.timeZone);
  return {
    agencyCode,
    applicationId: found.applicationId,
    trackingNo: found.trackingNo,
    serviceCode: found.serviceCode,
    channel: found.channel,
    status: found.status,
    sequence: found.sequence,
    submittedAt: zoned(found.submittedAt),
    receivedAt: zoned(found.receivedAt),
    changedAt: zoned(found.changedAt),
    ...(found.deadline ? { deadline: zoned(found.deadline) } : {}),
    paused: isWaitingOnApplicant(found.status),
    ...(found.claimedBy && found.claimedUntil
      ? { claimedBy: found.claimedBy, claimedUntil: zoned(found.claimedUntil) }
      : {}),
    history: history.map((row) => ({
      sequence: row.sequence,
      action: row.action,
      from: row.from,
      to: row.to,
      actorKind: row.actorKind,
      ...(row.actorRole ? { actorRole: row.actorRole } : {}),
      ...(row.reason !== null ? { reason: row.reason } : {}),
      ...(row.requirements !== null ? { requirements: row.requirements } : {}),
      at: zoned(row.at),
    })),
    ...(payment
      ? {
          payment: {
            code: payment.code,
            amount: payment.amount,
            currency: 'IDR' as const,
            expiresAt: zoned(payment.expiresAt),
            ...(payment.paidAt ? { paidAt: zoned(payment.paidAt) } : {}),
          },
        }
      : {}),
    ...(output
      ? {
          output: {
            documentNo: output.documentNo,
            issuedAt: zoned(output.issuedAt),
            ...(output.revokedAt ? { revokedAt: zoned(output.revokedAt) } : {}),
          },
        }
      : {}),
  };
}

/** Where the feed stands: the id of a transaction that changed cases, and a case of it. */
export interface ChangeKey {
  xid: string;
  applicationId: string;
}

export interface CaseChangesQuery {
  after?: ChangeKey;
  statuses?: Status[];
  serviceCode?: string;
  limit: number;
}

export interface ChangedCase extends StoredCase {
  changedXid: string;
}

export interface CaseChangesPorts {
  /**
   * Cases changed strictly after the key by transactions below the oldest one still running
   * (ADR 0025), in (transaction id, application id) order.
   */
  changes(query: CaseChangesQuery): Promise<ChangedCase[]>;
}

const XID = /^\d{1,20}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeChangeKey(cursor: string): ChangeKey {
  const key = decodeCursor<[string, string]>(cursor, ['string', 'string']);
  if (!key || !XID.test(key[0]) || !UUID.test(key[1])) throw new DomainError('invalid_cursor', 400);
  return { xid: key[0], applicationId: key[1] };
}

/**
 * The agency's cases in the order their changes committed, after a cursor: a system that polls
 * with the `cursor` of each answer sees every case that arrived or moved since, once per poll in
 * which it changed, never one it has already seen unchanged. A case that changed twice between
 * two polls is seen once, as it is now (its history holds both records). A page that finds
 * nothing answers the cursor it was given, so the next poll asks the same again.
 */
export async function listCaseChanges(
  agencyCode: string,
  principal: Principal,
  request: ListCaseChangesV1,
  ports: CaseChangesPorts,
): Promise<CaseChangesPageV1> {
  refuseUnlessReader(principal, agencyCode, `cases of ${agencyCode}`);
  const after = request.after ? decodeChangeKey(request.after) : undefined;
  const rows = await ports.changes({
    ...(after ? { after } : {}),
    ...(request.status?.length ? { statuses: request.status } : {}),
    ...(request.serviceCode ? { serviceCode: request.serviceCode } : {}),
    limit: request.limit + 1,
  });
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  const next = last ? { xid: last.changedXid, applicationId: last.applicationId } : after;
  return {
    agencyCode,
    items: page.map((row) => ({
      applicationId: row.applicationId,
      trackingNo: row.trackingNo,
      serviceCode: row.serviceCode,
      channel: row.channel,
      status: row.status,
      sequence: row.sequence,
      changedAt: toZonedIso(row.changedAt, row.timeZone),
      ...(row.deadline ? { deadline: toZonedIso(row.deadline, row.timeZone) } : {}),
      paused: isWaitingOnApplicant(row.status),
    })),
    cursor: next ? encodeCursor([next.xid, next.applicationId]) : encodeCursor(['0', ZERO_UUID]),
    more: rows.length > request.limit,
  };
}

/** Before every case: the start of the feed, as a cursor like any other. */
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
