import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';

/**
 * Who may revoke one of this agency's outputs: its own AGENCY_ADMIN, or a MALL_ADMIN (who runs
 * the mall and so every agency of it). Not its officers who issue, and not its API client: a
 * revocation undoes an issued document, an administrator's act. Answers who revokes, the
 * caller's subject, as the record keeps it.
 */
export function outputRevoker(principal: Principal, agencyCode: string): string {
  const resource = `outputs ${agencyCode}`;
  if (principal.kind === 'anonymous') {
    throw new DomainError('unauthenticated', 401, [], { resource });
  }
  const admin =
    principal.kind === 'officer' &&
    (principal.roles.includes('MALL_ADMIN') ||
      (principal.agency === agencyCode && principal.roles.includes('AGENCY_ADMIN')));
  if (!admin || !principal.subject) throw new DomainError('forbidden', 403, [], { resource });
  return principal.subject;
}
