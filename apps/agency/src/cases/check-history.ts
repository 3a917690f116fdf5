import { DomainError } from '@satupintu/common';
import {
  BROKEN_CASES_LISTED,
  type BrokenCaseV1,
  type CaseHistoryCheckV1,
  type Principal,
} from '@satupintu/contracts';
import { type CaseRecord, verifyChain } from '@satupintu/domain';

/** One case as the check reads it: its row's sequence and its records, in sequence order. */
export interface CaseToCheck {
  applicationId: string;
  trackingNo: string;
  /** The number of the last record, as the case's row keeps it. */
  sequence: number;
  records: CaseRecord[];
}

export interface CheckHistoryPorts {
  /** The next cases after `after` (by application id), at most `limit`; none when done. */
  cases(after: string | undefined, limit: number): Promise<CaseToCheck[]>;
  now(): Date;
}

const PAGE = 200;

/** Its admin or a mall admin: an audit of the agency, not the work of its officers. */
export function historyCheckAccess(
  principal: Principal,
  agencyCode: string,
): 'allowed' | 'unauthenticated' | 'forbidden' {
  if (principal.kind === 'anonymous') return 'unauthenticated';
  if (principal.kind !== 'officer') return 'forbidden';
  if (principal.roles.includes('MALL_ADMIN')) return 'allowed';
  return principal.agency === agencyCode && principal.roles.includes('AGENCY_ADMIN')
    ? 'allowed'
    : 'forbidden';
}

/** What is wrong with one case's history, or undefined when it holds. */
export function brokenCase(found: CaseToCheck): BrokenCaseV1 | undefined {
  const about = { applicationId: found.applicationId, trackingNo: found.trackingNo };
  if (found.records.length === 0)
    return { ...about, problem: 'history_missing', sequence: found.sequence, expectedSequence: 1 };
  const check = verifyChain(found.records);
  if (!check.ok)
    return {
      ...about,
      problem: check.problem,
      sequence: check.sequence,
      expectedSequence: check.expectedSequence,
    };
  // A valid chain shorter than the case's row says: its last records were cut.
  if (check.lastSequence < found.sequence)
    return {
      ...about,
      problem: 'history_shorter_than_case',
      sequence: check.lastSequence,
      expectedSequence: found.sequence,
    };
  return undefined;
}

/**
 * Checks every case's history of the agency, a page of cases at a time: each chain link by
 * link (ADR 0019), and against the sequence the case's row keeps, which shows a cut tail the
 * chain alone cannot.
 */
export async function checkHistory(
  agencyCode: string,
  ports: CheckHistoryPorts,
): Promise<CaseHistoryCheckV1> {
  const result: CaseHistoryCheckV1 = {
    agencyCode,
    checkedAt: '',
    cases: 0,
    records: 0,
    intact: 0,
    broken: [],
  };
  let after: string | undefined;
  for (;;) {
    const page = await ports.cases(after, PAGE);
    for (const found of page) {
      result.cases += 1;
      result.records += found.records.length;
      const broken = brokenCase(found);
      if (!broken) result.intact += 1;
      else if (result.broken.length < BROKEN_CASES_LISTED) result.broken.push(broken);
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].applicationId;
  }
  result.checkedAt = ports.now().toISOString();
  return result;
}

/** The check as a request: only for those `historyCheckAccess` allows. */
export async function checkHistoryFor(
  agencyCode: string,
  principal: Principal,
  ports: CheckHistoryPorts,
): Promise<CaseHistoryCheckV1> {
  const access = historyCheckAccess(principal, agencyCode);
  if (access !== 'allowed')
    throw new DomainError(access, access === 'unauthenticated' ? 401 : 403, [], {
      resource: `case history of ${agencyCode}`,
    });
  return checkHistory(agencyCode, ports);
}
