import { aPdf } from './documents';

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
