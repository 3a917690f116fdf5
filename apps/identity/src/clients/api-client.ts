import { DomainError, type FieldError } from '@satupintu/common';
import type {
  ApiClientKind,
  ApiClientV1,
  CreateApiClientV1,
  Principal,
} from '@satupintu/contracts';
import { type Manager, managerOf } from '../access/callers';

/** After a rotation the old secrets keep working this long, so a client can switch without downtime. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** Mall admins manage every client; an agency admin their own agency's systems. Pure. */
export function clientManager(principal: Principal): Manager {
  return managerOf(principal, 'API clients');
}

/**
 * The scopes a kind of client may hold. An agency's system works its own agency's queue
 * (`agency:<CODE>:work`) and reads what it submitted; kiosks and the portal submit and follow
 * applications; kiosks also take satisfaction surveys and issue the floor's queue numbers.
 */
export function allowedScopes(kind: ApiClientKind, agencyCode: string | undefined): string[] {
  switch (kind) {
    case 'AGENCY_SYSTEM':
      return [...(agencyCode ? [`agency:${agencyCode}:work`] : []), 'applications:read'];
    case 'KIOSK':
      return ['applications:submit', 'applications:read', 'surveys:kiosk', 'queue:kiosk'];
    case 'PORTAL':
      return ['applications:submit', 'applications:read'];
  }
}

/**
 * The client a manager may create: an agency admin only their own agency's systems; an agency
 * system belongs to an agency; every scope must be one its kind and agency allow. Pure.
 */
export function newApiClient(manager: Manager, input: CreateApiClientV1): ApiClientV1 {
  const agencyCode = input.agencyCode;
  if (!manager.all) {
    const refused: FieldError[] = [];
    if (input.kind !== 'AGENCY_SYSTEM')
      refused.push({ field: 'kind', code: 'client_kind_not_allowed' });
    if (agencyCode !== manager.agency)
      refused.push({ field: 'agencyCode', code: 'agency_not_allowed' });
    if (refused.length > 0)
      throw new DomainError('forbidden', 403, refused, { resource: 'API clients' });
  }
  const errors: FieldError[] = [];
  if (input.kind === 'AGENCY_SYSTEM' && !agencyCode)
    errors.push({ field: 'agencyCode', code: 'required' });
  const scopes = [...new Set(input.scopes)];
  const allowed = allowedScopes(input.kind, agencyCode);
  scopes.forEach((scope, i) => {
    if (!allowed.includes(scope))
      errors.push({ field: `scopes.${i}`, code: 'scope_not_allowed', params: { scope } });
  });
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', code: 'required' });
  if (errors.length > 0) throw DomainError.validation(errors, 422);
  return {
    clientId: input.clientId,
    name,
    kind: input.kind,
    ...(agencyCode ? { agencyCode } : {}),
    scopes,
  };
}

/** Whether a manager may rotate or revoke this client; to others it is not there (404). Pure. */
export function managesClient(manager: Manager, client: ApiClientV1 | undefined): boolean {
  if (!client) return false;
  return manager.all || (client.kind === 'AGENCY_SYSTEM' && client.agencyCode === manager.agency);
}

/** A client secret: 32 random bytes, base64url (no `:`, so it fits HTTP Basic). Pure. */
export function newClientSecret(randomBytes: (size: number) => Buffer): string {
  return `sps_${randomBytes(32).toString('base64url')}`;
}
