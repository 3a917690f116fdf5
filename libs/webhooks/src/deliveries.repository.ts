import { DomainError } from '@satupintu/common';
import {
  decodeCursor,
  encodeCursor,
  joinSql,
  sql,
  type Executor,
  type Sql,
} from '@satupintu/persistence';
import { uuidOrNull } from './subscriptions';
import { webhookIdOf } from './signing';

/** An event to deliver to the subscriptions of its scope that take its type. */
export interface WebhookEvent {
  /** Unique per event (the outbox's event id): enqueuing the same event again adds nothing. */
  id: string;
  type: string;
  /** Whose event it is (an agency code): the subscriptions of this scope receive it. */
  scope: string;
  /** Deliveries of one key go out in the order they were enqueued (the application id). */
  orderingKey: string;
  occurredAt: Date;
  data: unknown;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/**
 * Fans an event out to the matching enabled subscriptions, in the caller's transaction: the
 * deliveries exist only if the caller's change commits, and an event enqueued again (a
 * redelivered message) adds none. Answers the new deliveries' ids.
 */
export async function enqueueDeliveries(tx: Executor, event: WebhookEvent): Promise<string[]> {
  const rows = await tx.query(sql<{ id: string }>`${enqueueStatement([event])} RETURNING id`);
  return rows.map((row) => row.id);
}

/**
 * The INSERT of `enqueueDeliveries` for several events at once, in their order (their `seq`s
 * follow it); with `when`, only if that condition holds (a CTE of the caller's statement).
 */
export function enqueueStatement(events: readonly WebhookEvent[], when?: Sql): Sql {
  const rows = events.map(
    (event, index) =>
      sql`(${index}::int, ${webhookIdOf(event.id)}, ${event.id}, ${event.orderingKey},
           ${event.type}, ${event.scope}, ${JSON.stringify(event.data ?? null)}::jsonb,
           ${event.occurredAt.toISOString()}::timestamptz)`,
  );
  return sql`
    INSERT INTO webhook_deliveries
           (webhook_id, subscription_id, event_id, ordering_key, event_type, payload, occurred_at,
            next_attempt_at)
    SELECT e.webhook_id, s.id, e.event_id, e.ordering_key, e.event_type, e.payload, e.occurred_at,
           ${notBeforeItsQueue(sql`s.id`, sql`e.ordering_key`)}
      FROM (VALUES ${joinSql(rows)})
           AS e (n, webhook_id, event_id, ordering_key, event_type, scope, payload, occurred_at)
      JOIN webhook_subscriptions s
        ON s.scope = e.scope AND s.disabled_at IS NULL
       AND (cardinality(s.event_types) = 0 OR e.event_type = ANY (s.event_types))
     ${when ? sql`WHERE ${when}` : sql``}
     ORDER BY e.n, s.id
        ON CONFLICT (subscription_id, event_id) WHERE replay_of IS NULL DO NOTHING`;
}

/** A delivery taken by a worker, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  webhook_id: string;
  subscription_id: string;
  ordering_key: string;
  event_type: string;
  payload: unknown;
  occurred_at: Date;
  /** This attempt's number (1 = the first). */
  attempts: number;
  /** How long ago, by the database's clock, the first attempt was claimed. */
  since_first_ms: number;
  url: string;
  secret_sealed: Buffer;
  /** The secret a rotation replaced, while deliveries are still signed with it too. */
  previous_secret_sealed: Buffer | null;
}

/**
 * Takes up to `limit` due deliveries for this worker, under `claim`, until `leaseMs` from now:
 * only the earliest pending delivery of each (subscription, ordering key), so a key's later
 * delivery never goes before its earlier one is delivered or dead, and at most one of a key is
 * ever in flight. Rows another transaction is claiming are skipped, rows another worker holds
 * under an unexpired lease too; a lease that expired (its worker died) is taken over. The
 * attempt is counted at the claim, so a delivery that kills its worker still runs out of time.
 */
