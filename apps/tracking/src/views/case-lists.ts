import { DomainError } from '@satupintu/common';
import type {
  AgencyTrackedCaseV1,
  CaseRisk,
  Channel,
  ListMyBundlesV1,
  ListMyCasesV1,
  ListTrackedCasesV1,
  MyBundleV1,
  MyBundlesPageV1,
  MyCaseV1,
  MyCasesPageV1,
  PaymentDueV1,
  Principal,
  Status,
  TrackedCaseV1,
  TrackedCasesPageV1,
} from '@satupintu/contracts';
import {
  agencyCaseAccess,
  isFinalStatus,
  isWaitingOnApplicant,
  toZonedIso,
} from '@satupintu/domain';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';
import { expectedOf } from './expected';

/** A `case_views` row with its latest visible entry's reason and payment. */
export interface CaseRow {
  applicationId: string;
  trackingNo: string;
  serviceCode: string | null;
  agencyCode: string;
  agencyTimeZone: string;
  channel: Channel | null;
  status: Status;
  submittedAt: Date;
  changedAt: Date;
  deadline: Date | null;
  atRiskFrom: Date | null;
  revisions: number;
  bundleCaseId: string | null;
  stepKey: string | null;
  reason: string | null;
  payment: PaymentDueV1 | null;
}

/** Strictly before this (submitted_at, application_id), newest first. */
export interface Before {
  submittedAt: string;
  id: string;
}

export interface CaseFilters {
  statuses?: Status[];
  serviceCode?: string;
  /** true: not finished; false: finished. */
  open?: boolean;
}

export interface AgencyCaseFilters {
  statuses?: Status[];
  serviceCode?: string;
  risk?: CaseRisk;
  /** The instant `risk` is judged at. */
  now: Date;
}

export interface CaseListPorts {
  mine(
    applicantId: string,
    filters: CaseFilters,
    before: Before | undefined,
    limit: number,
  ): Promise<CaseRow[]>;
  /** Bundles by their first step's submission, newest first: each with all its steps. */
  myBundles(
    applicantId: string,
    before: Before | undefined,
    limit: number,
  ): Promise<{ bundleCaseId: string; startedAt: Date; steps: CaseRow[] }[]>;
  ofAgency(
    agencyCode: string,
    filters: AgencyCaseFilters,
    before: Before | undefined,
    limit: number,
  ): Promise<CaseRow[]>;
}

/** Only an applicant has cases of their own here; who else asks is told so plainly. */
function applicantOf(principal: Principal, resource: string): string {
  if (principal.kind === 'applicant' && principal.subject) return principal.subject;
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource });
  throw new DomainError('forbidden', 403, [], { resource });
}

function beforeOf(cursor: string | undefined): Before | undefined {
  if (!cursor) return undefined;
  const key = decodeCursor<[string, string]>(cursor, ['string', 'string']);
  if (!key || Number.isNaN(Date.parse(key[0]))) throw new DomainError('invalid_cursor', 400);
  return { submittedAt: key[0], id: key[1] };
}

/** A page of `limit` out of `limit + 1` rows, and the cursor after it when there was more. */
function paged<R, I>(
  rows: R[],
  limit: number,
  item: (row: R) => I,
  key: (row: R) => [Date, string],
): { items: I[]; nextCursor?: string } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  if (rows.length <= limit || !last) return { items: page.map(item) };
  const [at, id] = key(last);
  return { items: page.map(item), nextCursor: encodeCursor([at.toISOString(), id]) };
}

export function toTrackedCase(row: CaseRow): TrackedCaseV1 {
  const zone = row.agencyTimeZone;
  return {
    applicationId: row.applicationId,
    trackingNo: row.trackingNo,
    ...(row.serviceCode ? { serviceCode: row.serviceCode } : {}),
    agencyCode: row.agencyCode,
    ...(row.channel ? { channel: row.channel } : {}),
    status: row.status,
    submittedAt: toZonedIso(row.submittedAt, zone),
    changedAt: toZonedIso(row.changedAt, zone),
    ...(row.deadline ? { deadline: toZonedIso(row.deadline, zone) } : {}),
    paused: isWaitingOnApplicant(row.status),
    ...(row.bundleCaseId && row.stepKey
      ? { bundle: { bundleCaseId: row.bundleCaseId, stepKey: row.stepKey } }
      : {}),
  };
}

