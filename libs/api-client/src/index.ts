import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** The public API's schemas by name, as docs/openapi.json declares them. */
export type ApiSchemas = components['schemas'];

export type ApiClient = Client<paths>;

/**
 * A typed client of the gateway's `/v1` API, generated from docs/openapi.json: a path, a
 * method, a body or an answer that the document does not declare fails to compile.
 *
 * `baseUrl` is the gateway's URL, e.g. `http://127.0.0.1:3000`.
 */
export function createApiClient(
  baseUrl: string,
  options: Omit<ClientOptions, 'baseUrl'> = {},
): ApiClient {
  return createClient<paths>({ ...options, baseUrl });
}
