import { REQUEST_ID_HEADER, TRACEPARENT_HEADER, currentContext } from '@satupintu/common';

/** Headers every event carries, besides JetStream's own `Nats-Msg-Id`. */
export const EVENT_ID_HEADER = 'sp-event-id';
export const OCCURRED_AT_HEADER = 'sp-occurred-at';

/** The request id and trace of the work in progress, to hand on to the next service. */
export function propagationHeaders(): Record<string, string> {
  const context = currentContext();
  if (!context) return {};
  return { [REQUEST_ID_HEADER]: context.requestId, [TRACEPARENT_HEADER]: context.traceparent };
}
