import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';

/**
 * Whose webhook subscriptions a caller manages: an API client with `applications:read`, its own
 * (their scope is its client id). Anyone else is refused: 401 anonymous, 403 otherwise. Pure.
 */
export function clientWebhookScope(principal: Principal): string {
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource: 'webhook subscriptions' });
  if (
    principal.kind !== 'client' ||
    !principal.clientId ||
    !principal.scopes.includes('applications:read')
  )
    throw new DomainError('forbidden', 403, [], { resource: 'webhook subscriptions' });
  return principal.clientId;
}
