import { Injectable } from '@nestjs/common';
import { propagationHeaders, type Transaction } from '@satupintu/messaging';
import type { Executor } from '@satupintu/persistence';
import type { JobDefinition } from './job';
import { JobRunner } from './job-runner';
import { insertJob } from './jobs.repository';

export interface EnqueueOptions {
  /** Due at this time; a time past is due now. */
  dueAt?: Date;
  /** Due this long from now, by the database's clock. */
  delayMs?: number;
  /**
   * At most one pending job of this kind has this key: while one waits (or runs), enqueuing
   * another adds nothing. Once it has run, the key is free again.
   */
  key?: string;
}

@Injectable()
export class JobQueue {
  constructor(private readonly runner: JobRunner) {}

  /**
   * Adds a job in the caller's transaction, so that it exists only if the change that wants it
   * commits. Due now unless `dueAt` or `delayMs` say otherwise. Answers the job's id, or
   * undefined when a pending job of this kind already has this `key`. A job due now is started
   * as soon as the transaction commits (when `tx` is a `Transaction`), not at the next poll.
   */
  async enqueue<T>(
    tx: Executor,
    job: JobDefinition<T>,
    payload: T,
    options: EnqueueOptions = {},
  ): Promise<string | undefined> {
    const { dueAt, delayMs, key } = options;
    if (dueAt !== undefined && delayMs !== undefined) {
      throw new Error('enqueue: give dueAt or delayMs, not both');
    }
    if (delayMs !== undefined && !(delayMs >= 0)) throw new Error('enqueue: delayMs must be >= 0');
    const id = await insertJob(tx, {
      kind: job.kind,
      key,
      payload,
      headers: propagationHeaders(),
      maxAttempts: job.maxAttempts,
      dueAt,
      delayMs,
    });
    const dueNow = (delayMs ?? 0) === 0 && (dueAt === undefined || dueAt.getTime() <= Date.now());
    if (id !== undefined && dueNow) {
      if (isTransaction(tx)) tx.afterCommit(() => this.runner.kick());
      else this.runner.kick();
    }
    return id;
  }
}

function isTransaction(executor: Executor): executor is Transaction {
  return 'afterCommit' in executor;
}
