import { PageLimitV1, PageCursorV1 } from '../paging';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Channel } from '../channels';
import { defineRequest } from '../contract';
import { ListWorkQueueV1 } from '../agency/list-work-queue.v1';
import type { PaymentDueV1 } from '../agency/payment-due.v1';
import type { Status } from '../statuses';

/** The caller's own bundles (an applicant), the most recently started first, a page at a time. */
export class ListMyBundlesV1 {
  @PageLimitV1()
  limit: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @PageCursorV1()
  cursor?: string;
}

/** What the applicant must do now for a case; NONE while it waits on the agency, or is over. */
export type ExpectedOfApplicantV1 =
  /** The agency asked for corrections (NEEDS_REVISION), with its reason when it gave one. */
  | { action: 'REVISE'; reason?: string }
  /** A fee is due (AWAITING_PAYMENT): the payment code, amount and expiry from the agency. */
  | { action: 'PAY'; payment: PaymentDueV1 }
  /** The output is issued (ISSUED): its number and PDF are on the application. */
  | { action: 'COLLECT' }
  | { action: 'NONE' };

export const EXPECTED_ACTIONS = ['REVISE', 'PAY', 'COLLECT', 'NONE'] as const;

/** A case as tracking's read model has it: which, whose agency, where it stands, by when. */
export interface TrackedCaseV1 {
  applicationId: string;
  trackingNo: string;
  /** Absent only for a case tracked before tracking kept it (issue 9). */
  serviceCode?: string;
  agencyCode: string;
  /** Absent only for a case tracked before tracking kept it (issue 9). */
  channel?: Channel;
  status: Status;
  /** ISO 8601 in the agency's time zone. */
  submittedAt: string;
  /** When the status last changed, in the agency's time zone. */
  changedAt: string;
  /** The case's deadline, in the agency's time zone; absent without a time limit. */
  deadline?: string;
  /** The clock stops while the case waits on the applicant (NEEDS_REVISION, AWAITING_PAYMENT). */
  paused: boolean;
  /** When the case is a step of a bundle: which bundle case, which step. */
  bundle?: { bundleCaseId: string; stepKey: string };
}

/** One of the applicant's own cases, with what is expected of them now. */
export interface MyCaseV1 extends TrackedCaseV1 {
  expected: ExpectedOfApplicantV1;
}

/** The caller's own cases (an applicant), newest first, optionally only some statuses or a service. */
export class ListMyCasesV1 extends ListWorkQueueV1 {
  /** true: only cases not yet finished (ISSUED, REJECTED, WITHDRAWN); false: only finished. */
  @IsOptional()
  @IsBoolean()
  open?: boolean;
}

export interface MyCasesPageV1 {
  items: MyCaseV1[];
  /** Present when there are more items: pass it as `cursor` for the next page. */
  nextCursor?: string;
}

export const ListMyCases = defineRequest<ListMyCasesV1, MyCasesPageV1>({
  subject: 'tracking.cases.mine.v1',
  service: 'tracking',
  payload: ListMyCasesV1,
});

/** One bundle of the applicant's: the steps opened so far, in the order they were submitted. */
export interface MyBundleV1 {
  bundleCaseId: string;
  /** When its first step was submitted, in that agency's time zone. */
  submittedAt: string;
  /** Whether any of its opened steps is not finished yet. */
  open: boolean;
  steps: (MyCaseV1 & { bundle: { bundleCaseId: string; stepKey: string } })[];
}

export interface MyBundlesPageV1 {
  items: MyBundleV1[];
  nextCursor?: string;
}

export const ListMyBundles = defineRequest<ListMyBundlesV1, MyBundlesPageV1>({
  subject: 'tracking.bundles.mine.v1',
  service: 'tracking',
  payload: ListMyBundlesV1,
});

export const CASE_RISKS = ['AT_RISK', 'OVERDUE'] as const;
export type CaseRisk = (typeof CASE_RISKS)[number];

/** One agency's case in tracking's view: its timeline's state, its deadline, how it stands now. */
export interface AgencyTrackedCaseV1 extends TrackedCaseV1 {
  /** While its clock runs: when it becomes at risk (a share of its time used). */
  atRiskFrom?: string;
  /** How it stands against its deadline now; absent unless its clock runs. */
  risk?: CaseRisk | 'ON_TRACK';
  /** How many times the agency asked for corrections. */
  revisions: number;
}

/** One agency's cases as tracking follows them, newest first (the agency's filters, and risk). */
export class ListTrackedCasesV1 extends ListWorkQueueV1 {
  @IsString()
  @MaxLength(32)
  agencyCode: string;

  /** AT_RISK: past its at-risk instant, not yet overdue; OVERDUE: running past its deadline. */
  @IsOptional()
  @IsIn(CASE_RISKS)
  risk?: CaseRisk;
}

export interface TrackedCasesPageV1 {
  agencyCode: string;
  items: AgencyTrackedCaseV1[];
  nextCursor?: string;
}

export const ListTrackedCases = defineRequest<ListTrackedCasesV1, TrackedCasesPageV1>({
  subject: 'tracking.cases.agency.v1',
  service: 'tracking',
  payload: ListTrackedCasesV1,
});
