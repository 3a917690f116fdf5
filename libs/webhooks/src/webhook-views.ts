import type { WebhookDeliveryV1, WebhookSubscriptionV1 } from '@satupintu/contracts';
import type { WebhookDelivery } from './deliveries.repository';
import type { WebhookSubscription } from './subscriptions';

/**
 * A subscription as the API shows it: never its secret. Its scope is an agency's code (the
 * agency's subscriptions) or a client's id (tracking's). Pure.
 */
export function subscriptionV1Of(
  subscription: WebhookSubscription,
  scopeIs: 'agencyCode' | 'clientId' = 'agencyCode',
): WebhookSubscriptionV1 {
  return {
    id: subscription.id,
    [scopeIs]: subscription.scope,
    url: subscription.url,
    eventTypes: subscription.eventTypes,
    createdBy: subscription.owner,
    enabled: subscription.disabledAt === null,
    createdAt: subscription.createdAt.toISOString(),
    ...(subscription.disabledAt ? { disabledAt: subscription.disabledAt.toISOString() } : {}),
  };
}

/** A delivery of the log, without its payload (the event, which the receiver was sent). Pure. */
export function deliveryV1Of(delivery: WebhookDelivery): WebhookDeliveryV1 {
  const at = (date: Date | null) => date?.toISOString();
  return stripUndefined({
    id: delivery.id,
    webhookId: delivery.webhookId,
    eventType: delivery.eventType,
    orderingKey: delivery.orderingKey,
    occurredAt: delivery.occurredAt.toISOString(),
    replayOf: delivery.replayOf ?? undefined,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: at(delivery.nextAttemptAt),
    lastStatus: delivery.lastStatus ?? undefined,
    lastError: delivery.lastError ?? undefined,
    createdAt: delivery.createdAt.toISOString(),
    deliveredAt: at(delivery.deliveredAt),
    deadAt: at(delivery.deadAt),
  });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
