import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** The Standard Webhooks headers of one delivery attempt. */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** A new signing secret as Standard Webhooks writes it: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The body of a delivery, in the Standard Webhooks envelope: the event's type, when it happened,
 * and its payload as `data`. Built again for each attempt from the stored row (the signature
 * covers the exact bytes sent, with that attempt's timestamp).
 */
export function webhookBody(event: { type: string; occurredAt: Date; data: unknown }): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: event.data,
  });
}

/**
 * Signs `body` for sending now: the id is the receiver's idempotency key (the same on a retry).
 * Several signers (a secret being rotated, and the one it replaces): one signature each,
 * space-separated, as Standard Webhooks has it.
 */
export function signedHeaders(
  signer: Webhook | readonly Webhook[],
  webhookId: string,
  body: string,
  at: Date,
): SignedHeaders {
  const signers: readonly Webhook[] = signer instanceof Webhook ? [signer] : signer;
  return {
    'webhook-id': webhookId,
    // Whole seconds: receivers compare it with their clock and reject stale ones.
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signers.map((s) => s.sign(webhookId, at, body)).join(' '),
  };
}

/** The webhook id of an event's first delivery and of every replay of it. */
export function webhookIdOf(eventId: string): string {
  return `msg_${eventId.replace(/-/g, '')}`;
}
