/**
 * What every answer of the gateway carries and every request is checked for, whatever the
 * route (including unknown ones and the API docs): pure, so the rules are tested once; the hooks
 * that apply them are in `transport.hooks.ts`.
 */

/** Swagger UI runs scripts and styles of its own: no CSP there, the API's strict one elsewhere. */
export const DOCS_PREFIX = '/docs';

/** For JSON answers that are never rendered: nothing may load, nobody may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** HSTS for a year, subdomains included, once the gateway is reached over https. */
export const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeaders(path: string, https: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
  };
  if (!isDocs(path)) headers['content-security-policy'] = API_CSP;
  if (https) headers['strict-transport-security'] = HSTS;
  return headers;
}

/**
 * `no-store` for every API answer that does not say otherwise: they carry personal data or
 * depend on the caller, and a shared cache must never keep them. An operation that is meant to
 * be cached sets its own `Cache-Control`.
 */
export function cacheControlFor(path: string, current: unknown): string | undefined {
  if (current !== undefined) return undefined;
  return path === '/v1' || path.startsWith('/v1/') ? 'no-store' : undefined;
}

/** Query parameters that carry a credential: never in a URL, which logs and histories keep. */
export const SECRET_PARAMETERS = [
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'client_secret',
  'password',
  'api_key',
  'apikey',
  'code_verifier',
  'otp',
] as const;

/** A NIK is personal data: 16 digits anywhere in a URL are refused as one. */
const NIK_IN_URL = /(^|[^0-9])[0-9]{16}([^0-9]|$)/;

/**
 * The name of the secret or personal datum a request's URL carries, or undefined. RFC 6750 §2.3
 * allows `access_token` in a query; we do not (§5.3: URLs leak), and say so with a 400.
 */
export function secretInUrl(url: string): string | undefined {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  let decodedPath = path;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    // A malformed escape is the router's to refuse.
  }
  if (NIK_IN_URL.test(decodedPath)) return 'nik';
  if (query === -1) return undefined;
  const params = new URLSearchParams(url.slice(query + 1));
  for (const [name, value] of params) {
    const lower = name.toLowerCase();
    if ((SECRET_PARAMETERS as readonly string[]).includes(lower)) return lower;
    if (lower === 'nik' || NIK_IN_URL.test(value)) return 'nik';
  }
  return undefined;
}

function isDocs(path: string): boolean {
  return (
    path === DOCS_PREFIX || path.startsWith(`${DOCS_PREFIX}/`) || path.startsWith(`${DOCS_PREFIX}-`)
  );
}

/** `CORS_ORIGINS` as @fastify/cors takes it: only the named origins, and none when none is named. */
export function corsOptions(origins: readonly string[]) {
  return {
    origin: origins.length > 0 ? [...origins] : false,
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'Idempotency-Key',
      'X-Request-Id',
      'traceparent',
      'Accept-Language',
    ],
    exposedHeaders: [
      'Location',
      'Idempotent-Replayed',
      'Retry-After',
      'X-Request-Id',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
    ],
    // Bearer tokens, not cookies: no credentialed requests.
    credentials: false,
    maxAge: 600,
  };
}
