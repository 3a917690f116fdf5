import type { EventContract } from '@satupintu/contracts';
import type { RecordedEvent } from '@satupintu/messaging';
import type { WebhookEvent } from './deliveries.repository';

/**
 * An event a service publishes that its subscribers also receive as a webhook, enqueued in the
 * transaction that records it (`WebhooksModule.forRoot({ events })`). By default its type is the
 * event's subject (versioned: `agency.application.status-changed.v1`), its scope the event's
 * routing key (the agency code), its ordering key the event's (the application id) and its data
 * the event's payload: what the event carries, no more (no personal data).
 */
export interface WebhookSource<T = unknown> {
  event: EventContract<T>;
  type?: string;
  scope?(payload: T): string;
  data?(payload: T): unknown;
}

export function webhookSource<T>(
  event: EventContract<T>,
  options: Omit<WebhookSource<T>, 'event'> = {},
): WebhookSource {
  return { event, ...options };
}

/** The webhook events of the recorded events that have a source, in their order. */
export function webhookEventsOf(
  sources: readonly WebhookSource[],
  recorded: readonly RecordedEvent[],
): WebhookEvent[] {
  const bySubject = new Map(sources.map((source) => [source.event.subject, source]));
  return recorded.flatMap(({ id, event, payload, occurredAt }) => {
    const source = bySubject.get(event.subject);
    if (!source) return [];
    return [
      {
        id,
        type: source.type ?? event.subject,
        scope: source.scope ? source.scope(payload) : event.routingKey(payload),
        orderingKey: event.orderingKey(payload),
        occurredAt,
        data: source.data ? source.data(payload) : payload,
      },
    ];
  });
}
