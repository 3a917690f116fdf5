import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';

/**
 * What the connector keeps for the mall to watch (the reports sent to OSS, the permits no
 * service is mapped to, the files OSS delivered) is for the mall's administrators. The gateway
 * lets only them through; this says so again where the data is.
 */
export function requireMallAdmin(principal: Principal, resource: string): void {
  if (principal.kind === 'officer' && principal.roles.includes('MALL_ADMIN')) return;
  const unauthenticated = principal.kind === 'anonymous';
  throw new DomainError(
    unauthenticated ? 'unauthenticated' : 'forbidden',
    unauthenticated ? 401 : 403,
    [],
    { resource },
  );
}
