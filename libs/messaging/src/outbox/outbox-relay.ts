import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { DataSource } from 'typeorm';
import { NatsClients } from '../nats.module';

const BATCH = 500;
const POLL_MS = 1000;
const BATCH_DELAY_MS = 2;

interface OutboxRow {
  id: string;
  subject: string;
  payload: unknown;
  headers: Record<string, string>;
}

/**
 * Publishes outbox rows to JetStream in commit order, each with `Nats-Msg-Id` = its event id,
 * so a row published twice (a crash between publish and delete) is dropped by JetStream.
 * Kicked after each commit; a timer picks up whatever a crash or another instance left.
 * `FOR UPDATE SKIP LOCKED` lets several instances of a service share one outbox.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private draining: Promise<void> | null = null;
  private again = false;
  private scheduled?: NodeJS.Timeout;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsClients,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.scheduled);
    await this.draining;
  }

  /**
   * Publish soon: within BATCH_DELAY_MS, so the commits of that moment leave as one batch (each
   * drain costs three queries, whatever its size). Calls while a drain runs coalesce into one more.
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
        await new Promise((resolve) =>
          setTimeout(resolve, this.failing ? 100 : BATCH_DELAY_MS + 1),
        );
      }
    }
    throw new Error(`outbox not empty after ${timeoutMs} ms`);
  }

  async pending(): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM outbox',
    );
    return row.n;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.publishBatch()) === BATCH) {
        // a full batch: there may be more
      }
      if (this.failing) this.logger.info('outbox relay publishing again');
      this.failing = false;
    } catch (error) {
      // Rows stay in the outbox; the timer retries. Log once per outage, not once per second.
      if (!this.failing)
        this.logger.warn({ err: error }, 'outbox relay cannot publish; will retry');
      this.failing = true;
    }
  }

  private publishBatch(): Promise<number> {
    // Deleted up front, inside the transaction: a failed publish rolls the delete back.
    return this.dataSource.transaction(async (manager) => {
      // Structured: TypeORM answers a plain DELETE … RETURNING with [rows, count].
      const runner = manager.queryRunner;
      if (!runner) throw new Error('outbox relay needs a transaction');
      const { records } = (await runner.query(
        `DELETE FROM outbox WHERE position IN (
           SELECT position FROM outbox ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id, subject, payload, headers, position`,
        [BATCH],
        true,
      )) as { records: (OutboxRow & { position: string })[] };
      const rows = records;
      if (rows.length === 0) return 0;
      rows.sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
      // One connection writes in call order, so JetStream stores them in outbox order.
      await Promise.all(
        rows.map((row) => {
          const h = natsHeaders();
          for (const [key, value] of Object.entries(row.headers)) h.set(key, value);
          return this.nats.js.publish(row.subject, JSON.stringify(row.payload), {
            msgID: row.id,
            headers: h,
          });
        }),
      );
      return rows.length;
    });
  }
}
