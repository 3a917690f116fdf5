import type { EntityManager } from 'typeorm';

/**
 * Records that `consumer` processed `messageId`, inside the caller's transaction. False means
 * it already had: the caller must skip the work. The row commits or rolls back with the work,
 * so a crash before commit leaves the message to be processed again, and one after leaves it done.
 */
export async function claimInbox(
  manager: EntityManager,
  consumer: string,
  messageId: string,
): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    'INSERT INTO inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1 AS claimed',
    [consumer, messageId],
  );
  return rows.length === 1;
}
