import type { Principal } from '@satupintu/contracts';
import { agencyCaseAccess, type CaseAccess } from '@satupintu/domain';

export type Access = CaseAccess;

/**
 * Who may see an agency's work queue: its own officers, mall administrators, and an API client
 * given `agency:<CODE>:work` (the agency's own system). The agency decides, not the gateway:
 * it owns the cases.
 */
export function workQueueAccess(principal: Principal, agencyCode: string): Access {
  return agencyCaseAccess(principal, agencyCode);
}
