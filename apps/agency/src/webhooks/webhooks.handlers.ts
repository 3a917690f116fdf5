import { AGENCY_WEBHOOK_REQUESTS } from '@satupintu/contracts';
import { webhookHandlers } from '@satupintu/webhooks';
import { requireWebhookManager } from './webhook-access';

/**
 * This agency's webhook subscriptions, their delivery logs and replays (ADR 0020), for its
 * managers only (`requireWebhookManager`): a subscription of another agency is not found here.
 */
export function agencyWebhookHandlers(agencyCode: string) {
  return webhookHandlers({
    contracts: AGENCY_WEBHOOK_REQUESTS,
    scopeOf: (principal) => {
      requireWebhookManager(principal, agencyCode);
      return agencyCode;
    },
    scopeIs: 'agencyCode',
  });
}
