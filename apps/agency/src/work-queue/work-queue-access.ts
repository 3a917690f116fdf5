import type { Principal } from '@satupintu/contracts';

export type Access = 'allowed' | 'unauthenticated' | 'forbidden';

const OFFICER_ROLES = new Set(['FRONT_DESK', 'VERIFIER', 'APPROVER', 'AGENCY_ADMIN']);

/**
 * Who may see an agency's work queue: its own officers, mall administrators, and an API client
 * given `agency:<CODE>:work` (the agency's own system). The agency decides, not the gateway:
 * it owns the cases.
 */
export function workQueueAccess(principal: Principal, agencyCode: string): Access {
  return agencyAccess(principal, agencyCode, OFFICER_ROLES);
}

/**
 * Mall administrators, the agency's officers in one of `roles`, and an API client given
 * `agency:<CODE>:work` (the agency's own system).
 */
export function agencyAccess(
  principal: Principal,
  agencyCode: string,
  roles: ReadonlySet<string>,
): Access {
  switch (principal.kind) {
    case 'anonymous':
      return 'unauthenticated';
    case 'officer':
      if (principal.roles.includes('MALL_ADMIN')) return 'allowed';
      return principal.agency === agencyCode && principal.roles.some((r) => roles.has(r))
        ? 'allowed'
        : 'forbidden';
    case 'client':
      return principal.scopes.includes(`agency:${agencyCode}:work`) ? 'allowed' : 'forbidden';
    case 'applicant':
    case 'system':
      return 'forbidden';
  }
}
