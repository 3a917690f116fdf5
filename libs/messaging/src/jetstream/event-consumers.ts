import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { EventContract } from '@satupintu/contracts';
import {
  LOGGER,
  ServiceMetrics,
  contextFromHeaders,
  runInContext,
  type AppLogger,
} from '@satupintu/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EVENT_ID_HEADER, OCCURRED_AT_HEADER } from '../headers';
import { claimInbox } from '../inbox/inbox';
import { namespacedSubject, streamName } from '../namespace';
import { NatsClients } from '../nats.module';
import { UnitOfWork, type Transaction } from '../outbox/unit-of-work';

export interface EventMeta {
  eventId: string;
  subject: string;
  occurredAt?: string;
  /** 1 on first delivery. */
  delivery: number;
}

export interface EventHandlerSpec<T> {
  event: EventContract<T>;
  /** Durable consumer name: unique per consuming service (and per agency deployment). */
  durable: string;
  /** Only events with this routing key (e.g. one agency's); all when omitted. */
  routingKey?: string;
  /**
   * Events with the same key are handled one after another, in stream order; events with
   * different keys run side by side, up to `concurrency`. Without a key, one at a time.
   */
  orderingKey?(payload: T): string;
  concurrency?: number;
  /** Runs inside the transaction that records the message in the inbox; publish through `tx`. */
  handle(payload: T, tx: Transaction, meta: EventMeta): Promise<void> | void;
}

const SECOND_NS = 1_000_000_000;

/**
 * Durable JetStream consumers with exactly-once effects: each message is processed in one
 * database transaction together with its inbox row, then acked. A redelivery or a duplicate
 * publish finds the inbox row and is only acked. A failure is retried with backoff, forever:
 * an event that must not be lost is never dropped for being difficult.
 */
@Injectable()
export class EventConsumers implements OnModuleDestroy {
  private readonly running: { messages: ConsumerMessages; loop: Promise<void> }[] = [];

  constructor(
    private readonly nats: NatsClients,
    private readonly unitOfWork: UnitOfWork,
    private readonly metrics: ServiceMetrics,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async start<T>(spec: EventHandlerSpec<T>): Promise<void> {
    const stream = streamName(this.nats.namespace, spec.event.stream);
    const filter = namespacedSubject(
      this.nats.namespace,
      `${spec.event.subject}.${spec.routingKey ?? '*'}`,
    );
    await this.nats.jsm.consumers.add(stream, {
      durable_name: spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filter,
      ack_wait: 30 * SECOND_NS,
      max_deliver: -1,
      max_ack_pending: 1000,
    });
    const consumer = await this.nats.js.consumers.get(stream, spec.durable);
    const messages = await consumer.consume({ max_messages: 256 });
    const loop = this.dispatch(spec, messages).catch((error: unknown) =>
      this.logger.error({ err: error, durable: spec.durable }, 'consumer stopped'),
    );
    this.running.push({ messages, loop });
    this.logger.info({ durable: spec.durable, filter }, 'consuming');
  }

  async onModuleDestroy(): Promise<void> {
    for (const { messages } of this.running) await messages.close().catch(() => undefined);
    await Promise.all(this.running.map(({ loop }) => loop));
    this.running.length = 0;
  }

  private async dispatch<T>(spec: EventHandlerSpec<T>, messages: ConsumerMessages): Promise<void> {
    const limit = spec.orderingKey ? Math.max(1, spec.concurrency ?? 16) : 1;
    const inFlight = new Set<Promise<void>>();
    const tails = new Map<string, Promise<void>>();
    for await (const message of messages) {
      while (inFlight.size >= limit) await Promise.race(inFlight);
      const payload = await this.decode(spec.event, message);
      const key = payload && spec.orderingKey ? spec.orderingKey(payload) : '';
      const run = (tails.get(key) ?? Promise.resolve()).then(() =>
        this.process(spec, message, payload),
      );
      tails.set(key, run);
      inFlight.add(run);
      void run.finally(() => {
        inFlight.delete(run);
        if (tails.get(key) === run) tails.delete(key);
      });
    }
    await Promise.all(inFlight);
  }

  private async process<T>(
    spec: EventHandlerSpec<T>,
    message: JsMsg,
    payload: T | undefined,
  ): Promise<void> {
    const header = (name: string) => message.headers?.get(name) || undefined;
    const subject = spec.event.subject;
    const meta: EventMeta = {
      eventId:
        header(EVENT_ID_HEADER) ?? header('Nats-Msg-Id') ?? `${message.info.stream}:${message.seq}`,
      subject: message.subject,
      occurredAt: header(OCCURRED_AT_HEADER),
      delivery: message.info.deliveryCount,
    };
    await runInContext(contextFromHeaders(header), async () => {
      if (!payload) {
        // Retrying cannot make it valid. It stays in the stream (at this sequence) for inspection.
        this.logger.error(
          { subject: message.subject, seq: message.seq, eventId: meta.eventId },
          'invalid event rejected',
        );
        this.metrics.messagesHandled.inc({ subject, outcome: 'rejected' });
        message.term('invalid payload');
        return;
      }
      try {
        const processed = await this.unitOfWork.run(async (tx) => {
          if (!(await claimInbox(tx.manager, spec.durable, meta.eventId))) return false;
          await spec.handle(payload, tx, meta);
          return true;
        });
        message.ack();
        this.metrics.messagesHandled.inc({
          subject,
          outcome: processed ? 'processed' : 'duplicate',
        });
        this.logger.debug(
          { eventId: meta.eventId, durable: spec.durable, subject: message.subject },
          processed ? 'event processed' : 'duplicate ignored',
        );
      } catch (error) {
        const delayMs = Math.min(1000 * 2 ** Math.min(meta.delivery - 1, 6), 60_000);
        this.logger.warn(
          { err: error, eventId: meta.eventId, delivery: meta.delivery, delayMs },
          'event handling failed; will retry',
        );
        this.metrics.messagesHandled.inc({ subject, outcome: 'retried' });
        message.nak(delayMs);
      }
    });
  }

  private async decode<T>(event: EventContract<T>, message: JsMsg): Promise<T | undefined> {
    let json: unknown;
    try {
      json = message.json();
    } catch {
      return undefined;
    }
    if (typeof json !== 'object' || json === null) return undefined;
    const payload = plainToInstance(event.payload, json);
    const errors = await validate(payload as object);
    return errors.length === 0 ? payload : undefined;
  }
}
