import { sql, type Executor } from '@satupintu/persistence';

/**
 * Records that `consumer` processed these message ids, inside the caller's transaction, and
 * answers which of them are new: the others were processed before and must be skipped. The rows
 * commit or roll back with the work, so a crash before commit leaves the messages to be
 * processed again, and one after leaves them done.
 */
export async function claimInboxBatch(
  db: Executor,
  consumer: string,
  messageIds: string[],
): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await db.query<{ message_id: string }>(sql`
    INSERT INTO inbox (consumer, message_id)
    SELECT ${consumer}, id FROM unnest(${messageIds}::text[]) AS id
    ON CONFLICT DO NOTHING RETURNING message_id`);
  return new Set(rows.map((row) => row.message_id));
}

/**
 * Counts events a consumer handled, in the same transaction as their effects. Not idempotent on
 * purpose: only the inbox stands between a redelivery and a second count, so comparing this
 * with the inbox (or with what was published) shows whether anything was handled twice.
 */
export async function countHandled(db: Executor, consumer: string, handled: number): Promise<void> {
  if (handled === 0) return;
  await db.execute(sql`
    INSERT INTO consumer_progress (consumer, handled) VALUES (${consumer}, ${handled})
    ON CONFLICT (consumer) DO UPDATE
       SET handled = consumer_progress.handled + EXCLUDED.handled, updated_at = now()`);
}

/**
 * The inbox only has to remember a message as long as it could come back: a redelivery or a
 * relay's re-publish arrives within minutes. Thirty days is a wide margin; older rows go, so the
 * table does not grow with every event ever handled.
 */
export const INBOX_RETENTION_DAYS = 30;

/** Deletes inbox rows older than the retention; answers how many went. */
export async function pruneInbox(
  executor: Executor,
  retentionDays = INBOX_RETENTION_DAYS,
): Promise<number> {
  const { count } = await executor.execute(
    sql`DELETE FROM inbox WHERE processed_at < now() - make_interval(days => ${retentionDays})`,
  );
  return count;
}
