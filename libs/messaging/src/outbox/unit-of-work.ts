import { Inject, Injectable } from '@nestjs/common';
import type { EventContract } from '@satupintu/contracts';
import {
  executorOf,
  identifier,
  joinSql,
  sql,
  uniqueViolation,
  type Executor,
  type Sql,
} from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  IDEMPOTENCY_KEYS_PRIMARY_KEY,
  claimLost,
  completionOf,
  type IdempotencyClaim,
} from '../idempotency/idempotency';
import { EVENT_ID_HEADER, OCCURRED_AT_HEADER, propagationHeaders } from '../headers';
import { eventSubject } from '../namespace';
import { NATS_OPTIONS, type NatsOptions } from '../nats.module';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository, type ComputedFields, type OutboxEvent } from './outbox.repository';

/** An event to record with `writeWithEvents`; built by `outgoing`, which checks its payload type. */
export interface OutgoingEvent {
  event: EventContract<unknown>;
  payload: unknown;
  /** Payload fields the statement computes (`outgoingComputed`). */
  computed?: ComputedFields;
}

export function outgoing<T>(event: EventContract<T>, payload: T): OutgoingEvent {
  return { event, payload };
}

/**
 * An event of `writeReturningWithEvents` some of whose fields only its statement knows (a
 * number it draws): SQL over the statement's CTEs and `state`, its RETURNING row. The
 * event's routing and ordering keys must not be among them: they are taken from `payload`.
 */
export function outgoingComputed<T, K extends keyof T & string>(
  event: EventContract<T>,
  payload: Omit<T, K>,
  computed: Record<K, Sql>,
): OutgoingEvent {
  return { event, payload, computed };
}

/** How `writeWithEvents` and `writeReturningWithEvents` may record more than the events. */
export interface WriteOptions {
  /**
   * Records `response` under the request's `Idempotency-Key` (ADR 0017), with `computed`'s
   * fields set by SQL as in `outgoingComputed`.
   */
  completes?: {
    claim: IdempotencyClaim;
    response: unknown;
    computed?: ComputedFields;
  };
  /**
   * Common table expressions the statement reads (PostgreSQL takes data-modifying ones only
   * at the top level): `name AS (…)`, comma-separated, placed before `state`.
   */
  with?: Sql;
}

/**
 * A database transaction that can also publish events: they leave only if it commits. Run
 * statements through `query` / `execute` (typed `sql` statements).
 */
export interface Transaction extends Executor {
  /** For the few places that need TypeORM itself; repositories take the executor. */
  manager: EntityManager;
  publish<T>(event: EventContract<T>, payload: T): void;
  /** Calls `callback` once the transaction has committed; never if it rolls back. Must not throw. */
  afterCommit(callback: () => void): void;
}

/** An outbox row and the contract it was recorded by. */
type PreparedEvent = OutboxEvent & { contract: EventContract<unknown> };

export const PUBLISHED_EVENTS = Symbol('PUBLISHED_EVENTS');

/** An event as its transaction records it: what a tap sees. */
export interface RecordedEvent {
  /** The outbox's event id (`sp-event-id`): unique per event, the same on every redelivery. */
  id: string;
  event: EventContract<unknown>;
  payload: unknown;
  occurredAt: Date;
}

/**
 * More to write with recorded events, in their transaction: webhook deliveries of them, say
 * (ADR 0020). `statements` answers data-modifying statements (none: nothing to add); with
 * `when`, each must write only if that condition holds (it becomes a CTE of `writeWithEvents`'
 * single statement). `committed` runs after a commit that recorded events.
 */
export interface EventTap {
  statements(events: RecordedEvent[], when?: Sql): Sql[];
  committed?(): void;
}

/**
 * The transactional outbox: state and outgoing events are written in one transaction, and the
 * relay publishes the events after commit (and again after a crash, until JetStream acks).
 * Only the events the service declared (`EventsModule.forRoot({ publishes })`) may be recorded:
 * their streams were checked at start, so none can stall in the outbox for want of a stream.
 */
/**
 * Events recorded by one INSERT at most: a statement carries at most 65,535 parameters, five per
 * event here (and more in a tap's), so a transaction of 20,000 events (a deadline sweep with a
 * backlog) failed every time it ran. Larger transactions insert in parts, in order.
 */
export const EVENTS_PER_INSERT = 1000;

@Injectable()
export class UnitOfWork {
  private readonly declared: Set<string>;
  private readonly taps: EventTap[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    @Inject(NATS_OPTIONS) private readonly nats: NatsOptions,
    @Inject(PUBLISHED_EVENTS) published: EventContract<unknown>[],
  ) {
    this.declared = new Set(published.map((event) => event.subject));
  }

  /** Adds `tap` to every transaction that records events from now on (at module init). */
  tap(tap: EventTap): void {
    this.taps.push(tap);
  }

