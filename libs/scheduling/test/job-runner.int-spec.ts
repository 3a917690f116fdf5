import { Test, type TestingModule } from '@nestjs/testing';
import { CoreModule, ServiceMetrics, createLogger } from '@satupintu/common';
import {
  AGENCY_STREAM,
  ApplicationStatusChanged,
  type ApplicationStatusChangedV1,
} from '@satupintu/contracts';
import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateOutboxAndInbox1763856000000,
  on,
  EventConsumers,
  EventsModule,
  NatsModule,
  UnitOfWork,
} from '@satupintu/messaging';
import {
  PersistenceModule,
  databaseName,
  executorOf,
  sql,
  type Executor,
  type Sql,
} from '@satupintu/persistence';
import { eventually, testEnvironment } from '@satupintu/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CreateJobs1764400000100,
  JobQueue,
  JobRunner,
  SchedulingModule,
  backoffCeilingMs,
  defineJob,
  type SchedulingOptions,
} from '../src';

interface Instance {
  module: TestingModule;
  runner: JobRunner;
  queue: JobQueue;
  unitOfWork: UnitOfWork;
  db: Executor;
  metrics: ServiceMetrics;
}

interface JobRecord {
  id: string;
  state: string;
  key: string | null;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
}

/**
 * The job runner against real PostgreSQL (and NATS, for the events a job publishes), in one
 * process; several instances of a service are several Nest modules on the same database.
 */