export async function claimDeliveries(
  db: Executor,
  claim: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  return db.query(sql<ClaimedDelivery>`
    WITH due AS (
      SELECT d.id
        FROM webhook_deliveries d
        JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.disabled_at IS NULL
       WHERE d.status = 'pending' AND d.next_attempt_at <= clock_timestamp()
         AND (d.leased_until IS NULL OR d.leased_until <= clock_timestamp())
         AND NOT EXISTS (
               SELECT 1 FROM webhook_deliveries e
                WHERE e.status = 'pending' AND e.subscription_id = d.subscription_id
                  AND e.ordering_key = d.ordering_key AND e.seq < d.seq)
       ORDER BY d.next_attempt_at, d.seq
       LIMIT ${limit}
         FOR UPDATE OF d SKIP LOCKED
    ), t AS (SELECT clock_timestamp() AS at)
    UPDATE webhook_deliveries d
       SET attempts = d.attempts + 1,
           first_attempt_at = coalesce(d.first_attempt_at, t.at),
           claim = ${claim}, leased_until = t.at + make_interval(secs => ${leaseMs / 1000})
      FROM due, t, webhook_subscriptions s
     WHERE d.id = due.id AND s.id = d.subscription_id
    RETURNING d.id, d.webhook_id, d.subscription_id, d.ordering_key, d.event_type, d.payload,
              d.occurred_at, d.attempts,
              (extract(epoch FROM t.at - coalesce(d.first_attempt_at, t.at)) * 1000)::float8
                AS since_first_ms,
              s.url, s.secret_sealed,
              CASE WHEN s.previous_secret_until > t.at THEN s.previous_secret_sealed END
                AS previous_secret_sealed`);
}

/** What came of one claimed delivery's attempt. */
export interface AttemptRecord {
  id: string;
  outcome: 'delivered' | 'retry' | 'dead';
  /** For a retry: the wait before the next attempt. */
  retryInMs?: number;
  httpStatus?: number;
  error?: string;
  /** What a delivery protocol kept of the answer (OSS's `kode` and `keterangan`). */
  answer?: string;
  durationMs: number;
}

/**
 * Settles a batch of attempts made under `claim`, and logs each in `webhook_attempts`, in one
 * statement. A delivery whose claim is no longer this one (its lease expired and another worker
 * took it) is left alone. Answers the ids recorded.
 */
export async function recordAttempts(
  db: Executor,
  claim: string,
  records: AttemptRecord[],
): Promise<string[]> {
  if (records.length === 0) return [];
  const rows = await db.query(sql<{ id: string }>`
    WITH r AS (
      SELECT * FROM unnest(${records.map((r) => r.id)}::uuid[],
                           ${records.map((r) => r.outcome)}::text[],
                           ${records.map((r) => r.retryInMs ?? 0)}::float8[],
                           ${records.map((r) => r.httpStatus ?? null)}::int[],
                           ${records.map((r) => r.error ?? null)}::text[],
                           ${records.map((r) => Math.round(r.durationMs))}::int[],
                           ${records.map((r) => r.answer ?? null)}::text[])
             AS r(id, outcome, retry_ms, http_status, error, duration_ms, answer)
    ), t AS (SELECT clock_timestamp() AS at),
    settled AS (
      UPDATE webhook_deliveries d
         SET status = CASE r.outcome WHEN 'retry' THEN 'pending' ELSE r.outcome END,
             next_attempt_at = CASE r.outcome
                                 WHEN 'retry' THEN t.at + make_interval(secs => r.retry_ms / 1000)
                                 ELSE d.next_attempt_at END,
             delivered_at = CASE r.outcome WHEN 'delivered' THEN t.at END,
             dead_at = CASE r.outcome WHEN 'dead' THEN t.at END,
             last_status = r.http_status, last_error = r.error, last_answer = r.answer,
             claim = NULL, leased_until = NULL
        FROM r, t
       WHERE d.id = r.id AND d.claim = ${claim} AND d.status = 'pending'
      RETURNING d.id, d.seq, d.subscription_id, d.ordering_key, d.status, d.next_attempt_at,
                d.attempts, r.http_status, r.error, r.duration_ms, r.answer, t.at
    ),
    -- A failing delivery's followers are not due before its next attempt: the claim does not
    -- look at them again and again while it waits (a receiver down for hours, a long queue).
    held_back AS (
      UPDATE webhook_deliveries f SET next_attempt_at = s.next_attempt_at
        FROM settled s
       WHERE s.status = 'pending' AND f.status = 'pending'
         AND f.subscription_id = s.subscription_id AND f.ordering_key = s.ordering_key
         AND f.seq > s.seq AND f.next_attempt_at < s.next_attempt_at
    ),
    -- A delivery done (delivered or dead): the next of its key is due now.
    released AS (
      UPDATE webhook_deliveries f SET next_attempt_at = s.at
        FROM settled s
       WHERE s.status <> 'pending' AND f.next_attempt_at > s.at
         AND f.id = (SELECT e.id FROM webhook_deliveries e
                      WHERE e.status = 'pending' AND e.subscription_id = s.subscription_id
                        AND e.ordering_key = s.ordering_key AND e.seq > s.seq
                      ORDER BY e.seq LIMIT 1)
    )
    INSERT INTO webhook_attempts
           (delivery_id, attempt, at, http_status, error, duration_ms, answer)
    SELECT id, attempts, at - make_interval(secs => duration_ms / 1000.0), http_status, error,
           duration_ms, answer
      FROM settled
    RETURNING delivery_id AS id`);
  return rows.map((row) => row.id);
}

