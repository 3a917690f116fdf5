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
