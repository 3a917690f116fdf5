import { Inject, Injectable } from '@nestjs/common';
import type { EventContract } from '@satupintu/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { EVENT_ID_HEADER, OCCURRED_AT_HEADER, propagationHeaders } from '../headers';
import { namespacedSubject } from '../namespace';
import { NATS_OPTIONS, type NatsOptions } from '../nats.module';
import { OutboxRelay } from './outbox-relay';

/** A database transaction that can also publish events: they leave only if it commits. */
export interface Transaction {
  manager: EntityManager;
  publish<T>(event: EventContract<T>, payload: T): void;
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
    const result = await this.dataSource.transaction(async (manager) => {
      const pending: PendingEvent[] = [];
      const value = await work({
        manager,
        publish: (event, payload) => pending.push(this.prepare(event, payload)),
      });
      await insertOutbox(manager, pending);
      wrote = pending.length;
      return value;
    });
    if (wrote > 0) this.relay.kick();
    return result;
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
