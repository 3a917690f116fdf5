import { agencyWorkScope, type WorkflowCaller } from './workflow';

export type CaseAccess = 'allowed' | 'unauthenticated' | 'forbidden';

const AGENCY_OFFICER_ROLES = new Set(['FRONT_DESK', 'VERIFIER', 'APPROVER', 'AGENCY_ADMIN']);

/**
 * Who may read an agency's cases (its work queue, one case with its file, the feed of changes):
 * its own officers, mall administrators, and an API client given `agency:<CODE>:work` (the
 * agency's own system). Here, in the domain, because two services decide it on their own data:
 * the agency on its cases, intake on the applications and documents those cases are about.
 * What only some of its officers may do (manage its webhooks) names their `roles`.
 */
export function agencyCaseAccess(
  caller: WorkflowCaller,
  agencyCode: string,
  roles: ReadonlySet<string> = AGENCY_OFFICER_ROLES,
): CaseAccess {
  switch (caller.kind) {
    case 'anonymous':
      return 'unauthenticated';
    case 'officer':
      if (caller.roles.includes('MALL_ADMIN')) return 'allowed';
      return caller.agency === agencyCode && caller.roles.some((r) => roles.has(r))
        ? 'allowed'
        : 'forbidden';
    case 'client':
      return caller.scopes.includes(agencyWorkScope(agencyCode)) ? 'allowed' : 'forbidden';
    case 'applicant':
    case 'system':
      return 'forbidden';
  }
}

/**
 * Whether the caller works the agency's cases itself (its officers, its system), and so sees
 * an applicant's whole NIK to check it against the documents; a mall administrator oversees and
 * sees it masked (PRODUCT.md: masked wherever a person does not need the whole number).
 */
export function worksAgencyCases(caller: WorkflowCaller, agencyCode: string): boolean {
  if (caller.kind === 'client') return caller.scopes.includes(agencyWorkScope(agencyCode));
  return (
    caller.kind === 'officer' &&
    caller.agency === agencyCode &&
    caller.roles.some((r) => AGENCY_OFFICER_ROLES.has(r))
  );
}
