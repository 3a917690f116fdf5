import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import { scopeIsOfAgency, type SatisfactionScope } from '@satupintu/domain';

/** Whose plans a caller manages: every scope's (a mall admin) or one agency's and its services'. */
export type PlanManager = { mall: true } | { mall: false; agencyCode: string };

const RESOURCE = 'follow-up plans';

/**
 * Mall administrators manage every scope's plan (and read every service's SERVQUAL results); an agency's admin manages the plans of the
 * agency and of its services. Anyone else is refused: anonymous 401, others 403 (who may manage
 * plans is no secret).
 */
export function planManager(principal: Principal, resource = RESOURCE): PlanManager {
  if (principal.kind === 'officer') {
    if (principal.roles.includes('MALL_ADMIN')) return { mall: true };
    if (principal.roles.includes('AGENCY_ADMIN') && principal.agency)
      return { mall: false, agencyCode: principal.agency };
  }
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource });
  throw new DomainError('forbidden', 403, [], { resource });
}

export function managesScope(manager: PlanManager, scope: SatisfactionScope): boolean {
  return manager.mall || scopeIsOfAgency(scope, manager.agencyCode);
}

/** The manager of this scope's plan, or a 403 naming the scope. */
export function requireScopeManager(
  principal: Principal,
  scope: SatisfactionScope,
  resource = RESOURCE,
): void {
  if (managesScope(planManager(principal, resource), scope)) return;
  throw new DomainError('forbidden', 403, [], { resource: `${resource} of ${describe(scope)}` });
}

/** Which agency's plans a list may hold: any (undefined) for the mall, the admin's own else. */
export function listedAgency(manager: PlanManager, asked: string | undefined): string | undefined {
  if (manager.mall) return asked;
  if (asked && asked !== manager.agencyCode)
    throw new DomainError('forbidden', 403, [], { resource: `${RESOURCE} of ${asked}` });
  return manager.agencyCode;
}

function describe(scope: SatisfactionScope): string {
  return scope.kind === 'MALL'
    ? 'the mall'
    : scope.kind === 'AGENCY'
      ? scope.agencyCode
      : scope.serviceCode;
}
