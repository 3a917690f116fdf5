import { Inject, Injectable } from '@nestjs/common';
import type { EventContract } from '@satupintu/contracts';
import { executorOf, type Executor } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { EVENT_ID_HEADER, OCCURRED_AT_HEADER, propagationHeaders } from '../headers';
import { namespacedSubject } from '../namespace';
import { NATS_OPTIONS, type NatsOptions } from '../nats.module';
import { OutboxRelay } from './outbox-relay';

/** An event to record with `writeWithEvents`; built by `outgoing`, which checks its payload type. */
export interface OutgoingEvent {
  event: EventContract<unknown>;
  payload: unknown;
}

export function outgoing<T>(event: EventContract<T>, payload: T): OutgoingEvent {
  return { event, payload };
}

/**
 * A database transaction that can also publish events: they leave only if it commits. Run
 * statements through `query` / `execute` (typed `sql` statements).
 */
export interface Transaction extends Executor {
  manager: EntityManager;
  publish<T>(event: EventContract<T>, payload: T): void;
  /** Calls `callback` once the transaction has committed; never if it rolls back. Must not throw. */
  afterCommit(callback: () => void): void;
}

interface PendingEvent {
  id: string;
  subject: string;
  payload: unknown;
  headers: Record<string, string>;
}

/**
 * The transactional outbox: state and outgoing events are written in one transaction, and the
 * relay publishes the events after commit (and again after a crash, until JetStream acks).
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    @Inject(NATS_OPTIONS) private readonly nats: NatsOptions,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T> | T): Promise<T> {
    let wrote = 0;
    const committed: (() => void)[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const pending: PendingEvent[] = [];
      const value = await work({
        ...executorOf(manager),
        manager,
        publish: (event, payload) => pending.push(this.prepare(event, payload)),
        afterCommit: (callback) => committed.push(callback),
      });
      await insertOutbox(manager, pending);
      wrote = pending.length;
      return value;
    });
    if (wrote > 0) this.relay.kick();
    for (const callback of committed) callback();
    return result;
  }

  /**
   * The hot-path form of `run`: one INSERT (or UPDATE) of state and its events in a single
   * statement, so a single round trip and no open transaction. The events are recorded only if
   * the statement wrote a row (an `ON CONFLICT DO NOTHING` that skips records none). Resolves
   * with the number of rows the statement wrote.
   */
  async writeWithEvents(
    statement: string,
    params: unknown[],
    events: OutgoingEvent[],
  ): Promise<number> {
    const pending = events.map(({ event, payload }) => this.prepare(event, payload));
    const values: unknown[] = [...params];
    const rows = pending.map((event) => {
      values.push(
        event.id,
        event.subject,
        JSON.stringify(event.payload),
        JSON.stringify(event.headers),
      );
      const p = values.length - 4;
      return `($${p + 1}::uuid, $${p + 2}, $${p + 3}::jsonb, $${p + 4}::jsonb)`;
    });
    const result = await this.dataSource.query<{ written: number }[]>(
      `WITH state AS (${statement} RETURNING 1),
            events AS (
              INSERT INTO outbox (id, subject, payload, headers)
              SELECT e.id, e.subject, e.payload, e.headers
                FROM (VALUES ${rows.join(', ')}) AS e (id, subject, payload, headers)
               WHERE EXISTS (SELECT 1 FROM state)
            )
       SELECT count(*)::int AS written FROM state`,
      values,
    );
    const written = result[0]?.written ?? 0;
    if (written > 0 && pending.length > 0) this.relay.kick();
    return written;
  }

  private prepare<T>(event: EventContract<T>, payload: T): PendingEvent {
    const id = randomUUID();
    return {
      id,
      subject: namespacedSubject(
        this.nats.namespace,
        `${event.subject}.${event.routingKey(payload)}`,
      ),
      payload,
      headers: {
        ...propagationHeaders(),
        [EVENT_ID_HEADER]: id,
        [OCCURRED_AT_HEADER]: new Date().toISOString(),
      },
    };
  }
}

async function insertOutbox(manager: EntityManager, events: PendingEvent[]): Promise<void> {
  if (events.length === 0) return;
  const values: unknown[] = [];
  const rows = events.map((event, i) => {
    values.push(
      event.id,
      event.subject,
      JSON.stringify(event.payload),
      JSON.stringify(event.headers),
    );
    const p = i * 4;
    return `($${p + 1}, $${p + 2}, $${p + 3}::jsonb, $${p + 4}::jsonb)`;
  });
  await manager.query(
    `INSERT INTO outbox (id, subject, payload, headers) VALUES ${rows.join(', ')}`,
    values,
  );
}