describe('the job runner', () => {
  const env = testEnvironment();
  const database = databaseName(env.DB_PREFIX, 'scheduling_test');
  const backoff = { baseMs: 10, maxMs: 10 };
  let a: Instance;

  /** One instance of a service: compiled (its database migrated), not yet started. */
  async function instance(name: string, options: Partial<SchedulingOptions> = {}) {
    const metrics = new ServiceMetrics(name);
    const module = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot(createLogger(name, 'silent'), metrics),
        PersistenceModule.forRoot({
          serverUrl: env.DATABASE_URL,
          database,
          entities: [],
          migrations: [
            CreateOutboxAndInbox1763856000000,
            AddOrderingAndRetriesToOutbox1764400000000,
            CreateJobs1764400000100,
          ],
        }),
        NatsModule.forRoot({ url: env.NATS_URL, name, namespace: env.SP_NAMESPACE }),
        EventsModule.forRoot({ publishes: [ApplicationStatusChanged] }),
        SchedulingModule.forRoot({ pollMs: 100, ...options }),
      ],
    }).compile();
    return {
      module,
      runner: module.get(JobRunner),
      queue: module.get(JobQueue),
      unitOfWork: module.get(UnitOfWork),
      db: executorOf(module.get(DataSource)),
      metrics,
    };
  }

  async function started(name: string, options: Partial<SchedulingOptions> = {}) {
    const started = await instance(name, options);
    await started.module.init();
    return started;
  }

  const query = <Row>(statement: Sql<Row>) => a.db.query(statement);
  const jobRecord = async (id: string | undefined) =>
    (
      await query(sql<JobRecord>`
        SELECT id, state, key, payload, attempts, max_attempts, last_error FROM jobs WHERE id = ${id}`)
    )[0];
  /** A handler's write: one row per run that committed. No unique constraint, so a run twice shows twice. */
  const recordRun = async (
    tx: Executor,
    jobId: string,
    kind: string,
    runner = 'a',
    attempt = 1,
  ) => {
    await tx.execute(sql`
      INSERT INTO job_runs (job_id, kind, runner, attempt) VALUES (${jobId}, ${kind}, ${runner}, ${attempt})`);
  };
  const runsOf = (jobId: string | undefined) =>
    query(sql<{ attempt: number }>`SELECT attempt FROM job_runs WHERE job_id = ${jobId}`);
  const runCount = async (metrics: ServiceMetrics, kind: string, outcome: string) =>
    (await metrics.jobsRun.get()).values.find(
      (value) => value.labels.kind === kind && value.labels.outcome === outcome,
    )?.value ?? 0;

  beforeAll(async () => {
    a = await started('scheduling-a');
    await a.db.execute(sql`
      CREATE TABLE IF NOT EXISTS job_runs (
        job_id uuid NOT NULL,
        kind text NOT NULL,
        runner text NOT NULL,
        attempt int NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  });

  afterAll(async () => {
    await a?.module.close();
  });

  it('runs a job only once its due time has come', async () => {
    const job = defineJob<{ n: number }>({ kind: 'test.due', maxAttempts: 1, backoff });
    a.runner.register(job, (_payload, tx, meta) => recordRun(tx, meta.jobId, 'test.due'));
    const { later, laterDueAt, overdue } = await a.unitOfWork.run(async (tx) => {
      const later = await a.queue.enqueue(tx, job, { n: 1 }, { delayMs: 1500 });
      const overdue = await a.queue.enqueue(
        tx,
        job,
        { n: 2 },
        { dueAt: new Date(Date.now() - 60_000) },
      );
      const [{ due_at }] = await tx.query(
        sql<{ due_at: string }>`SELECT due_at::text FROM jobs WHERE id = ${later}`,
      );
      return { later, laterDueAt: due_at, overdue };
    });

    await eventually(async () => expect(await runsOf(overdue)).toHaveLength(1));
    await eventually(async () => expect(await runsOf(later)).toHaveLength(1));
    // By the database's clock: the run began no earlier than the job was due.
    const [run] = await query(sql<{ after_due: boolean }>`
      SELECT at >= ${laterDueAt}::timestamptz AS after_due FROM job_runs WHERE job_id = ${later}`);
    expect(run.after_due).toBe(true);
    expect(await jobRecord(later)).toBeUndefined();
    expect(await jobRecord(overdue)).toBeUndefined();
  });

  it('retries a failing job after growing backoff delays, and removes it once it succeeds', async () => {
    const growing = { baseMs: 100, maxMs: 400 };
    const job = defineJob<Record<string, never>>({
      kind: 'test.retry',
      maxAttempts: 5,
      backoff: growing,
    });
    const seen: { attempt: number; attempts: number; last_error: string; wait_ms: number }[] = [];
    a.runner.register(job, async (_payload, tx, meta) => {
      // The row as the previous failure left it: its count, its error, and the wait it chose.
      const [row] = await tx.query(sql<{ attempts: number; last_error: string; wait_ms: number }>`
        SELECT attempts, last_error, (extract(epoch FROM due_at - updated_at) * 1000)::float8 AS wait_ms
          FROM jobs WHERE id = ${meta.jobId}`);
      seen.push({ attempt: meta.attempt, ...row });
      if (meta.attempt < 4) throw new Error(`failure ${meta.attempt}`);
    });
    const id = await a.queue.enqueue(a.db, job, {});

    await eventually(async () => expect(await jobRecord(id)).toBeUndefined());
    expect(seen.map((s) => [s.attempt, s.attempts])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
    ]);
    const retries = seen.slice(1);
    expect(retries.map((s) => s.last_error)).toEqual([
      expect.stringContaining('failure 1'),
      expect.stringContaining('failure 2'),
      expect.stringContaining('failure 3'),
    ]);
    // Each wait lies under the ceiling for its failure, and the ceilings grow: 100, 200, 400 ms.
    retries.forEach((s, i) => {
      expect(s.wait_ms).toBeGreaterThanOrEqual(0);
      expect(s.wait_ms).toBeLessThan(backoffCeilingMs(growing, i + 1));
    });
    expect(await runCount(a.metrics, 'test.retry', 'retried')).toBe(3);
    expect(await runCount(a.metrics, 'test.retry', 'succeeded')).toBe(1);
  });

  it('leaves a job that fails every attempt dead, with its last error, and never runs it again', async () => {
    const job = defineJob<{ fail: boolean }>({ kind: 'test.dead', maxAttempts: 3, backoff });
    const runs = new Map<string, number>();
    a.runner.register(job, (payload, _tx, meta) => {
      runs.set(meta.jobId, (runs.get(meta.jobId) ?? 0) + 1);
      if (payload.fail) throw new Error(`attempt ${meta.attempt} failed for NIK 3171010101900001`);
    });
    const doomed = await a.queue.enqueue(a.db, job, { fail: true });
    await eventually(async () => expect((await jobRecord(doomed))?.state).toBe('dead'));

    const record = await jobRecord(doomed);
    expect(record).toMatchObject({ state: 'dead', attempts: 3, max_attempts: 3 });
    expect(record.last_error).toContain('attempt 3 failed for NIK 3171********0001');
    // A later job of the same kind runs; the dead one, due long before it, is not taken again.
    const later = await a.queue.enqueue(a.db, job, { fail: false });
    await eventually(async () => expect(await jobRecord(later)).toBeUndefined());
    expect(runs.get(doomed!)).toBe(3);
    expect((await jobRecord(doomed)).attempts).toBe(3);

    expect(await runCount(a.metrics, 'test.dead', 'retried')).toBe(2);
    expect(await runCount(a.metrics, 'test.dead', 'dead')).toBe(1);
    expect(await a.metrics.registry.getSingleMetricAsString('jobs_dead')).toMatch(
      /jobs_dead\{kind="test\.dead"[^}]*\} 1$/m,
    );
  });

  it("rolls back a failed attempt's writes and events, and commits a successful one's with the job's removal", async () => {
    const agency = 'JOBSTEST';
    const received: string[] = [];
    await a.module.get(EventConsumers).start({
      stream: AGENCY_STREAM,
      durable: 'jobs-test',
      routingKey: agency,
      handlers: [on(ApplicationStatusChanged, (event) => void received.push(event.applicationId))],
    });
    const job = defineJob<Record<string, never>>({
      kind: 'test.rollback',
      maxAttempts: 3,
      backoff,
    });
    const published: string[] = [];
    a.runner.register(job, async (_payload, tx, meta) => {
      await recordRun(tx, meta.jobId, 'test.rollback', 'a', meta.attempt);
      const event = statusChange(agency);
      published.push(event.applicationId);
      tx.publish(ApplicationStatusChanged, event);
      if (meta.attempt === 1) throw new Error('the first attempt fails');
    });
    const id = await a.queue.enqueue(a.db, job, {});

    await eventually(async () => expect(await jobRecord(id)).toBeUndefined());
    expect(await runsOf(id)).toEqual([{ attempt: 2 }]);
    // Had the first attempt's event survived, it would have reached the stream before the second's.
    await eventually(() => expect(received).toContain(published[1]));
    expect(published).toHaveLength(2);
    expect(received).not.toContain(published[0]);
  });

  it('counts a commit that fails after the handler returned as a failed attempt', async () => {
    await a.db.execute(sql`
      CREATE TABLE commit_parents (id uuid PRIMARY KEY);
      CREATE TABLE commit_children (
        parent uuid NOT NULL REFERENCES commit_parents DEFERRABLE INITIALLY DEFERRED)`);
    const job = defineJob<Record<string, never>>({ kind: 'test.commit', maxAttempts: 3, backoff });
    const seen: { attempts: number; last_error: string | null }[] = [];
    a.runner.register(job, async (_payload, tx, meta) => {
      const [row] = await tx.query(
        sql<{ attempts: number; last_error: string | null }>`
          SELECT attempts, last_error FROM jobs WHERE id = ${meta.jobId}`,
      );
      seen.push(row);
      // The foreign key is checked at commit: the first attempt's child has no parent yet.
      if (meta.attempt > 1)
        await tx.execute(sql`INSERT INTO commit_parents VALUES (${meta.jobId})`);
      await tx.execute(sql`INSERT INTO commit_children VALUES (${meta.jobId})`);
    });
    const id = await a.queue.enqueue(a.db, job, {});

    await eventually(async () => expect(await jobRecord(id)).toBeUndefined());
    expect(seen).toEqual([
      { attempts: 0, last_error: null },
      { attempts: 1, last_error: expect.stringContaining('foreign key') as unknown },
    ]);
    expect(await runCount(a.metrics, 'test.commit', 'retried')).toBe(1);
  });

  it('adds no job when the transaction that enqueues it rolls back', async () => {
    const job = defineJob<Record<string, never>>({
      kind: 'test.unwanted',
      maxAttempts: 1,
      backoff,
    });
    let id: string | undefined;
    await expect(
      a.unitOfWork.run(async (tx) => {
        id = await a.queue.enqueue(tx, job, {});
        throw new Error('the change that wanted the job fails');
      }),
    ).rejects.toThrow('the change that wanted the job fails');
    expect(id).toBeDefined();
    expect(await jobRecord(id)).toBeUndefined();
  });

  it('keeps at most one pending job per key, and frees the key once the job has run', async () => {
    const job = defineJob<{ n: number }>({ kind: 'test.keyed', maxAttempts: 1, backoff });
    a.runner.register(job, (_payload, tx, meta) => recordRun(tx, meta.jobId, 'test.keyed'));
    const hour = 3_600_000;
    const first = await a.queue.enqueue(a.db, job, { n: 1 }, { key: 'k', delayMs: hour });
    expect(first).toBeDefined();
    expect(await a.queue.enqueue(a.db, job, { n: 2 }, { key: 'k' })).toBeUndefined();
    expect(
      await a.queue.enqueue(a.db, job, { n: 3 }, { key: 'other', delayMs: hour }),
    ).toBeDefined();
    expect(await jobRecord(first)).toMatchObject({ payload: { n: 1 }, state: 'pending' });

    await a.db.execute(sql`UPDATE jobs SET due_at = now() WHERE id = ${first}`);
    await eventually(async () => expect(await runsOf(first)).toHaveLength(1));
    await eventually(async () => expect(await jobRecord(first)).toBeUndefined());
    expect(await a.queue.enqueue(a.db, job, { n: 4 }, { key: 'k', delayMs: hour })).toBeDefined();
  });

  it('runs each of 200 jobs exactly once while two instances drain them together', async () => {
    const kind = 'test.shared';
    const job = defineJob<{ n: number }>({ kind, maxAttempts: 1, backoff });
    const b = await started('scheduling-b');
    try {
      for (const [name, { runner }] of [
        ['a', a],
        ['b', b],
      ] as const) {
        runner.register(job, async (_payload, tx, meta) => {
          await recordRun(tx, meta.jobId, kind, name);
          // Hold the claim a moment, as real work would, so the instances overlap.
          await new Promise((resolve) => setTimeout(resolve, 5));
        });
      }
      await a.unitOfWork.run(async (tx) => {
        for (let n = 0; n < 200; n += 1) await a.queue.enqueue(tx, job, { n });
      });

      await eventually(async () => {
        const [left] = await query(
          sql<{ n: number }>`SELECT count(*)::int AS n FROM jobs WHERE kind = ${kind}`,
        );
        expect(left.n).toBe(0);
      }, 30_000);
      const [runs] = await query(sql<{ total: number; jobs: number; by_a: number; by_b: number }>`
        SELECT count(*)::int AS total, count(DISTINCT job_id)::int AS jobs,
               count(*) FILTER (WHERE runner = 'a')::int AS by_a,
               count(*) FILTER (WHERE runner = 'b')::int AS by_b
          FROM job_runs WHERE kind = ${kind}`);
      expect(runs).toMatchObject({ total: 200, jobs: 200 });
      expect(runs.by_a).toBeGreaterThan(0);
      expect(runs.by_b).toBeGreaterThan(0);
    } finally {
      await b.module.close();
    }
  });

  it('keeps one pending instance of a recurring job when two instances start together, and runs it again after each interval', async () => {
    const kind = 'test.recurring';
    const intervalMs = 200;
    const job = defineJob<{ tag: string }>({ kind, maxAttempts: 3, backoff });
    const [c, d] = await Promise.all([instance('scheduling-c'), instance('scheduling-d')]);
    try {
      for (const [name, { runner }] of [
        ['c', c],
        ['d', d],
      ] as const) {
        runner.register(job, (_payload, tx, meta) => recordRun(tx, meta.jobId, kind, name));
        runner.every(job, intervalMs, { tag: 'tick' });
      }
      await Promise.all([c.module.init(), d.module.init()]);

      await eventually(async () => {
        const [runs] = await query(
          sql<{ n: number }>`SELECT count(*)::int AS n FROM job_runs WHERE kind = ${kind}`,
        );
        expect(runs.n).toBeGreaterThanOrEqual(3);
      });
      const jobs = await query(
        sql<JobRecord>`SELECT id, state, key, payload FROM jobs WHERE kind = ${kind}`,
      );
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({
        state: 'pending',
        key: 'recurring',
        payload: { tag: 'tick' },
      });
      const runs = await query(sql<{ job_id: string; gap_ms: number | null }>`
        SELECT job_id,
               (extract(epoch FROM at - lag(at) OVER (ORDER BY at)) * 1000)::float8 AS gap_ms
          FROM job_runs WHERE kind = ${kind} ORDER BY at`);
      expect(new Set(runs.map((run) => run.job_id))).toEqual(new Set([jobs[0].id]));
      for (const { gap_ms } of runs.slice(1)) expect(gap_ms).toBeGreaterThanOrEqual(intervalMs);
    } finally {
      await Promise.all([c.module.close(), d.module.close()]);
    }
  });

  it('starts a job due now as soon as the transaction that enqueues it commits, without waiting for the poll', async () => {
    const e = await started('scheduling-e', { pollMs: 3_600_000 });
    try {
      const job = defineJob<Record<string, never>>({
        kind: 'test.kicked',
        maxAttempts: 1,
        backoff,
      });
      e.runner.register(job, (_payload, tx, meta) => recordRun(tx, meta.jobId, 'test.kicked'));
      const id = await e.unitOfWork.run((tx) => e.queue.enqueue(tx, job, {}));
      await eventually(async () => expect(await runsOf(id)).toHaveLength(1));
    } finally {
      await e.module.close();
    }
  });
});

function statusChange(agency: string): ApplicationStatusChangedV1 {
  return {
    applicationId: randomUUID(),
    trackingNo: 'TESTTEST0',
    agencyCode: agency,
    agencyTimeZone: 'Asia/Jakarta',
    from: 'SUBMITTED',
    to: 'VERIFYING',
    changedAt: new Date().toISOString(),
  };
}
