import { contextHeaders } from '@satupintu/common';

/** Headers every event carries, besides JetStream's own `Nats-Msg-Id`. */
export const EVENT_ID_HEADER = 'sp-event-id';
export const OCCURRED_AT_HEADER = 'sp-occurred-at';

/**
 * The request id, trace, principal and idempotency key of the work in progress, to hand on to
 * the next service with a request or, through the outbox, with the events the work causes.
 */
export function propagationHeaders(): Record<string, string> {
  return contextHeaders();
}
