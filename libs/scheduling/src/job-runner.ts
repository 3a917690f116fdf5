import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  LOGGER,
  ServiceMetrics,
  contextFromHeaders,
  runInContext,
  type AppLogger,
  type RequestContext,
} from '@satupintu/common';
import type { EventContract } from '@satupintu/contracts';
import { UnitOfWork, type Transaction } from '@satupintu/messaging';
import { executorOf, sql } from '@satupintu/persistence';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { retryDelayMs } from './backoff';
import type { JobDefinition, JobHandler } from './job';
import { registerJobGauges } from './job-gauges';
import {
  claimDueJob,
  countJobs,
  deleteJob,
  insertJob,
  recordFailure,
  rescheduleJob,
  type JobRow,
} from './jobs.repository';

export interface SchedulingOptions {
  /** How often to look for due jobs; an enqueue in this process that is due now kicks it sooner. */
  pollMs: number;
  /** Jobs this instance runs at once, each in its own transaction (a pool connection each). */
  concurrency: number;
}

export const SCHEDULING_OPTIONS = Symbol('SCHEDULING_OPTIONS');
export const DEFAULT_SCHEDULING_OPTIONS: SchedulingOptions = { pollMs: 1000, concurrency: 4 };

/** How long stopping waits for running jobs. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The key of a recurring job's one pending instance. */
export const RECURRING_KEY = 'recurring';

type Outcome = 'succeeded' | 'retried' | 'dead';

interface Attempted {
  job: JobRow;
  context: RequestContext;
  outcome: Outcome;
  seconds: number;
  error?: unknown;
  retryInMs?: number;
}

interface Registered {
  job: JobDefinition<unknown>;
  handler: JobHandler<unknown>;
}

interface Recurring {
  job: JobDefinition<unknown>;
  intervalMs: number;
  payload: unknown;
}

