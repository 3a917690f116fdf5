import { redactNiks } from '@satupintu/common';
import { sql, type Executor, type Sql } from '@satupintu/persistence';

/** A claimed job, as the `jobs` table has it. */
export interface JobRow {
  id: string;
  kind: string;
  key: string | null;
  payload: unknown;
  headers: Record<string, string>;
  attempts: number;
  max_attempts: number;
  due_at: Date;
}

export interface NewJob {
  kind: string;
  key?: string;
  payload: unknown;
  /** The request id and trace of the work that wanted the job, restored when it runs. */
  headers: Record<string, string>;
  maxAttempts: number;
  /** When it is due: a time, or a delay from now by the database's clock. Now when neither. */
  dueAt?: Date;
  delayMs?: number;
}

/** `now + ms` by the database's clock at this moment (not the transaction's start). */
const inMs = (ms: number): Sql => sql`clock_timestamp() + make_interval(secs => ${ms / 1000})`;

/** Inserts a pending job; answers its id, or undefined when a pending job has its kind and key. */
export async function insertJob(executor: Executor, job: NewJob): Promise<string | undefined> {
  const dueAt =
    job.dueAt !== undefined
      ? sql`${job.dueAt.toISOString()}::timestamptz`
      : job.delayMs !== undefined
        ? inMs(job.delayMs)
        : sql`clock_timestamp()`;
  const [row] = await executor.query(sql<{ id: string }>`
    INSERT INTO jobs (kind, key, payload, headers, max_attempts, due_at)
    VALUES (${job.kind}, ${job.key ?? null}, ${JSON.stringify(job.payload ?? null)}::jsonb,
            ${JSON.stringify(job.headers)}::jsonb, ${job.maxAttempts}, ${dueAt})
    ON CONFLICT (kind, key) WHERE state = 'pending' DO NOTHING
    RETURNING id`);
  return row?.id;
}

/**
 * Locks the earliest due pending job of one of these kinds, skipping those other transactions
 * hold and those `excluded`: while this transaction lives, no one else can run it.
 */
export async function claimDueJob(
  tx: Executor,
  kinds: string[],
  excluded: string[],
): Promise<JobRow | undefined> {
  const [row] = await tx.query(sql<JobRow>`
    SELECT id, kind, key, payload, headers, attempts, max_attempts, due_at
      FROM jobs
     WHERE state = 'pending' AND due_at <= now() AND kind = ANY(${kinds}::text[])
       AND id <> ALL(${excluded}::uuid[])
     ORDER BY due_at
     LIMIT 1
       FOR UPDATE SKIP LOCKED`);
  return row;
}

export async function deleteJob(tx: Executor, id: string): Promise<void> {
  await tx.execute(sql`DELETE FROM jobs WHERE id = ${id}`);
}

/** A recurring job ran: due again after the interval, its attempts forgotten. */
export async function rescheduleJob(
  tx: Executor,
  id: string,
  intervalMs: number,
  payload: unknown,
): Promise<void> {
  await tx.execute(sql`
    UPDATE jobs
       SET due_at = ${inMs(intervalMs)}, attempts = 0, last_error = NULL,
           payload = ${JSON.stringify(payload ?? null)}::jsonb, updated_at = clock_timestamp()
     WHERE id = ${id}`);
}

const MAX_ERROR_LENGTH = 4000;

/** What is kept of an error: its stack (or text), NIKs masked, shortened. */
export function errorText(error: unknown): string {
  const text =
    error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return redactNiks(text).slice(0, MAX_ERROR_LENGTH);
}

/**
 * Records a failed attempt: due again after `retryInMs` from now, or dead when that is undefined.
 * Only if the job is still at the attempt that failed and no other transaction holds it (after
 * a failed commit, another runner may have claimed it since). Answers whether it was recorded.
 */
export async function recordFailure(
  tx: Executor,
  job: { id: string; attempts: number },
  error: unknown,
  retryInMs: number | undefined,
): Promise<boolean> {
  const next =
    retryInMs === undefined
      ? sql`state = 'dead', updated_at = t.at`
      : sql`due_at = t.at + make_interval(secs => ${retryInMs / 1000}), updated_at = t.at`;
  const { count } = await tx.execute(sql`
    UPDATE jobs
       SET attempts = attempts + 1, last_error = ${errorText(error)}, ${next}
      FROM (SELECT clock_timestamp() AS at) AS t
     WHERE id = (SELECT id FROM jobs
                  WHERE id = ${job.id} AND attempts = ${job.attempts} AND state = 'pending'
                    FOR UPDATE SKIP LOCKED)`);
  return count > 0;
}

export interface JobCount {
  kind: string;
  state: 'due' | 'dead';
  n: number;
}

/** Pending jobs that are due (waiting or running), and dead ones, by kind: both from an index. */
export function countJobs(executor: Executor): Promise<JobCount[]> {
  return executor.query(sql<JobCount>`
    SELECT kind, 'due' AS state, count(*)::int AS n
      FROM jobs WHERE state = 'pending' AND due_at <= now() GROUP BY kind
    UNION ALL
    SELECT kind, 'dead', count(*)::int FROM jobs WHERE state = 'dead' GROUP BY kind`);
}
