import type { ChainProblem } from '@satupintu/domain';
import { defineRequest } from '../contract';

/** Check every case's history of the agency addressed: an audit, for its admin or a mall admin. */
export class CheckCaseHistoryV1 {}

/**
 * Where a case's history is broken: a link of the chain (`verifyChain`), or the case's row and
 * its history disagreeing: no records at all, or fewer than the row counts (the last ones cut).
 */
export type HistoryProblem = ChainProblem | 'history_missing' | 'history_shorter_than_case';

/** Every problem the check names, for the API's enum; the check below keeps it complete. */
export const HISTORY_PROBLEMS = [
  'hash_mismatch',
  'previous_hash_mismatch',
  'sequence_gap',
  'sequence_out_of_order',
  'sequence_repeated',
  'application_mismatch',
  'status_discontinuity',
  'history_missing',
  'history_shorter_than_case',
] as const satisfies readonly HistoryProblem[];
// Fails to compile when a problem is added to the type and not to the list.
export const HISTORY_PROBLEMS_COMPLETE: [
  Exclude<HistoryProblem, (typeof HISTORY_PROBLEMS)[number]>,
] extends [never]
  ? true
  : never = true;

export interface BrokenCaseV1 {
  applicationId: string;
  trackingNo: string;
  problem: HistoryProblem;
  /** The sequence number of the first broken record (the case's own for a missing one). */
  sequence: number;
  /** The sequence number expected there. */
  expectedSequence: number;
}

export interface CaseHistoryCheckV1 {
  agencyCode: string;
  /** When the check ended, UTC. */
  checkedAt: string;
  cases: number;
  records: number;
  intact: number;
  /** The broken cases, the first `BROKEN_CASES_LISTED` of them; `cases - intact` counts them all. */
  broken: BrokenCaseV1[];
}

export const BROKEN_CASES_LISTED = 1000;

export const CheckCaseHistory = defineRequest<CheckCaseHistoryV1, CaseHistoryCheckV1>({
  subject: 'agency.case-history.check.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: CheckCaseHistoryV1,
});
