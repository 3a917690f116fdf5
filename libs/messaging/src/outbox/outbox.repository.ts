import { ASYNC_COMMIT, joinSql, sql, type Executor, type Sql } from '@satupintu/persistence';

/** An event on its way out: what the outbox row holds. */
export interface OutboxEvent {
  id: string;
  /** Namespaced, with the routing token: exactly what the relay publishes on. */
  subject: string;
  orderingKey: string;
  payload: unknown;
  headers: Record<string, string>;
  /**
   * Top-level payload fields the creating statement computes (`computedJson`): SQL over its
   * CTEs, for a value known only once it ran (a number it draws).
   */
  computed?: ComputedFields;
}

/** Top-level fields of a JSON object that SQL sets (`computedJson`), by name. */
export type ComputedFields = Readonly<Record<string, Sql>>;

/**
 * `json` as `jsonb`, with top-level fields set by SQL expressions: for what a single creating
 * statement records (an event's payload, the answer kept under an Idempotency-Key) that holds a
 * value the statement itself computes.
 */
export function computedJson(json: string, computed?: ComputedFields): Sql {
  const fields = Object.entries(computed ?? {});
  if (fields.length === 0) return sql`${json}::jsonb`;
  const pairs = fields.map(([name, value]) => sql`${name}::text, ${value}`);
  return sql`(${json}::jsonb || jsonb_build_object(${joinSql(pairs)}))`;
}

export interface OutboxRow extends OutboxEvent {
  position: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
}

/** A row going back into the outbox; `retryInMs` marks one more failed attempt. */
export interface ReturningRow {
  row: OutboxRow;
  failure?: { retryInMs: number; error: string };
}

/**
 * Every query on the `outbox` table, and the one place its rows are built. Rows wait in
 * `position` order; a failing row (attempts > 0, next attempt in the future) holds back the later
 * rows of its own ordering key and nothing else.
 */
export const OutboxRepository = {
  /** The INSERT of these events; with `when`, only if that condition holds (a CTE's outcome). */
  insert(events: OutboxEvent[], when?: Sql): Sql {
    const rows = events.map(
      (event) =>
        sql`(${event.id}::uuid, ${event.subject}, ${event.orderingKey}, ${computedJson(JSON.stringify(event.payload), event.computed)}, ${JSON.stringify(event.headers)}::jsonb)`,
    );
    return sql`INSERT INTO outbox (id, subject, ordering_key, payload, headers)
      SELECT e.id, e.subject, e.ordering_key, e.payload, e.headers
        FROM (VALUES ${joinSql(rows)}) AS e (id, subject, ordering_key, payload, headers)
       ${when ? sql`WHERE ${when}` : sql``}`;
  },

  /**
   * Takes the rows due now out of the outbox, oldest first, skipping every row behind a failing
   * row of the same key: deleted inside the caller's transaction, so they come back if it does
   * not commit. None unless this transaction takes the relay's advisory lock (one relay at a time
   * per database). One round trip. The transaction commits without waiting for its WAL to
   * reach the disk (`ASYNC_COMMIT`): a crash that loses the deletion only puts the rows back,
   * and a row published twice is a duplicate every consumer's inbox (and JetStream's message
   * id) already drops. One disk flush fewer per batch, on every event's path.
   */
  async takeDue(db: Executor, limit: number): Promise<OutboxRow[]> {
    return db.query<OutboxRow>(sql`
      WITH relay AS (SELECT pg_try_advisory_xact_lock(hashtext('satupintu:outbox-relay')) AS mine,
                            ${ASYNC_COMMIT})
      DELETE FROM outbox WHERE position IN (
        SELECT o.position
          FROM outbox o, relay
         WHERE relay.mine
           AND (o.attempts = 0 OR o.next_attempt_at <= now())
           AND NOT EXISTS (
                 SELECT 1 FROM outbox b
                  WHERE b.attempts > 0 AND b.ordering_key = o.ordering_key
                    AND b.position < o.position AND b.next_attempt_at > now())
         ORDER BY o.position
         LIMIT ${limit})
      RETURNING position::text AS position, id, subject, ordering_key AS "orderingKey", payload,
                headers, attempts, next_attempt_at::text AS "nextAttemptAt",
                last_error AS "lastError", created_at::text AS "createdAt"`);
  },

  /**
   * Puts back rows that were taken and not published, at their old positions (so their order
   * holds); a failed one with one more attempt, its error and when to try again.
   */
  async putBack(db: Executor, returning: ReturningRow[]): Promise<void> {
    if (returning.length === 0) return;
    const rows = returning.map(({ row, failure }) => {
      const attempts = failure ? row.attempts + 1 : row.attempts;
      const next = failure
        ? sql`now() + make_interval(secs => ${failure.retryInMs / 1000})`
        : sql`${row.nextAttemptAt}::timestamptz`;
      const error = failure ? failure.error.slice(0, 1000) : row.lastError;
      return sql`(${row.position}::bigint, ${row.id}::uuid, ${row.subject}, ${row.orderingKey},
        ${JSON.stringify(row.payload)}::jsonb, ${JSON.stringify(row.headers)}::jsonb,
        ${attempts}::int, ${next}, ${error}, ${row.createdAt}::timestamptz)`;
    });
    await db.execute(sql`
      INSERT INTO outbox (position, id, subject, ordering_key, payload, headers, attempts,
                          next_attempt_at, last_error, created_at)
      VALUES ${joinSql(rows)}`);
  },

  async counts(db: Executor): Promise<{ pending: number; failing: number }> {
    const [row] = await db.query<{ pending: number; failing: number }>(sql`
      SELECT count(*)::int AS pending, count(*) FILTER (WHERE attempts > 0)::int AS failing
        FROM outbox`);
    return row ?? { pending: 0, failing: 0 };
  },
};
