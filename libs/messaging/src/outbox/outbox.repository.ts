import { joinSql, sql, type Executor, type Sql } from '@satupintu/persistence';

/** An event on its way out: what the outbox row holds. */
export interface OutboxEvent {
  id: string;
  /** Namespaced, with the routing token: exactly what the relay publishes on. */
  subject: string;
  orderingKey: string;
  payload: unknown;
  headers: Record<string, string>;
}

export interface OutboxRow extends OutboxEvent {
  position: string;
  attempts: number;
}

export interface FailedRow {
  position: string;
  attempts: number;
  delayMs: number;
  error: string;
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
        sql`(${event.id}::uuid, ${event.subject}, ${event.orderingKey}, ${JSON.stringify(event.payload)}::jsonb, ${JSON.stringify(event.headers)}::jsonb)`,
    );
    return sql`INSERT INTO outbox (id, subject, ordering_key, payload, headers)
      SELECT e.id, e.subject, e.ordering_key, e.payload, e.headers
        FROM (VALUES ${joinSql(rows)}) AS e (id, subject, ordering_key, payload, headers)
       ${when ? sql`WHERE ${when}` : sql``}`;
  },

  /** Rows due now, oldest first, skipping every row behind a failing row of the same key. */
  async takeDue(db: Executor, limit: number): Promise<OutboxRow[]> {
    return db.query<OutboxRow>(sql`
      SELECT o.position::text AS position, o.id, o.subject, o.ordering_key AS "orderingKey",
             o.payload, o.headers, o.attempts
        FROM outbox o
       WHERE (o.attempts = 0 OR o.next_attempt_at <= now())
         AND NOT EXISTS (
               SELECT 1 FROM outbox b
                WHERE b.attempts > 0 AND b.ordering_key = o.ordering_key
                  AND b.position < o.position AND b.next_attempt_at > now())
       ORDER BY o.position
       LIMIT ${limit}`);
  },

  async delete(db: Executor, positions: string[]): Promise<void> {
    if (positions.length === 0) return;
    await db.execute(sql`DELETE FROM outbox WHERE position = ANY(${positions}::bigint[])`);
  },

  async markFailed(db: Executor, rows: FailedRow[]): Promise<void> {
    for (const row of rows) {
      await db.execute(sql`
        UPDATE outbox
           SET attempts = ${row.attempts},
               next_attempt_at = now() + make_interval(secs => ${row.delayMs / 1000}),
               last_error = left(${row.error}, 1000)
         WHERE position = ${row.position}::bigint`);
    }
  },

  async counts(db: Executor): Promise<{ pending: number; failing: number }> {
    const [row] = await db.query<{ pending: number; failing: number }>(sql`
      SELECT count(*)::int AS pending, count(*) FILTER (WHERE attempts > 0)::int AS failing
        FROM outbox`);
    return row ?? { pending: 0, failing: 0 };
  },
};
