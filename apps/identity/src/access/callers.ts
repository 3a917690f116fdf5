import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';

/**
 * Who is asking, as the gateway verified it (the principal travels in the request's headers).
 * Identity decides every operation on its records from it, whatever the gateway's route guard
 * let through: these are the checks its decisions are made of. Pure.
 */

/** An anonymous caller is told to sign in; anyone else who may not is refused. */
export function refuse(principal: Principal, resource: string): DomainError {
  return principal.kind === 'anonymous'
    ? new DomainError('unauthenticated', 401, [], { resource })
    : new DomainError('forbidden', 403, [], { resource });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in applicant's id; anyone else is refused. Identity's applicant ids are UUIDs: a
 * subject that is not one names no account here (401, as for a deleted one).
 */
export function applicantId(principal: Principal, resource: string): string {
  if (principal.kind !== 'applicant') throw refuse(principal, resource);
  if (principal.subject && UUID.test(principal.subject)) return principal.subject;
  throw new DomainError('unauthenticated', 401, [], { resource });
}

export function isMallAdmin(principal: Principal): boolean {
  return principal.kind === 'officer' && principal.roles.includes('MALL_ADMIN');
}

/** An agency admin, and the agency they administer (undefined for anyone else). */
export function administeredAgency(principal: Principal): string | undefined {
  return principal.kind === 'officer' && principal.roles.includes('AGENCY_ADMIN')
    ? principal.agency
    : undefined;
}

/** Whose accounts a caller manages: every one (a mall admin), or one agency's (its admin). */
export type Manager = { all: true } | { all: false; agency: string };

/** Mall admins manage everyone's; agency admins their own agency's; nobody else any. */
export function managerOf(principal: Principal, resource: string): Manager {
  if (isMallAdmin(principal)) return { all: true };
  const agency = administeredAgency(principal);
  if (agency) return { all: false, agency };
  throw refuse(principal, resource);
}
