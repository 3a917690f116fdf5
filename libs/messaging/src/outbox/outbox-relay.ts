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
    await this.draining;
  }

  /** Publish soon. Calls while a drain runs coalesce into one more drain. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
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
        if (this.failing) await new Promise((resolve) => setTimeout(resolve, 100));
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
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<OutboxRow[]>(
        'SELECT id, subject, payload, headers FROM outbox ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED',
        [BATCH],
      );
      if (rows.length === 0) return 0;
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
      await manager.query('DELETE FROM outbox WHERE id = ANY($1::uuid[])', [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }
}
