import { DomainError } from '@satupintu/common';
import type {
  AgencyChangedV1,
  AgencyV1,
  CreateAgencyV1,
  Principal,
  UpdateAgencyV1,
} from '@satupintu/contracts';
import { isMallAdmin, refuse } from '../access/callers';

/** Agencies are the mall's: only a mall admin adds or changes one. Pure. */
export function requireAgencyManager(principal: Principal): void {
  if (!isMallAdmin(principal)) throw refuse(principal, 'agencies');
}

export function newAgency(input: CreateAgencyV1): AgencyV1 {
  const name = input.name.trim();
  if (!name) throw DomainError.validation([{ field: 'name', code: 'required' }]);
  return { code: input.code, name, timeZone: input.timeZone, active: true, version: 1 };
}

/** The agency after a change; unchanged values make no new version. Pure. */
export function changeAgency(
  current: AgencyV1,
  patch: UpdateAgencyV1,
): { next: AgencyV1; changed: boolean } {
  if (patch.name === undefined && patch.timeZone === undefined && patch.active === undefined)
    throw DomainError.validation([{ field: '(body)', code: 'nothing_to_change' }]);
  if (patch.name !== undefined && !patch.name.trim())
    throw DomainError.validation([{ field: 'name', code: 'required' }]);
  const next: AgencyV1 = {
    ...current,
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.timeZone !== undefined ? { timeZone: patch.timeZone } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
  };
  const changed =
    next.name !== current.name ||
    next.timeZone !== current.timeZone ||
    next.active !== current.active;
  return { next: changed ? { ...next, version: current.version + 1 } : current, changed };
}

/** What intake's catalog (and anyone else following agencies) receives. Pure. */
export function agencyChangedEvent(agency: AgencyV1, changedAt: Date): AgencyChangedV1 {
  return {
    code: agency.code,
    name: agency.name,
    timeZone: agency.timeZone,
    active: agency.active,
    version: agency.version,
    changedAt: changedAt.toISOString(),
  };
}
