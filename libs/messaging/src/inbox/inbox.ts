import type { EntityManager } from 'typeorm';

/**
 * Records that `consumer` processed these message ids, inside the caller's transaction, and
 * answers which of them are new: the others were processed before and must be skipped. The rows
 * commit or roll back with the work, so a crash before commit leaves the messages to be
 * processed again, and one after leaves them done.
 */
export async function claimInboxBatch(
  manager: EntityManager,
  consumer: string,
  messageIds: string[],
): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await manager.query<{ message_id: string }[]>(
    `INSERT INTO inbox (consumer, message_id)
     SELECT $1, id FROM unnest($2::text[]) AS id
     ON CONFLICT DO NOTHING RETURNING message_id`,
    [consumer, messageIds],
  );
  return new Set(rows.map((row) => row.message_id));
}
