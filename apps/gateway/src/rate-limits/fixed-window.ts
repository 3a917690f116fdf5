import { createHash } from 'node:crypto';
import type { Principal } from '@satupintu/contracts';

/**
 * Rate limits as fixed windows: every caller gets `limit` requests per window of `windowSeconds`,
 * windows aligned to the epoch so every gateway replica agrees which one a moment falls in, and
 * counted under one key per caller and window. Pure: the counting itself is the store's.
 */
export interface RateLimitPolicy {
  /** Names the counter (`api`, `sign-in`); part of the key. */
  name: string;
  limit: number;
  windowSeconds: number;
  /**
   * Who shares one counter: each caller (subject, client, or IP when anonymous), each IP, or
   * each tracking number looked up (whoever asks, from wherever).
   */
  per: 'caller' | 'ip' | 'tracking-number';
}

export interface RateLimitSettings {
  RATE_LIMIT_WINDOW_SECONDS: number;
  RATE_LIMIT_PER_CALLER: number;
  RATE_LIMIT_SIGN_IN: number;
  RATE_LIMIT_LOOKUP: number;
  RATE_LIMIT_LOOKUP_PER_NUMBER: number;
}

/** Where people and clients obtain tokens: limited per IP, and more strictly, against guessing. */
export const SIGN_IN_ROUTES = ['POST /v1/auth/login', 'POST /v1/oauth/token'];

/**
 * The public lookup: anyone may ask, and a right second factor opens a case. Limited per IP like
 * sign-in, and besides per tracking number (`lookupNumberPolicy`), so that guesses at one case's
 * birth date spread over many addresses still meet one limit.
 */
export const LOOKUP_ROUTE = 'POST /v1/lookups';

/**
 * A complaint followed or disputed by its number and follow secret, without signing in (ADR
 * 0034): counted with the public lookup, per IP, and besides per complaint number.
 */
export const COMPLAINT_SECRET_ROUTES = [
  'POST /v1/complaints/lookups',
  'POST /v1/complaints/:complaintNo/dispute',
];

export function policyFor(
  method: string,
  route: string,
  settings: RateLimitSettings,
): RateLimitPolicy {
  const call = `${method.toUpperCase()} ${route}`;
  if (call === LOOKUP_ROUTE || COMPLAINT_SECRET_ROUTES.includes(call))
    return {
      name: 'lookup',
      limit: settings.RATE_LIMIT_LOOKUP,
      windowSeconds: settings.RATE_LIMIT_WINDOW_SECONDS,
      per: 'ip',
    };
  const signIn = SIGN_IN_ROUTES.includes(call);
  return {
    name: signIn ? 'sign-in' : 'api',
    limit: signIn ? settings.RATE_LIMIT_SIGN_IN : settings.RATE_LIMIT_PER_CALLER,
    windowSeconds: settings.RATE_LIMIT_WINDOW_SECONDS,
    per: signIn ? 'ip' : 'caller',
  };
}

/** The second limit of the public lookup: per tracking number looked up, whoever asks. */
export function lookupNumberPolicy(settings: RateLimitSettings): RateLimitPolicy {
  return {
    name: 'lookup-number',
    limit: settings.RATE_LIMIT_LOOKUP_PER_NUMBER,
    windowSeconds: settings.RATE_LIMIT_WINDOW_SECONDS,
    per: 'tracking-number',
  };
}

/** Who a request counts against: an anonymous caller by IP, others by client id or subject. */
export function callerOf(policy: RateLimitPolicy, principal: Principal, ip: string): string {
  if (policy.per === 'ip' || principal.kind === 'anonymous' || !principal.subject)
    return `ip:${ip}`;
  if (principal.clientId) return `client:${principal.clientId}`;
  return `${principal.kind}:${principal.subject}`;
}

export interface Window {
  /** Which window since the epoch: the same on every replica for the same moment. */
  index: number;
  /** Whole seconds until it ends (at least 1). */
  resetSeconds: number;
}

export function windowAt(nowMs: number, windowSeconds: number): Window {
  const length = windowSeconds * 1000;
  const index = Math.floor(nowMs / length);
  const resetSeconds = Math.max(1, Math.ceil(((index + 1) * length - nowMs) / 1000));
  return { index, resetSeconds };
}

/**
 * The counter's key: policy, window and a digest of the caller (NATS KV keys allow only
 * `[-/_=.a-zA-Z0-9]`, and an IPv6 address or a client id may have other characters; no IP or
 * id appears in NATS this way either).
 */
export function counterKey(policy: RateLimitPolicy, caller: string, window: Window): string {
  const digest = createHash('sha256').update(caller).digest('base64url').slice(0, 22);
  return `${policy.name}.${window.index}.${digest.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export interface RateLimitVerdict {
  allowed: boolean;
  /** IETF draft `RateLimit-*` fields (draft-ietf-httpapi-ratelimit-headers-07), on every answer. */
  headers: { 'RateLimit-Limit': string; 'RateLimit-Remaining': string; 'RateLimit-Reset': string };
  /** On a refusal: `Retry-After`, the seconds until the window ends. */
  retryAfterSeconds?: number;
}

/** The verdict on the `count`-th request of a window (counting this one). */
export function verdictOn(count: number, policy: RateLimitPolicy, window: Window) {
  const allowed = count <= policy.limit;
  const verdict: RateLimitVerdict = {
    allowed,
    headers: {
      'RateLimit-Limit': String(policy.limit),
      'RateLimit-Remaining': String(Math.max(0, policy.limit - count)),
      'RateLimit-Reset': String(window.resetSeconds),
    },
    ...(allowed ? {} : { retryAfterSeconds: window.resetSeconds }),
  };
  return verdict;
}
