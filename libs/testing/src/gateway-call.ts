import { aPdf } from './documents';
import { signPaymentCallback } from '@satupintu/domain';

/** What the gateway answered: its status, headers and JSON body (`{}` when empty). */
export interface GatewayAnswer<A> {
  status: number;
  headers: Headers;
  body: A;
}

/**
 * One call to the gateway as `authorization`, asking for English problem details, with a JSON
 * body when there is one: what the cross-process tests of the agency's workflow each send.
 */
export async function callGateway<A = Record<string, unknown>>(
  gatewayUrl: string,
  authorization: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<GatewayAnswer<A>> {
  const response = await fetch(`${gatewayUrl}${path}`, {
    method,
    headers: {
      authorization,
      'accept-language': 'en',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : {}) as A,
  };
}

/** Uploads a PDF of `size` bytes through the gateway as `authorization`: its document id. */
export async function uploadPdf(
  gatewayUrl: string,
  authorization: string,
  size = 20_000,
): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([aPdf(size)], { type: 'application/pdf' }), 'kk.pdf');
  const uploaded = await fetch(`${gatewayUrl}/v1/documents`, {
    method: 'POST',
    headers: { authorization },
    body: form,
  });
  if (uploaded.status !== 201)
    throw new Error(`upload answered ${uploaded.status}: ${await uploaded.text()}`);
  return ((await uploaded.json()) as { documentId: string }).documentId;
}

/**
 * The bank's callback for a paid fee, signed as a bank signs it (HMAC over the raw body), to the
 * agency's payment route: answers the status.
 */
export async function payByCallback(
  gatewayUrl: string,
  agencyCode: string,
  secret: string,
  payment: { code: string; amount: number; reference: string },
): Promise<number> {
  const raw = JSON.stringify({
    reference: payment.reference,
    amount: payment.amount,
    paymentCode: payment.code,
    paidAt: new Date().toISOString(),
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${gatewayUrl}/v1/agencies/${agencyCode}/payments/callback`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'payment-timestamp': String(timestamp),
      'payment-signature': signPaymentCallback(secret, timestamp, raw),
    },
    body: raw,
  });
  await response.arrayBuffer();
  return response.status;
}
