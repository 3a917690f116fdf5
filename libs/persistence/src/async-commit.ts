import { sql } from './sql';

/**
 * A select-list item that lets the statement's transaction commit without waiting for its WAL
 * to reach the disk (`synchronous_commit = off`, for this transaction only): evaluate it in a
 * CTE the statement reads. Only for writes whose loss in a crash is harmless because something
 * later undoes or repeats them safely, and which a later synchronous commit makes durable anyway
 * (WAL is flushed in order): the outbox relay taking rows (a lost deletion re-publishes
 * duplicates the inboxes drop) and an idempotency key's in-flight marker (a lost marker frees a
 * key whose attempt died in the same crash). Never for what a caller is told is done.
 */
export const ASYNC_COMMIT = sql`set_config('synchronous_commit', 'off', true) AS async_commit`;