/** A delivery as its subscription's log shows it. */
export interface WebhookDelivery {
  id: string;
  /** The `webhook-id` sent: the same for a replay as for the delivery replayed. */
  webhookId: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  orderingKey: string;
  occurredAt: Date;
  payload: unknown;
  /** The delivery this one replays (the first one of its event), if it is a replay. */
  replayOf: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  /** What the delivery protocol kept of the last answer, if it keeps any. */
  lastAnswer: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  deadAt: Date | null;
}

export interface DeliveryAttempt {
  attempt: number;
  at: Date;
  httpStatus: number | null;
  error: string | null;
  /** What the delivery protocol kept of the answer, if it keeps any. */
  answer: string | null;
  durationMs: number;
}

/** A subscription's deliveries, newest first, a page at a time; optionally of one status. */
export async function listDeliveries(
  db: Executor,
  subscriptionId: string,
  page: { limit: number; cursor?: string; status?: DeliveryStatus },
): Promise<{ items: WebhookDelivery[]; nextCursor?: string }> {
  let before: string | undefined;
  if (page.cursor !== undefined) {
    const key = decodeCursor<[string]>(page.cursor, ['string']);
    if (!key || !/^[0-9]{1,19}$/.test(key[0])) throw new DomainError('invalid_cursor', 400);
    before = key[0];
  }
  const rows = await db.query(sql<DeliveryRow>`
    SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
     WHERE subscription_id = ${uuidOrNull(subscriptionId)}
       ${page.status ? sql`AND status = ${page.status}` : sql``}
       ${before ? sql`AND seq < ${before}::bigint` : sql``}
     ORDER BY seq DESC
     LIMIT ${page.limit + 1}`);
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(deliveryOf),
    nextCursor: rows.length > page.limit && last ? encodeCursor([last.seq]) : undefined,
  };
}

export async function getDelivery(db: Executor, id: string): Promise<WebhookDelivery | undefined> {
  const [row] = await db.query(sql<DeliveryRow>`
    SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = ${uuidOrNull(id)}`);
  return row && deliveryOf(row);
}

/** Every attempt at a delivery, in order. */
export async function listAttempts(db: Executor, deliveryId: string): Promise<DeliveryAttempt[]> {
  const rows = await db.query(sql<{
    attempt: number;
    at: Date;
    http_status: number | null;
    error: string | null;
    duration_ms: number;
    answer: string | null;
  }>`
    SELECT attempt, at, http_status, error, duration_ms, answer FROM webhook_attempts
     WHERE delivery_id = ${uuidOrNull(deliveryId)} ORDER BY attempt`);
  return rows.map((row) => ({
    attempt: row.attempt,
    at: row.at,
    httpStatus: row.http_status,
    error: row.error,
    answer: row.answer,
    durationMs: row.duration_ms,
  }));
}

/**
 * Sends a delivery's event again: a new delivery with the same webhook id (the receiver's
 * idempotency key: the event is the same), behind whatever its key has pending. Answers the
 * new delivery's id; a delivery that does not exist is a 404 problem.
 */
export async function replayDelivery(db: Executor, deliveryId: string): Promise<string> {
  const [row] = await db.query(sql<{ id: string }>`
    ${replayInsert}
    SELECT webhook_id, subscription_id, event_id, ordering_key, event_type, payload, occurred_at,
           coalesce(replay_of, id), ${notBeforeItsQueue(sql`o.subscription_id`, sql`o.ordering_key`)}
      FROM webhook_deliveries o WHERE id = ${uuidOrNull(deliveryId)}
    RETURNING id`);
  if (!row) throw new DomainError('webhook_delivery_not_found', 404, [], { deliveryId });
  return row.id;
}

