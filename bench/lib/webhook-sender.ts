/**
 * The webhook sender of the bench: `@satupintu/webhooks` in a process of its own, as a service
 * would run it (its own pool of 20, the default worker options), on a throwaway database.
 *
 * At start: migrates (`CreateWebhooks1765400000000`, `RotateWebhookSecrets1765600000200`, `KeepWebhookAnswers1765800000500`), creates one subscription to the receiver,
 * and enqueues BENCH_DELIVERIES events over BENCH_APPLICATIONS ordering keys (one event per key
 * per transaction, as events of many applications arrive interleaved); then `GET /ready` answers
 * 200 with the subscription's secret. `POST /run` starts the worker and answers, once nothing is
 * pending, what the database recorded: the figures are the database's, not this process's.
 *
 *   BENCH_PG_URL=… BENCH_RECEIVER_URL=… BENCH_PORT=… node dist/bench/lib/webhook-sender.js
 */
import { migrate, postgresOptions, executorOf, sql, type Executor } from '@satupintu/persistence';
import {
  CreateWebhooks1765400000000,
  RotateWebhookSecrets1765600000200,
  KeepWebhookAnswers1765800000500,
  DEFAULT_DELIVERY_WORKER_OPTIONS,
  DeliveryWorker,
  createSubscription,
  enqueueDeliveries,
} from '@satupintu/webhooks';
import Fastify from 'fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { exitWithParent, requiredEnv } from '../baselines/shared';

/** What `POST /run` answers. */
export interface WebhookRunResult {
  enqueued: number;
  delivered: number;
  /** Pending or dead when the run ended (must be 0). */
  undelivered: number;
  /** Deliveries that took more than one attempt (must be 0: the receiver always answers 204). */
  retried: number;
  /** From the worker's start to the last delivery, by the database's clock. */
  wallMs: number;
  /** Each attempt's HTTP round trip as the worker timed it. */
  attemptP50: number;
  attemptP99: number;
  /** From the worker's claim of a delivery to its settling (the batch's slowest holds it). */
  claimedToDeliveredP50: number;
  claimedToDeliveredP99: number;
}

/** A run that has not delivered everything by then answers what it has (the bench flags it). */
const RUN_TIMEOUT_MS = 120_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function enqueue(
  dataSource: DataSource,
  scope: string,
  deliveries: number,
  applications: number,
): Promise<void> {
  const rounds = Math.ceil(deliveries / applications);
  const keys = Array.from({ length: applications }, () => randomUUID());
  for (let n = 0; n < rounds; n++) {
    await dataSource.transaction(async (manager) => {
      const tx = executorOf(manager);
      for (const [i, key] of keys.entries()) {
        if (n * applications + i >= deliveries) break;
        await enqueueDeliveries(tx, {
          id: randomUUID(),
          type: 'ApplicationStatusChanged.v1',
          scope,
          orderingKey: key,
          occurredAt: new Date(),
          // About the size of an agency's status event.
          data: {
            key,
            n,
            applicationId: key,
            trackingNo: `B${String(i).padStart(8, '0')}`,
            serviceCode: 'DUKCAPIL-KK',
            from: 'VERIFYING',
            to: 'IN_REVIEW',
            sequence: n + 1,
            changedAt: new Date().toISOString(),
          },
        });
      }
    });
  }
}

async function results(db: Executor, startedAt: Date): Promise<WebhookRunResult> {
  const [row] = await db.query(sql<WebhookRunResult>`
    SELECT count(*)::int AS enqueued,
           count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
           count(*) FILTER (WHERE status <> 'delivered')::int AS undelivered,
           count(*) FILTER (WHERE attempts > 1)::int AS retried,
           coalesce(extract(epoch FROM max(delivered_at) - ${startedAt.toISOString()}::timestamptz)
                    * 1000, 0)::float8 AS "wallMs",
           coalesce(percentile_cont(0.5) WITHIN GROUP (
             ORDER BY extract(epoch FROM delivered_at - first_attempt_at) * 1000), 0)::float8
             AS "claimedToDeliveredP50",
           coalesce(percentile_cont(0.99) WITHIN GROUP (
             ORDER BY extract(epoch FROM delivered_at - first_attempt_at) * 1000), 0)::float8
             AS "claimedToDeliveredP99",
           (SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms), 0)
              FROM webhook_attempts)::float8 AS "attemptP50",
           (SELECT coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms), 0)
              FROM webhook_attempts)::float8 AS "attemptP99"
      FROM webhook_deliveries`);
  return row;
}

async function main(): Promise<void> {
  const port = Number(requiredEnv('BENCH_PORT'));
  const receiverUrl = requiredEnv('BENCH_RECEIVER_URL');
  const deliveries = Number(process.env.BENCH_DELIVERIES ?? 20_000);
  const applications = Number(process.env.BENCH_APPLICATIONS ?? 2000);
  const url = new URL(requiredEnv('BENCH_PG_URL'));
  const database = url.pathname.slice(1);
  url.pathname = '/';
  const dataSource = await migrate(
    await new DataSource(
      postgresOptions({
        serverUrl: url.toString(),
        database,
        entities: [],
        migrations: [
          CreateWebhooks1765400000000,
          RotateWebhookSecrets1765600000200,
          KeepWebhookAnswers1765800000500,
        ],
      }),
    ).initialize(),
  );
  const db = executorOf(dataSource);
  const secretKey = randomBytes(32);
  const scope = 'DUKCAPIL';
  const { secret } = await createSubscription(
    db,
    { owner: 'bench', scope, url: receiverUrl },
    // The receiver is on this machine's loopback, which production refuses (SSRF).
    { secretKey, allowHttp: true, allowPrivateTargets: true },
  );
  const setupStarted = Date.now();
  await enqueue(dataSource, scope, deliveries, applications);
  const setupMs = Date.now() - setupStarted;
  const worker = new DeliveryWorker(db, {
    ...DEFAULT_DELIVERY_WORKER_OPTIONS,
    secretKey,
    allowPrivateTargets: true,
  });

  const app = Fastify({ logger: false });
  app.get('/ready', () => Promise.resolve({ secret, enqueueMs: setupMs }));
  app.post('/run', async () => {
    const [{ now }] = await db.query(sql<{ now: Date }>`SELECT clock_timestamp() AS now`);
    worker.start();
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const [{ pending }] = await db.query(sql<{ pending: number }>`
        SELECT count(*)::int AS pending FROM webhook_deliveries WHERE status = 'pending'`);
      if (pending === 0) break;
      await sleep(100);
    }
    await worker.stop();
    return results(db, now);
  });
  await app.listen({ port, host: '127.0.0.1' });
  exitWithParent(async () => {
    await worker.stop(1000);
    await app.close();
    await dataSource.destroy();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`webhook-sender: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
