import type { AppLogger } from '@satupintu/common';
import type { Transaction } from '@satupintu/messaging';
import { defineJob, type JobDefinition, type JobRunner } from '@satupintu/scheduling';

/** How often rows past their retention are forgotten. */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/** A job that deletes rows past their retention: retried a few times, a minute apart at first. */
export function definePruneJob<T>(kind: string): JobDefinition<T> {
  return defineJob<T>({ kind, maxAttempts: 5, backoff: { baseMs: 60_000, maxMs: 15 * 60_000 } });
}

/** Runs `prune` hourly on one instance at a time, logging how many rows went. */
export function pruneHourly<T extends object>(
  runner: JobRunner,
  logger: AppLogger,
  job: JobDefinition<T>,
  payload: T,
  prune: (tx: Transaction, payload: T) => Promise<number>,
): void {
  runner.register(job, async (given, tx) => {
    const deleted = await prune(tx, given);
    const fields: Record<string, unknown> = { deleted, job: job.kind, ...given };
    if (deleted > 0) logger.info(fields, 'pruned');
  });
  runner.every(job, PRUNE_INTERVAL_MS, payload);
}