/**
 * Sends again the events first enqueued for a subscription in `[from, to)` (each once, however
 * often it was replayed since), in their original order; only the dead ones if `onlyDead`.
 * Answers how many were replayed; a subscription that does not exist is a 404 problem.
 */
export async function replayRange(
  db: Executor,
  subscriptionId: string,
  range: { from: Date; to: Date; onlyDead?: boolean },
): Promise<number> {
  const id = uuidOrNull(subscriptionId);
  const [exists] = await db.query(sql`SELECT 1 FROM webhook_subscriptions WHERE id = ${id}`);
  if (!exists) throw new DomainError('webhook_subscription_not_found', 404, [], { subscriptionId });
  const { count } = await db.execute(sql`
    ${replayInsert}
    SELECT webhook_id, subscription_id, event_id, ordering_key, event_type, payload, occurred_at, id,
           ${notBeforeItsQueue(sql`o.subscription_id`, sql`o.ordering_key`)}
      FROM webhook_deliveries o
     WHERE subscription_id = ${id} AND replay_of IS NULL
       AND created_at >= ${range.from.toISOString()}::timestamptz
       AND created_at < ${range.to.toISOString()}::timestamptz
       ${range.onlyDead ? sql`AND status = 'dead'` : sql``}
     ORDER BY seq`);
  return count;
}

const replayInsert = sql`
  INSERT INTO webhook_deliveries
         (webhook_id, subscription_id, event_id, ordering_key, event_type, payload, occurred_at,
          replay_of, next_attempt_at)`;

/**
 * When a new delivery of a queue is due: now, or when the queue's pending deliveries are, if
 * later (its head is waiting to retry), so that the claim skips it until then. Only spares the
 * claim some work: the order is kept by the claim taking heads only. (A head failing at the
 * same moment does not see the new row; its next failure holds it back.)
 */
function notBeforeItsQueue(subscriptionId: Sql, orderingKey: Sql): Sql {
  return sql`greatest(clock_timestamp(),
                      (SELECT max(q.next_attempt_at) FROM webhook_deliveries q
                        WHERE q.status = 'pending' AND q.subscription_id = ${subscriptionId}
                          AND q.ordering_key = ${orderingKey}))`;
}

/** How long settled deliveries (and their attempts) are kept: as long as the inbox keeps events. */
export const DELIVERY_RETENTION_DAYS = 30;

/**
 * Forgets settled (delivered or dead) deliveries created more than `retentionDays` ago, and
 * their attempts: run hourly, that is an hour's worth. Pending ones stay, however old. Answers
 * how many went.
 */
export async function pruneDeliveries(
  db: Executor,
  retentionDays = DELIVERY_RETENTION_DAYS,
): Promise<number> {
  const { count } = await db.execute(sql`
    DELETE FROM webhook_deliveries
     WHERE status <> 'pending' AND created_at < now() - make_interval(days => ${retentionDays})`);
  return count;
}

/** Pending deliveries that are due (waiting or in flight), and dead ones: for the gauges. */
export async function countDeliveries(db: Executor): Promise<{ due: number; dead: number }> {
  const [row] = await db.query(sql<{ due: number; dead: number }>`
    SELECT (SELECT count(*) FROM webhook_deliveries
             WHERE status = 'pending' AND next_attempt_at <= now())::int AS due,
           (SELECT count(*) FROM webhook_deliveries WHERE status = 'dead')::int AS dead`);
  return row ?? { due: 0, dead: 0 };
}

interface DeliveryRow {
  id: string;
  seq: string;
  webhook_id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  ordering_key: string;
  occurred_at: Date;
  payload: unknown;
  replay_of: string | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  last_answer: string | null;
  created_at: Date;
  delivered_at: Date | null;
  dead_at: Date | null;
}

const DELIVERY_COLUMNS = sql`
  id, seq, webhook_id, subscription_id, event_id, event_type, ordering_key, occurred_at, payload,
  replay_of, status, attempts, next_attempt_at, last_status, last_error, last_answer, created_at,
  delivered_at, dead_at`;

function deliveryOf(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type,
    orderingKey: row.ordering_key,
    occurredAt: row.occurred_at,
    payload: row.payload,
    replayOf: row.replay_of,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastStatus: row.last_status,
    lastError: row.last_error,
    lastAnswer: row.last_answer,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    deadAt: row.dead_at,
  };
}
