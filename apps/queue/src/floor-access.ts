import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import { agencyCaseAccess } from '@satupintu/domain';

/** The scope of an API client that is a kiosk on the floor (identity gives it to KIOSK clients). */
export const KIOSK_SCOPE = 'queue:kiosk';

const AGENCY_ADMINS = new Set(['AGENCY_ADMIN']);
/** The officers who staff an agency's counters. */
const COUNTER_OFFICERS = new Set(['FRONT_DESK', 'VERIFIER', 'APPROVER', 'AGENCY_ADMIN']);

const refusal = (access: 'unauthenticated' | 'forbidden', resource: string) =>
  new DomainError(access, access === 'unauthenticated' ? 401 : 403, [], { resource });

/** Whether the caller manages an agency's floor: its admin, or a mall admin. No API client. */
export function managesFloorOf(principal: Principal, agencyCode: string): boolean {
  return (
    principal.kind === 'officer' &&
    agencyCaseAccess(principal, agencyCode, AGENCY_ADMINS) === 'allowed'
  );
}

/** Lines, counters and slots of an agency: its admin, or a mall admin. */
export function requireFloorManager(
  principal: Principal,
  agencyCode: string,
  resource: string,
): void {
  if (managesFloorOf(principal, agencyCode)) return;
  throw refusal(principal.kind === 'anonymous' ? 'unauthenticated' : 'forbidden', resource);
}

/** Walk-in numbers and check-ins: a kiosk, an API client holding `queue:kiosk`. */
export function requireKiosk(principal: Principal, resource: string): string {
  if (principal.kind === 'client' && principal.scopes.includes(KIOSK_SCOPE) && principal.clientId)
    return principal.clientId;
  throw refusal(principal.kind === 'anonymous' ? 'unauthenticated' : 'forbidden', resource);
}

/** Bookings: a signed-in applicant, for themself. */
export function requireApplicant(principal: Principal, resource: string): string {
  if (principal.kind === 'applicant' && principal.subject) return principal.subject;
  throw refusal(principal.kind === 'anonymous' ? 'unauthenticated' : 'forbidden', resource);
}

/** A session at an agency's counter: one of that agency's own officers. */
export function requireCounterOfficer(principal: Principal, agencyCode: string): string {
  if (
    principal.kind === 'officer' &&
    principal.subject &&
    principal.agency === agencyCode &&
    principal.roles.some((role) => COUNTER_OFFICERS.has(role))
  )
    return principal.subject;
  throw refusal(
    principal.kind === 'anonymous' ? 'unauthenticated' : 'forbidden',
    `counters of ${agencyCode}`,
  );
}

/** What the session rules need of a session. */
export interface SessionParties {
  id: string;
  agencyCode: string;
  officerId: string;
}

/**
 * Who may use a counter session: its officer calls; its officer, the agency's admin or a mall
 * admin act on the called ticket and close it (an abandoned counter can be cleared). To anyone
 * else the session is not there.
 */
export function requireSessionUser(
  principal: Principal,
  session: SessionParties,
  use: 'call' | 'act',
): void {
  const own = principal.kind === 'officer' && principal.subject === session.officerId;
  if (own || (use === 'act' && managesFloorOf(principal, session.agencyCode))) return;
  if (managesFloorOf(principal, session.agencyCode))
    throw refusal('forbidden', `calls of session ${session.id}`);
  throw new DomainError('queue_session_not_found', 404, [], { sessionId: session.id });
}
