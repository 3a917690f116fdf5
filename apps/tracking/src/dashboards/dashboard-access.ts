import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';

/** Whose cases a dashboard counts: the mall's (no agency), one agency's, one service's. */
export interface DashboardScope {
  agencyCode?: string;
  serviceCode?: string;
}

/**
 * Mall administrators see any scope; an agency's admin sees their own agency's (asking for no
 * agency means theirs). Anyone else, or an agency admin naming another agency, is refused: who
 * may see the figures is no secret, so the refusal is a 403, as the gateway answers it.
 */
export function dashboardScope(principal: Principal, asked: DashboardScope): DashboardScope {
  const scope = {
    ...(asked.agencyCode ? { agencyCode: asked.agencyCode } : {}),
    ...(asked.serviceCode ? { serviceCode: asked.serviceCode } : {}),
  };
  if (principal.kind === 'officer') {
    if (principal.roles.includes('MALL_ADMIN')) return scope;
    if (principal.roles.includes('AGENCY_ADMIN') && principal.agency) {
      if (!scope.agencyCode || scope.agencyCode === principal.agency)
        return { ...scope, agencyCode: principal.agency };
      throw forbidden(scope.agencyCode);
    }
  }
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource: 'dashboards' });
  throw forbidden(scope.agencyCode);
}

function forbidden(agencyCode: string | undefined): DomainError {
  return new DomainError('forbidden', 403, [], {
    resource: agencyCode ? `dashboards of ${agencyCode}` : 'dashboards',
  });
}
