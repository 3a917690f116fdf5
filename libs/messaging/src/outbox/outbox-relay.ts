import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { JetStreamApiError } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { LOGGER, OutageLog, ServiceMetrics, type AppLogger } from '@satupintu/common';
import { executorOf } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { NatsClients } from '../nats.module';
import { OutboxRepository, type OutboxRow, type ReturningRow } from './outbox.repository';

const BATCH = 500;
const POLL_MS = 1000;
const BATCH_DELAY_MS = 2;
/** A rejected row is retried after 1, 2, 4 … seconds, at most a minute apart. */
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 60_000;

export function rowRetryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_BASE_MS * 2 ** Math.max(attempts - 1, 0), RETRY_MAX_MS);
  // ±20 % so rows rejected together do not come back together.
  return Math.round(ceiling * (0.8 + 0.4 * random()));
}

interface Published {
  published: OutboxRow[];
  failed: { row: OutboxRow; error: unknown }[];
}

/**
 * Publishes outbox rows to JetStream, each with `Nats-Msg-Id` = its event id, so a row published
 * twice (a crash between publish and delete) is dropped by JetStream. Kicked after each commit,
 * on reconnect, and by a timer that picks up whatever a crash or another instance left.
 *
 * Order is kept per ordering key (an application): rows of one key are published one after the
 * other, each after the previous one's ack; different keys go together. One instance relays at a
 * time (a transaction-scoped advisory lock), so replicas cannot reorder a key between them. A row
 * JetStream rejects is retried with backoff and holds back only the later rows of its key; while
 * NATS itself is away nothing is marked, and the relay tries again when it returns.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private draining: Promise<void> | null = null;
  private again = false;
  private scheduled?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsClients,
    private readonly metrics: ServiceMetrics,
    private readonly outages: OutageLog,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.kick();
      void this.updateGauges();
    }, POLL_MS);
    this.timer.unref();
    this.nats.onReconnect(() => this.kick());
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.scheduled);
    await this.draining;
  }

  /**
   * Publish soon: within BATCH_DELAY_MS, so the commits of that moment leave as one batch.
   * Calls while a drain runs coalesce into one more.
   */
  kick(): void {
    if (this.stopped || this.scheduled) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      this.startDrain();
    }, BATCH_DELAY_MS);
  }

  private startDrain(): void {
    if (this.stopped || this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves when the outbox is empty (tests, orderly shutdown); rejects if it stays full. */
  async flush(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.draining) {
        await this.draining;
      } else if ((await this.pending()) === 0) {
        return;
      } else {
        this.kick();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    throw new Error(`outbox not empty after ${timeoutMs} ms`);
  }

  async pending(): Promise<number> {
    return (await OutboxRepository.counts(executorOf(this.dataSource))).pending;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.publishBatch()) === BATCH) {
        // a full batch: there may be more
      }
    } catch (error) {
      // Rows stay in the outbox; the timer and the reconnect retry. The outage log speaks once.
      this.outages.failed(this.nats.isConnected() ? 'database' : 'messaging', error);
    }
  }

  /** Once a second, not after every drain: a count of the outbox costs a query. */
  private async updateGauges(): Promise<void> {
    try {
      const counts = await OutboxRepository.counts(executorOf(this.dataSource));
      this.metrics.outboxRows.set({ state: 'pending' }, counts.pending);
      this.metrics.outboxRows.set({ state: 'failing' }, counts.failing);
    } catch {
      // The database is away: the drain's own failure speaks for it.
    }
  }

  /** One batch in one transaction: answers how many rows it took. */
  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const db = executorOf(manager);
      // Empty too when another instance holds the relay lock: the timer comes back.
      const rows = await OutboxRepository.takeDue(db, BATCH);
      if (rows.length === 0) return 0;
      const { published, failed } = await this.publish(rows);
      if (failed.length === 0) {
        this.outages.recovered('messaging');
        return rows.length;
      }
      const done = new Set(published);
      const refusals = await this.refusals(failed);
      // Failed rows, and the rows of their keys that were not tried behind them, go back.
      await OutboxRepository.putBack(
        db,
        rows
          .filter((row) => !done.has(row))
          .map((row): ReturningRow => {
            const failure = refusals.get(row);
            return failure ? { row, failure } : { row };
          }),
      );
      this.reportFailures(failed, refusals);
      return rows.length;
    });
  }

  /** Each key's rows in order, each after the previous one's ack; keys side by side. */
  private async publish(rows: OutboxRow[]): Promise<Published> {
    const byKey = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const list = byKey.get(row.orderingKey);
      if (list) list.push(row);
      else byKey.set(row.orderingKey, [row]);
    }
    const result: Published = { published: [], failed: [] };
    await Promise.all(
      [...byKey.values()].map(async (keyRows) => {
        for (const row of keyRows) {
          try {
            await this.nats.whileConnected(this.publishRow(row));
            result.published.push(row);
          } catch (error) {
            result.failed.push({ row, error });
            return; // the later rows of this key wait behind it
          }
        }
      }),
    );
    return result;
  }

  private publishRow(row: OutboxRow) {
    const h = natsHeaders();
    for (const [key, value] of Object.entries(row.headers)) h.set(key, value);
    return this.nats.js.publish(row.subject, JSON.stringify(row.payload), {
      msgID: row.id,
      headers: h,
    });
  }

  /**
   * A failure is the row's own (JetStream refused it: no stream for its subject, too large, a
   * stream limit) or an outage (NATS or JetStream away, no answer). A refused row is retried
   * with backoff; rows of an outage go back as they were, to go as soon as NATS is back.
   */
  private async refusals(
    failed: Published['failed'],
  ): Promise<Map<OutboxRow, { retryInMs: number; error: string }>> {
    const jetStreamAnswers = failed.some(({ error }) => isNoResponders(error))
      ? await this.jetStreamAnswers()
      : true;
    return new Map(
      failed
        .filter(({ error }) => this.isRefusal(error, jetStreamAnswers))
        .map(({ row, error }) => [
          row,
          { retryInMs: rowRetryDelayMs(row.attempts + 1), error: describe(error) },
        ]),
    );
  }

  private reportFailures(
    failed: Published['failed'],
    refusals: Map<OutboxRow, { retryInMs: number; error: string }>,
  ): void {
    const outage = failed.filter(({ row }) => !refusals.has(row));
    if (outage.length > 0) {
      this.metrics.outboxPublishFailures.inc({ reason: 'outage' }, outage.length);
      this.outages.failed('messaging', outage[0].error);
    }
    if (refusals.size === 0) return;
    this.metrics.outboxPublishFailures.inc({ reason: 'rejected' }, refusals.size);
    for (const [row, { retryInMs, error }] of refusals) {
      const attempts = row.attempts + 1;
      // First failure, then every power of two: a row stuck for a day logs a dozen lines, not 1 440.
      if ((attempts & (attempts - 1)) !== 0) continue;
      this.logger.warn(
        { eventId: row.id, subject: row.subject, attempts, retryInMs, error },
        'outbox row refused by JetStream; later events of its application wait behind it',
      );
    }
  }

  private isRefusal(error: unknown, jetStreamAnswers: boolean): boolean {
    if (!this.nats.isConnected()) return false;
    if (error instanceof JetStreamApiError) return true;
    // "No responders": no stream captures the subject (the row's fault) or JetStream is away.
    if (isNoResponders(error)) return jetStreamAnswers;
    const text = describe(error);
    return !/timeout|connection|disconnect|closed|draining/i.test(text);
  }

  private async jetStreamAnswers(): Promise<boolean> {
    try {
      await this.nats.whileConnected(this.nats.jsm.getAccountInfo());
      return true;
    } catch {
      return false;
    }
  }
}

/** JetStream's "no responders" (it names it JetStreamNotEnabled, but does not export the class). */
function isNoResponders(error: unknown): boolean {
  return error instanceof Error && error.name === 'JetStreamNotEnabled';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
