import { DomainError } from '@satupintu/common';
import type {
  CreateOfficerV1,
  ListOfficersV1,
  OfficerV1,
  OfficersPageV1,
  UpdateOfficerV1,
} from '@satupintu/contracts';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';
import { passwordError } from '../applicants/register-applicant';
import { type OfficerManager, checkGrant, manages } from './officer-access';

/** A new officer, if the manager may create them and the password passes the policy. Pure. */
export function newOfficer(manager: OfficerManager, input: CreateOfficerV1, id: string): OfficerV1 {
  const roles = [...new Set(input.roles)];
  checkGrant(manager, { ...(input.agencyCode ? { agencyCode: input.agencyCode } : {}), roles });
  const name = input.name.trim();
  if (!name) throw DomainError.validation([{ field: 'name', code: 'required' }]);
  const password = passwordError('password', input.password, { username: input.username, name });
  if (password) throw DomainError.validation([password], 422);
  return {
    officerId: id,
    username: input.username,
    name,
    ...(input.agencyCode ? { agencyCode: input.agencyCode } : {}),
    roles,
    active: true,
    version: 1,
  };
}

/**
 * The officer after a manager's change. One the manager does not manage is not there (404),
 * whether it exists or not. Pure.
 */
export function changeOfficer(
  manager: OfficerManager,
  current: OfficerV1 | undefined,
  patch: UpdateOfficerV1,
): { next: OfficerV1; changed: boolean } {
  if (!current || !manages(manager, current))
    throw new DomainError('officer_not_found', 404, [], { officerId: patch.officerId });
  if (patch.name === undefined && patch.roles === undefined && patch.active === undefined)
    throw DomainError.validation([{ field: '(body)', code: 'nothing_to_change' }]);
  const roles = patch.roles ? [...new Set(patch.roles)] : current.roles;
  if (patch.roles)
    checkGrant(manager, {
      ...(current.agencyCode ? { agencyCode: current.agencyCode } : {}),
      roles,
    });
  const name = patch.name?.trim() ?? current.name;
  if (!name) throw DomainError.validation([{ field: 'name', code: 'required' }]);
  const next = { ...current, name, roles, active: patch.active ?? current.active };
  const changed =
    next.name !== current.name ||
    next.active !== current.active ||
    [...next.roles].sort().join() !== [...current.roles].sort().join();
  return { next: changed ? { ...next, version: current.version + 1 } : current, changed };
}

export interface OfficerPagePorts {
  list(
    agency: string | undefined,
    afterUsername: string | undefined,
    limit: number,
  ): Promise<OfficerV1[]>;
}

/**
 * A page of the officers a manager manages, by username. An agency admin gets their own
 * agency's whatever they ask for; the mall's own people are left out for them. Pure but for
 * the port.
 */
export async function listOfficers(
  manager: OfficerManager,
  request: ListOfficersV1,
  ports: OfficerPagePorts,
): Promise<OfficersPageV1> {
  let after: string | undefined;
  if (request.cursor) {
    const key = decodeCursor<[string]>(request.cursor, ['string']);
    if (!key) throw new DomainError('invalid_cursor', 400);
    after = key[0];
  }
  const agency = manager.all ? request.agencyCode : manager.agency;
  const rows = await ports.list(agency, after, request.limit + 1);
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    items: page.filter((officer) => manages(manager, officer)),
    ...(rows.length > request.limit && last ? { nextCursor: encodeCursor([last.username]) } : {}),
  };
}
