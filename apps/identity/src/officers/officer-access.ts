import { DomainError, type FieldError } from '@satupintu/common';
import type { OfficerV1, Principal, Role } from '@satupintu/contracts';
import { type Manager, managerOf } from '../access/callers';

/** The roles of the mall itself, which no agency grants. */
export const MALL_ROLES: readonly Role[] = ['MALL_ADMIN', 'SURVEY_ANALYST'];

export type OfficerManager = Manager;

/** Mall admins manage any officer; agency admins their own agency's; nobody else any. Pure. */
export function officerManager(principal: Principal): OfficerManager {
  return managerOf(principal, 'officers');
}

/**
 * Whether a manager may see and change this officer. An agency admin does not manage another
 * agency's officers, nor the mall's own people: to them those are not there (404), so a refusal
 * never tells whether an officer exists. Pure.
 */
export function manages(manager: OfficerManager, officer: Pick<OfficerV1, 'agencyCode' | 'roles'>) {
  if (manager.all) return true;
  return (
    officer.agencyCode === manager.agency &&
    !officer.roles.some((role) => MALL_ROLES.includes(role))
  );
}

/**
 * What a manager may give an officer: agency roles need an agency; an agency admin grants only
 * agency roles, only in their own agency. Refused as 403, naming each field. Pure.
 */
export function checkGrant(
  manager: OfficerManager,
  officer: { agencyCode?: string; roles: Role[] },
): void {
  const errors: FieldError[] = [];
  const agencyRoles = officer.roles.some((role) => !MALL_ROLES.includes(role));
  if (agencyRoles && !officer.agencyCode)
    throw DomainError.validation([{ field: 'agencyCode', code: 'roles_need_agency' }], 422);
  if (!manager.all) {
    if (officer.agencyCode !== manager.agency)
      errors.push({ field: 'agencyCode', code: 'agency_not_allowed' });
    for (const role of officer.roles.filter((r) => MALL_ROLES.includes(r)))
      errors.push({ field: 'roles', code: 'role_not_grantable', params: { role } });
  }
  if (errors.length > 0) throw new DomainError('forbidden', 403, errors, { resource: 'officers' });
}
