import { DomainError, openSeal, seal, type FieldError } from '@satupintu/common';
import { decodeCursor, encodeCursor, sql, type Executor } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { newWebhookSecret } from './signing';

/** A subscription as it is shown: never its secret, which is shown once, at creation. */
export interface WebhookSubscription {
  id: string;
  /** Who made it and may see it (an API client id, say). */
  owner: string;
  /** Whose events it receives (an agency code, say): an event goes to its scope's subscriptions. */
  scope: string;
  url: string;
  /** The event types it receives; empty: all of its scope. */
  eventTypes: string[];
  disabledAt: Date | null;
  createdAt: Date;
}

export interface NewWebhookSubscription {
  owner: string;
  scope: string;
  url: string;
  eventTypes?: string[];
}

/** How subscriptions are kept: the key their secrets are sealed with, and what URLs are allowed. */
export interface SubscriptionKeeping {
  /** 32 bytes from the deployment (`keyEncryptionKeyFrom`), never stored with the data. */
  secretKey: Buffer;
  /** Allow `http://` URLs: for development and tests only, never in production. */
  allowHttp: boolean;
  /**
   * Allow URLs naming a loopback, private, link-local or otherwise non-public address (or
   * `localhost`): for development and tests only. Otherwise a subscriber could make the service
   * call into its own network (SSRF).
   */
  allowPrivateTargets?: boolean;
}

export const MAX_EVENT_TYPES = 50;
const MAX_URL_LENGTH = 2000;

/** What is wrong with a subscription's URL and event types, as field errors (none: fine). */
export function subscriptionErrors(
  input: Pick<NewWebhookSubscription, 'url' | 'eventTypes'>,
  keeping: Pick<SubscriptionKeeping, 'allowHttp' | 'allowPrivateTargets'>,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!webhookUrlAllowed(input.url, keeping.allowHttp)) {
    errors.push({ field: 'url', code: 'webhook_url' });
  } else if (!keeping.allowPrivateTargets && isPrivateHost(new URL(input.url).hostname)) {
    errors.push({ field: 'url', code: 'webhook_url_private' });
  }
  const types = input.eventTypes ?? [];
  if (
    types.length > MAX_EVENT_TYPES ||
    types.some((type) => typeof type !== 'string' || type.length === 0 || type.length > 200)
  ) {
    errors.push({
      field: 'eventTypes',
      code: 'webhook_event_types',
      params: { max: MAX_EVENT_TYPES },
    });
  }
  return errors;
}

/**
 * An absolute https URL (http only when allowed) without credentials: a user name and password
 * in the URL would be sent in the clear on every attempt and shown in every log of it.
 */
export function webhookUrlAllowed(url: string, allowHttp: boolean): boolean {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol === 'https:' || (allowHttp && parsed.protocol === 'http:');
  return scheme && parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}

/**
 * A host name that names this machine or a non-public network: `localhost` and `*.localhost`,
 * and IP literals that are unspecified, loopback, private (RFC 1918, unique local), shared
 * (100.64/10), link-local (cloud metadata at 169.254.169.254), multicast or reserved; IPv4 mapped
 * into IPv6 as the IPv4 address. Names that resolve to such addresses are caught when the worker connects (`sendToPublicOnly`).
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return privateIpv4(host);
  if (isIP(host) === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped) return privateIpv4(mapped[1]);
    const hextets = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (hextets) {
      const [hi, lo] = [parseInt(hextets[1], 16), parseInt(hextets[2], 16)];
      return privateIpv4(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    if (host === '::' || host === '::1') return true;
    const first = parseInt(host.split(':')[0] || '0', 16);
    // fc00::/7 unique local, fe80::/10 link-local, ff00::/8 multicast
    return (
      (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00
    );
  }
  return false;
}

function privateIpv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

/**
 * Creates a subscription with a new signing secret, sealed in the row: the answer is the only
 * time the secret is seen in the clear. Bad input is a 400 problem.
 */
export async function createSubscription(
  db: Executor,
  input: NewWebhookSubscription,
  keeping: SubscriptionKeeping,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const errors = subscriptionErrors(input, keeping);
  if (errors.length > 0) throw DomainError.validation(errors);
  const id = randomUUID();
  const secret = newWebhookSecret();
  const [row] = await db.query(sql<SubscriptionRow>`
    INSERT INTO webhook_subscriptions (id, owner, scope, url, event_types, secret_sealed,
                                       created_at)
    VALUES (${id}, ${input.owner}, ${input.scope}, ${input.url}, ${input.eventTypes ?? []}::text[],
            ${sealSecret(secret, keeping.secretKey, id)},
            -- In milliseconds, as the list's cursor (a JavaScript date) carries it: with
            -- microseconds the row a page ended on would come again on the next.
            date_trunc('milliseconds', now()))
    RETURNING ${SUBSCRIPTION_COLUMNS}`);
  return { subscription: subscriptionOf(row), secret };
}

export async function getSubscription(
  db: Executor,
  id: string,
): Promise<WebhookSubscription | undefined> {
  const [row] = await db.query(sql<SubscriptionRow>`
    SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE id = ${uuidOrNull(id)}`);
  return row && subscriptionOf(row);
}

