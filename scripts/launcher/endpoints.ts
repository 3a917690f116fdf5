import { LauncherError } from './service-plan';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
export const DEFAULT_HTTP_HOST = '127.0.0.1';

export interface HostPort {
  host: string;
  port: number;
}

/** The first server of NATS_URL (`nats://h:p`, `h:p` or a comma-separated list of either). */
export function natsEndpoint(natsUrl: string): HostPort {
  const first = natsUrl.split(',')[0]?.trim() ?? '';
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(first) ? first : `nats://${first}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new LauncherError(`NATS_URL is not a valid URL: "${natsUrl}"`);
  }
  if (url.hostname === '') throw new LauncherError(`NATS_URL has no host: "${natsUrl}"`);
  return { host: stripBrackets(url.hostname), port: url.port === '' ? 4222 : Number(url.port) };
}

/** Checks DATABASE_URL early, so a typo is reported by name rather than as a connection error. */
export function postgresEndpoint(databaseUrl: string): HostPort {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new LauncherError(`DATABASE_URL is not a valid URL: "${redactUrl(databaseUrl)}"`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new LauncherError(
      `DATABASE_URL must start with postgres:// (got "${redactUrl(databaseUrl)}")`,
    );
  }
  return {
    host: stripBrackets(url.hostname) || 'localhost',
    port: url.port === '' ? 5432 : Number(url.port),
  };
}

/** The server URL with the `postgres` database, which every cluster has, for a probe. */
export function maintenanceDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The URL without its password, for printing. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password !== '') url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return raw.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}

/** Where a browser or curl on this machine reaches a server bound to `host`. */
export function browsableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
  'EPIPE',
]);

/**
 * True when nothing (or nothing that speaks PostgreSQL) answered. Anything else, such as a wrong
 * password or a missing `postgres` database, means a server is there: starting a second one
 * beside it would only hide the user's mistake.
 */
export function isUnreachableError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnreachableError);
  return typeof message === 'string' && /timeout|terminated unexpectedly/i.test(message);
}
