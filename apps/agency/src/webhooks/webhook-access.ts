import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import { agencyCaseAccess } from '@satupintu/domain';

const WEBHOOK_MANAGERS = new Set(['AGENCY_ADMIN']);

/**
 * Who manages an agency's webhooks: its admin, mall administrators, and its own system (an API
 * client given `agency:<CODE>:work`, which is what the webhooks are for). Officers who work on
 * cases do not: a subscription sends the agency's events to a URL of one's choosing. Throws the
 * 401/403 problem otherwise.
 */
export function requireWebhookManager(principal: Principal, agencyCode: string): void {
  const access = agencyCaseAccess(principal, agencyCode, WEBHOOK_MANAGERS);
  if (access === 'allowed') return;
  throw new DomainError(access, access === 'unauthenticated' ? 401 : 403, [], {
    resource: `webhooks of ${agencyCode}`,
  });
}