/**
 * Runs due jobs of the kinds registered here. Each job runs in its own transaction, which first
 * claims it (`FOR UPDATE SKIP LOCKED`) and holds that lock while the handler runs: the handler's
 * writes, its events and the job's removal commit together, and several instances share the
 * table without running a job twice. If the process dies mid-job, the transaction aborts and
 * the job is due again. A failed attempt is rolled back (to a savepoint) and recorded in the same
 * transaction, with the next attempt after an exponential, jittered backoff; the last allowed
 * failure leaves the job dead.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly handlers = new Map<string, Registered>();
  private readonly recurring = new Map<string, Recurring>();
  private readonly workers = new Set<Promise<void>>();
  /**
   * Jobs this instance has claimed and not yet settled. Its own workers never claim them: after
   * a failed commit the lock is gone before the failure is recorded, and a worker of this
   * instance, busy claiming, would otherwise take the job again at once.
   */
  private readonly inHand = new Set<string>();
  private phase: 'registering' | 'starting' | 'running' | 'stopped' = 'registering';
  private timer?: NodeJS.Timeout;
  private failing = false;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly metrics: ServiceMetrics,
    @Inject(LOGGER) private readonly logger: AppLogger,
    @Inject(SCHEDULING_OPTIONS) private readonly options: SchedulingOptions,
  ) {
    registerJobGauges(metrics.registry, () => countJobs(executorOf(dataSource)));
  }

  /** This instance runs jobs of this kind, with this handler. Once per kind. */
  register<T>(job: JobDefinition<T>, handler: JobHandler<T>): void {
    if (this.handlers.has(job.kind)) throw new Error(`job ${job.kind} already has a handler`);
    this.handlers.set(job.kind, { job, handler: handler as JobHandler<unknown> });
    this.kick();
  }

  /**
   * Runs the job every `intervalMs` (counted from the end of each run), with this payload, on
   * one instance of the service at a time: there is only ever one pending instance of it (its
   * key is `recurring`), created when the first instance starts, and kept across restarts.
   * Register its handler first; call this before the application starts (in `onModuleInit`).
   * A changed interval or payload applies from the next run of the pending instance.
   */
  every<T>(job: JobDefinition<T>, intervalMs: number, payload: T): void {
    if (!this.handlers.has(job.kind)) throw new Error(`register a handler for ${job.kind} first`);
    if (this.phase !== 'registering') throw new Error('call every() before the application starts');
    if (!(intervalMs > 0)) throw new Error(`job ${job.kind}: the interval must be positive`);
    this.recurring.set(job.kind, { job, intervalMs, payload });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.phase = 'starting';
    // ON CONFLICT DO NOTHING: another instance (or an earlier run) has already created it.
    for (const [kind, { job, payload }] of this.recurring) {
      await insertJob(executorOf(this.dataSource), {
        kind,
        key: RECURRING_KEY,
        payload,
        headers: {},
        maxAttempts: job.maxAttempts,
      });
    }
    this.phase = 'running';
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  /**
   * Stops claiming, and waits for the jobs that are running to finish, for a while: a job still
   * running when the process exits is rolled back with its transaction and runs again later.
   */
  async onModuleDestroy(): Promise<void> {
    this.phase = 'stopped';
    clearInterval(this.timer);
    const drained = (async () => {
      while (this.workers.size > 0) await Promise.all(this.workers);
      return true;
    })();
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), SHUTDOWN_GRACE_MS);
    });
    if (!(await Promise.race([drained, waited]))) {
      this.logger.warn(
        { jobs: [...this.inHand] },
        'stopping with jobs still running; they will run again',
      );
    }
    clearTimeout(timer);
  }

  /**
   * Look for due jobs now: starts a worker, unless `concurrency` are running already (they run
   * until nothing is due). Called by the poll, by an enqueue that is due now, and by a worker
   * that has claimed a job (there may be more).
   */
  kick(): void {
    if (this.phase !== 'running' || this.workers.size >= this.options.concurrency) return;
    const worker: Promise<void> = this.work().finally(() => this.workers.delete(worker));
    this.workers.add(worker);
  }

  private async work(): Promise<void> {
    try {
      while (this.phase === 'running' && (await this.runNext())) {
        // a job ran: there may be another
      }
      if (this.failing) this.logger.info('job runner running jobs again');
      this.failing = false;
    } catch (error) {
      // The poll tries again. Log once per outage, not once per poll.
      if (!this.failing) this.logger.warn({ err: error }, 'job runner cannot run jobs; will retry');
      this.failing = true;
    }
  }

  /** Claims and runs one due job; answers false when none is due. */
  private async runNext(): Promise<boolean> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return false;
    const claimed: { job?: JobRow; context?: RequestContext } = {};
    try {
      const attempted = await this.unitOfWork
        .run(async (tx) => {
          const job = await claimDueJob(tx, kinds, [...this.inHand]);
          if (!job) return undefined;
          const context = contextFromHeaders((name) => job.headers[name]);
          claimed.job = job;
          claimed.context = context;
          this.inHand.add(job.id);
          this.kick();
          return runInContext(context, () => this.attempt(tx, job, context));
        })
        .catch((error: unknown) => {
          const { job, context } = claimed;
          if (!job || !context) throw error;
          // The transaction failed outside the handler (writing its events, or at commit): a
          // failed attempt too, or a job that cannot commit would run again at once, forever.
          return this.unitOfWork.run((tx) => this.fail(tx, job, context, error));
        });
      if (attempted) this.report(attempted);
      return claimed.job !== undefined;
    } finally {
      if (claimed.job) this.inHand.delete(claimed.job.id);
    }
  }

  private async attempt(tx: Transaction, job: JobRow, context: RequestContext): Promise<Attempted> {
    const { handler } = this.registered(job.kind);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const held = holdEffects(tx);
    await tx.execute(sql`SAVEPOINT job`);
    try {
      await handler(job.payload, held.tx, {
        jobId: job.id,
        attempt: job.attempts + 1,
        dueAt: job.due_at,
      });
    } catch (error) {
      await tx.execute(sql`ROLLBACK TO SAVEPOINT job`);
      const failed = await this.fail(tx, job, context, error, seconds());
      // We hold the job's lock and know its attempts: the failure is always recorded.
      if (!failed) throw new Error(`job ${job.id}: failure not recorded`, { cause: error });
      return failed;
    }
    await tx.execute(sql`RELEASE SAVEPOINT job`);
    held.release();
    const recurring = this.recurringOf(job);
    if (recurring) await rescheduleJob(tx, job.id, recurring.intervalMs, recurring.payload);
    else await deleteJob(tx, job.id);
    return { job, context, outcome: 'succeeded', seconds: seconds() };
  }

  /** Records a failed attempt: retried after a backoff, or dead after the last one allowed. */
  private async fail(
    tx: Transaction,
    job: JobRow,
    context: RequestContext,
    error: unknown,
    seconds = 0,
  ): Promise<Attempted | undefined> {
    const attempt = job.attempts + 1;
    const dead = attempt >= job.max_attempts;
    const retryInMs = dead
      ? undefined
      : retryDelayMs(this.registered(job.kind).job.backoff, attempt);
    if (!(await recordFailure(tx, job, error, retryInMs))) return undefined;
    const recurring = this.recurringOf(job);
    if (dead && recurring) {
      // The dead one stays for inspection; the recurrence goes on.
      await insertJob(tx, {
        kind: job.kind,
        key: RECURRING_KEY,
        payload: recurring.payload,
        headers: {},
        maxAttempts: recurring.job.maxAttempts,
        delayMs: recurring.intervalMs,
      });
    }
    return { job, context, outcome: dead ? 'dead' : 'retried', seconds, error, retryInMs };
  }

  private report({ job, context, outcome, seconds, error, retryInMs }: Attempted): void {
    this.metrics.jobsRun.inc({ kind: job.kind, outcome });
    this.metrics.jobDuration.observe({ kind: job.kind, outcome }, seconds);
    const fields = { jobId: job.id, kind: job.kind, attempt: job.attempts + 1 };
    runInContext(context, () => {
      switch (outcome) {
        case 'succeeded':
          this.logger.debug(fields, 'job done');
          break;
        case 'retried':
          this.logger.warn({ ...fields, err: error, retryInMs }, 'job failed; will retry');
          break;
        case 'dead':
          this.logger.error({ ...fields, err: error }, 'job failed its last attempt; it is dead');
          break;
      }
    });
  }

  private registered(kind: string): Registered {
    // Only registered kinds are claimed, and a handler is never removed.
    const registered = this.handlers.get(kind);
    if (!registered) throw new Error(`no handler for job ${kind}`);
    return registered;
  }

  private recurringOf(job: JobRow): Recurring | undefined {
    return job.key === RECURRING_KEY ? this.recurring.get(job.kind) : undefined;
  }
}

/**
 * The handler's view of the transaction: its events and after-commit callbacks are held until
 * it returns, so a failed attempt, rolled back to the savepoint, leaves none of them behind.
 */
function holdEffects(tx: Transaction): { tx: Transaction; release(): void } {
  const held: (() => void)[] = [];
  return {
    tx: {
      ...tx,
      publish: <T>(event: EventContract<T>, payload: T) =>
        void held.push(() => tx.publish(event, payload)),
      afterCommit: (callback: () => void) => void held.push(() => tx.afterCommit(callback)),
    },
    release: () => held.forEach((effect) => effect()),
  };
}