/**
 * An owner's subscriptions, or a scope's (whoever made them), oldest first, a page at a time. A
 * bad cursor is a 400 problem.
 */
export async function listSubscriptions(
  db: Executor,
  whose: { owner: string } | { scope: string },
  page: { limit: number; cursor?: string },
): Promise<{ items: WebhookSubscription[]; nextCursor?: string }> {
  const after = page.cursor === undefined ? undefined : cursorKey(page.cursor);
  const rows = await db.query(sql<SubscriptionRow>`
    SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions
     WHERE ${'owner' in whose ? sql`owner = ${whose.owner}` : sql`scope = ${whose.scope}`}
       ${after ? sql`AND (created_at, id) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
     ORDER BY created_at, id
     LIMIT ${page.limit + 1}`);
  const items = rows.slice(0, page.limit).map(subscriptionOf);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > page.limit && last
        ? encodeCursor([last.createdAt.toISOString(), last.id])
        : undefined,
  };
}

/**
 * No more deliveries are made to it (those pending wait, and go if it is enabled again);
 * nothing is enqueued for it meanwhile. Answers whether it exists.
 */
export async function setSubscriptionEnabled(
  db: Executor,
  id: string,
  enabled: boolean,
): Promise<boolean> {
  const { count } = await db.execute(sql`
    UPDATE webhook_subscriptions
       SET disabled_at = ${enabled ? sql`NULL` : sql`coalesce(disabled_at, now())`}
     WHERE id = ${uuidOrNull(id)}`);
  return count > 0;
}

/**
 * Gives a subscription a new secret, answered here only. Deliveries are signed with the new one
 * and, until `overlapMs` from now, with the one it replaces too (Standard Webhooks sends several
 * signatures, space-separated; a receiver accepts one it can verify), so a receiver has that
 * long to change its secret without rejecting a delivery. Undefined: no such subscription.
 */
export async function rotateSecret(
  db: Executor,
  id: string,
  keeping: SubscriptionKeeping,
  overlapMs: number,
): Promise<{ subscription: WebhookSubscription; secret: string } | undefined> {
  const subscriptionId = uuidOrNull(id);
  if (subscriptionId === null) return undefined;
  const secret = newWebhookSecret();
  const [row] = await db.query(sql<SubscriptionRow>`
    UPDATE webhook_subscriptions
       SET previous_secret_sealed = secret_sealed,
           previous_secret_until = now() + make_interval(secs => ${overlapMs / 1000}),
           secret_sealed = ${sealSecret(secret, keeping.secretKey, subscriptionId)}
     WHERE id = ${subscriptionId}
    RETURNING ${SUBSCRIPTION_COLUMNS}`);
  return row && { subscription: subscriptionOf(row), secret };
}

/**
 * Points a subscription at another URL (a deployment's configured receiver moved): what is
 * pending goes there from its next attempt. Bad input is a 400 problem; false: no such one.
 */
export async function setSubscriptionUrl(
  db: Executor,
  id: string,
  url: string,
  keeping: Pick<SubscriptionKeeping, 'allowHttp' | 'allowPrivateTargets'>,
): Promise<boolean> {
  const errors = subscriptionErrors({ url }, keeping);
  if (errors.length > 0) throw DomainError.validation(errors);
  const { count } = await db.execute(sql`
    UPDATE webhook_subscriptions SET url = ${url} WHERE id = ${uuidOrNull(id)}`);
  return count > 0;
}

/** Forgets a subscription, with its deliveries and their log. Answers whether it existed. */
export async function deleteSubscription(db: Executor, id: string): Promise<boolean> {
  const { count } = await db.execute(sql`
    DELETE FROM webhook_subscriptions WHERE id = ${uuidOrNull(id)}`);
  return count > 0;
}

/** The secret's seal is bound to its subscription: a sealed secret copied to another row does not open. */
export function sealSecret(secret: string, key: Buffer, subscriptionId: string): Buffer {
  return seal(secret, key, secretContext(subscriptionId));
}

export function openSecret(sealed: Buffer, key: Buffer, subscriptionId: string): string {
  return openSeal(sealed, key, secretContext(subscriptionId)).toString('utf8');
}

const secretContext = (subscriptionId: string) => `satupintu:webhook-secret:${subscriptionId}`;

interface SubscriptionRow {
  id: string;
  owner: string;
  scope: string;
  url: string;
  event_types: string[];
  disabled_at: Date | null;
  created_at: Date;
}

const SUBSCRIPTION_COLUMNS = sql`id, owner, scope, url, event_types, disabled_at, created_at`;

function subscriptionOf(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    owner: row.owner,
    scope: row.scope,
    url: row.url,
    eventTypes: row.event_types,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that is not a UUID matches nothing (instead of a 500 from the cast). */
export function uuidOrNull(id: string): string | null {
  return UUID.test(id) ? id : null;
}

function cursorKey(cursor: string): [string, string] {
  const key = decodeCursor<[string, string]>(cursor, ['string', 'string']);
  if (!key || Number.isNaN(Date.parse(key[0])) || !UUID.test(key[1])) {
    throw new DomainError('invalid_cursor', 400);
  }
  return key;
}