  async run<T>(work: (tx: Transaction) => Promise<T> | T): Promise<T> {
    let wrote = 0;
    const committed: (() => void)[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const pending: PreparedEvent[] = [];
      const db = executorOf(manager);
      const value = await work({
        ...db,
        manager,
        publish: (event, payload) => pending.push(this.prepare(event, payload)),
        afterCommit: (callback) => committed.push(callback),
      });
      for (let at = 0; at < pending.length; at += EVENTS_PER_INSERT) {
        const part = pending.slice(at, at + EVENTS_PER_INSERT);
        await db.execute(OutboxRepository.insert(part));
        for (const statement of this.tapped(part)) await db.execute(statement);
      }
      wrote = pending.length;
      return value;
    });
    if (wrote > 0) this.eventsCommitted();
    for (const callback of committed) callback();
    return result;
  }

  /**
   * The hot-path form of `run`: one INSERT or UPDATE (without RETURNING) and its events in a
   * single statement, so a single round trip and no open transaction. The events are recorded
   * only if the statement wrote a row (an `ON CONFLICT DO NOTHING` that skips records none).
   * With `completes`, the same statement records the answer under the request's
   * `Idempotency-Key` (ADR 0017); if another attempt has taken the key over, nothing is written
   * and the request is refused as in flight (409). Resolves with the number of rows written.
   */
  async writeWithEvents(
    statement: Sql,
    events: OutgoingEvent[],
    options: WriteOptions = {},
  ): Promise<number> {
    const [row] = await this.write<{ written: number }>(
      statement,
      sql`1`,
      sql`SELECT count(*)::int AS written FROM state`,
      events,
      options,
    );
    const written = row?.written ?? 0;
    this.wrote(written, events, options);
    return written;
  }

  /**
   * `writeWithEvents` for a statement whose outcome the caller, the events and the answer need
   * (a number it draws): answers its `returning` rows (none: it wrote nothing, and nothing was
   * recorded). Events from `outgoingComputed` and the answer's `computed` fields take their
   * values from `state`, the statement's RETURNING rows, in the same single round trip.
   */
  async writeReturningWithEvents<Row>(
    statement: Sql,
    returning: Sql,
    events: OutgoingEvent[],
    options: WriteOptions = {},
  ): Promise<Row[]> {
    const rows = await this.write<Row>(
      statement,
      returning,
      sql`SELECT * FROM state`,
      events,
      options,
    );
    this.wrote(rows.length, events, options);
    return rows;
  }

  private async write<Row>(
    statement: Sql,
    returning: Sql,
    select: Sql,
    events: OutgoingEvent[],
    { completes, with: ctes }: WriteOptions,
  ): Promise<Row[]> {
    const pending = events.map(({ event, payload, computed }) =>
      this.prepare(event, payload, computed),
    );
    const wrote = sql`EXISTS (SELECT 1 FROM state)`;
    const outbox =
      pending.length > 0 ? sql`, events AS (${OutboxRepository.insert(pending, wrote)})` : sql``;
    const tapped = this.tapped(pending, wrote).map(
      (tap, i) => sql`, ${identifier(`tap_${i}`)} AS (${tap})`,
    );
    const key = completes
      ? sql`, ${completionOf(completes.claim, completes.response, wrote, completes.computed)}`
      : sql``;
    try {
      return await executorOf(this.dataSource).query<Row>(
        sql`WITH ${ctes ? sql`${ctes}, ` : sql``}state AS (${statement} RETURNING ${returning})${outbox}${joinSql(tapped, sql``)}${key}
            ${select}`,
      );
    } catch (error) {
      if (completes && uniqueViolation(error) === IDEMPOTENCY_KEYS_PRIMARY_KEY) throw claimLost();
      throw error;
    }
  }

  private wrote(written: number, events: OutgoingEvent[], { completes }: WriteOptions): void {
    if (written > 0 && completes) completes.claim.completed = true;
    if (written > 0 && events.length > 0) this.eventsCommitted();
  }

  private tapped(pending: PreparedEvent[], when?: Sql): Sql[] {
    if (this.taps.length === 0 || pending.length === 0) return [];
    // A tap writes from the payload as this process has it: one the statement completes would
    // reach it incomplete.
    if (pending.some((row) => row.computed))
      throw new Error('an event with computed fields cannot be tapped');
    const recorded = pending.map((row): RecordedEvent => ({
      id: row.id,
      event: row.contract,
      payload: row.payload,
      occurredAt: new Date(row.headers[OCCURRED_AT_HEADER]),
    }));
    return this.taps.flatMap((tap) => tap.statements(recorded, when));
  }

  private eventsCommitted(): void {
    this.relay.kick();
    for (const tap of this.taps) tap.committed?.();
  }

  private prepare<T>(
    event: EventContract<T>,
    payload: T,
    computed?: ComputedFields,
  ): PreparedEvent {
    if (!this.declared.has(event.subject)) {
      throw new Error(
        `${this.nats.name} publishes ${event.subject} without declaring it (EventsModule.forRoot({ publishes }))`,
      );
    }
    const id = randomUUID();
    return {
      contract: event,
      id,
      subject: eventSubject(this.nats.namespace, event.subject, event.routingKey(payload)),
      orderingKey: event.orderingKey(payload),
      payload,
      ...(computed ? { computed } : {}),
      headers: {
        ...propagationHeaders(),
        [EVENT_ID_HEADER]: id,
        [OCCURRED_AT_HEADER]: new Date().toISOString(),
      },
    };
  }
}
