export const APPLICATION_STATUSES = [
  'SUBMITTED',
  'VERIFYING',
  'NEEDS_REVISION',
  'AWAITING_PAYMENT',
  'IN_REVIEW',
  'APPROVED',
  'ISSUED',
  'REJECTED',
  'WITHDRAWN',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * APPROVED cannot be withdrawn: the agency has decided, and only issuing the document remains.
 */
const NEXT: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  SUBMITTED: ['VERIFYING', 'REJECTED', 'WITHDRAWN'],
  VERIFYING: ['NEEDS_REVISION', 'AWAITING_PAYMENT', 'IN_REVIEW', 'REJECTED', 'WITHDRAWN'],
  NEEDS_REVISION: ['VERIFYING', 'WITHDRAWN'],
  AWAITING_PAYMENT: ['IN_REVIEW', 'WITHDRAWN'],
  IN_REVIEW: ['APPROVED', 'REJECTED', 'WITHDRAWN'],
  APPROVED: ['ISSUED'],
  ISSUED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  // Statuses may arrive from storage or the wire, so an unknown value is refused, not trusted.
  return Object.hasOwn(NEXT, from) && NEXT[from].includes(to);
}

export function isFinalStatus(s: ApplicationStatus): boolean {
  return Object.hasOwn(NEXT, s) && NEXT[s].length === 0;
}

/** While the applicant owes a revision or a payment, the service-level deadline clock pauses. */
export function isWaitingOnApplicant(s: ApplicationStatus): boolean {
  return s === 'NEEDS_REVISION' || s === 'AWAITING_PAYMENT';
}