export function toMyCase(row: CaseRow): MyCaseV1 {
  return { ...toTrackedCase(row), expected: expectedOf(row.status, row) };
}

/**
 * How a case stands against its deadline at `now`. Only a running clock can be at risk or
 * overdue (`atRiskFrom` is set exactly then): a case waiting on the applicant, finished, or
 * without a time limit is neither.
 */
export function riskOf(
  row: Pick<CaseRow, 'atRiskFrom' | 'deadline'>,
  now: Date,
): CaseRisk | 'ON_TRACK' | undefined {
  if (!row.atRiskFrom || !row.deadline) return undefined;
  if (row.deadline.getTime() <= now.getTime()) return 'OVERDUE';
  return row.atRiskFrom.getTime() <= now.getTime() ? 'AT_RISK' : 'ON_TRACK';
}

/** The applicant's own cases, newest first, each with what is expected of them now. */
export async function listMyCases(
  principal: Principal,
  request: ListMyCasesV1,
  ports: CaseListPorts,
): Promise<MyCasesPageV1> {
  const applicantId = applicantOf(principal, 'cases');
  const before = beforeOf(request.cursor);
  const rows = await ports.mine(
    applicantId,
    {
      ...(request.status?.length ? { statuses: request.status } : {}),
      ...(request.serviceCode ? { serviceCode: request.serviceCode } : {}),
      ...(request.open === undefined ? {} : { open: request.open }),
    },
    before,
    request.limit + 1,
  );
  return paged(rows, request.limit, toMyCase, (row) => [row.submittedAt, row.applicationId]);
}

/**
 * The applicant's bundles, the most recently started first, each with the steps opened so far
 * in the order they were submitted. A step not yet opened (waiting on an earlier one's output)
 * is not a case yet: intake's bundle answer lists it.
 */
export async function listMyBundles(
  principal: Principal,
  request: ListMyBundlesV1,
  ports: CaseListPorts,
): Promise<MyBundlesPageV1> {
  const applicantId = applicantOf(principal, 'bundles');
  const bundles = await ports.myBundles(applicantId, beforeOf(request.cursor), request.limit + 1);
  return paged(
    bundles,
    request.limit,
    ({ bundleCaseId, startedAt, steps }): MyBundleV1 => {
      const [first] = steps;
      return {
        bundleCaseId,
        submittedAt: toZonedIso(startedAt, first?.agencyTimeZone ?? 'Asia/Jakarta'),
        open: steps.some((step) => !isFinalStatus(step.status)),
        steps: steps.map((step) => ({
          ...toMyCase(step),
          bundle: { bundleCaseId, stepKey: step.stepKey ?? '' },
        })),
      };
    },
    (bundle) => [bundle.startedAt, bundle.bundleCaseId],
  );
}

/**
 * One agency's cases as tracking follows them, newest first: for its officers, its system and
 * mall administrators (the same rule as the agency's own case lists).
 */
export async function listTrackedCases(
  principal: Principal,
  request: ListTrackedCasesV1,
  now: Date,
  ports: CaseListPorts,
): Promise<TrackedCasesPageV1> {
  const { agencyCode } = request;
  const access = agencyCaseAccess(principal, agencyCode);
  if (access !== 'allowed') {
    throw new DomainError(access, access === 'unauthenticated' ? 401 : 403, [], {
      resource: `tracked cases ${agencyCode}`,
    });
  }
  const rows = await ports.ofAgency(
    agencyCode,
    {
      ...(request.status?.length ? { statuses: request.status } : {}),
      ...(request.serviceCode ? { serviceCode: request.serviceCode } : {}),
      ...(request.risk ? { risk: request.risk } : {}),
      now,
    },
    beforeOf(request.cursor),
    request.limit + 1,
  );
  const page = paged(
    rows,
    request.limit,
    (row): AgencyTrackedCaseV1 => {
      const risk = riskOf(row, now);
      return {
        ...toTrackedCase(row),
        ...(row.atRiskFrom ? { atRiskFrom: toZonedIso(row.atRiskFrom, row.agencyTimeZone) } : {}),
        ...(risk ? { risk } : {}),
        revisions: row.revisions,
      };
    },
    (row) => [row.submittedAt, row.applicationId],
  );
  return { agencyCode, ...page };
}
