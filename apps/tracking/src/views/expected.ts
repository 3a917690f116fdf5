import type { ExpectedOfApplicantV1, PaymentDueV1, Status } from '@satupintu/contracts';

/** What the case's latest visible entry says beyond its status. */
export interface LatestEntry {
  reason?: string | null;
  payment?: PaymentDueV1 | null;
}

/**
 * What the applicant must do now, from the case's status and the entry that put it there: the
 * agency's reason for a revision, the payment code of a fee due, or to collect the output. Every
 * other status waits on the agency, or has ended, and asks nothing of them. A fee without its
 * payment code (an entry kept before ADR 0022) cannot be paid from here, so it asks nothing.
 */
export function expectedOf(status: Status, latest: LatestEntry): ExpectedOfApplicantV1 {
  switch (status) {
    case 'NEEDS_REVISION':
      return latest.reason ? { action: 'REVISE', reason: latest.reason } : { action: 'REVISE' };
    case 'AWAITING_PAYMENT':
      return latest.payment ? { action: 'PAY', payment: latest.payment } : { action: 'NONE' };
    case 'ISSUED':
      return { action: 'COLLECT' };
    case 'SUBMITTED':
    case 'VERIFYING':
    case 'IN_REVIEW':
    case 'APPROVED':
    case 'REJECTED':
    case 'WITHDRAWN':
      return { action: 'NONE' };
  }
}
