import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { EventContract } from '@satupintu/contracts';
import {
  LOGGER,
  ServiceMetrics,
  contextFromHeaders,
  runInContext,
  type AppLogger,
  type RequestContext,
} from '@satupintu/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EVENT_ID_HEADER, OCCURRED_AT_HEADER } from '../headers';
import { claimInboxBatch } from '../inbox/inbox';
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
   * Runs inside the transaction that records the message in the inbox; write through
   * `tx.manager`, publish through `tx.publish`. Handlers of one batch share that transaction
   * and run one after another in stream order, so a handler sees what earlier ones wrote.
   */
  handle(payload: T, tx: Transaction, meta: EventMeta): Promise<void> | void;
}

interface Delivery<T> {
  message: JsMsg;
  payload: T | undefined;
  meta: EventMeta;
  context: RequestContext;
}

const SECOND_NS = 1_000_000_000;
/** Messages handled in one transaction at most; under load, what arrived together goes together. */
const MAX_BATCH = 64;
/** Messages taken off the stream but not yet handled, before the consumer stops pulling. */
const MAX_QUEUED = 512;

/**
 * Durable JetStream consumers with exactly-once effects. Messages are handled in batches (all
 * that arrived together, up to MAX_BATCH), in stream order, in one database transaction that
 * also records each message id in the inbox; then they are acked. A redelivered or duplicate
 * message finds its inbox row and is only acked. If a batch fails, its messages are retried one
 * by one, so one bad message holds back only itself; that one is retried with backoff, forever:
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

  /** Reads the stream into a queue; a worker handles what has queued up, a batch at a time. */
  private async dispatch<T>(spec: EventHandlerSpec<T>, messages: ConsumerMessages): Promise<void> {
    const queue: Delivery<T>[] = [];
    let wake: (() => void) | undefined;
    let drained: (() => void) | undefined;
    let finished = false;
    const worker = (async () => {
      for (;;) {
        if (queue.length === 0) {
          drained?.();
          if (finished) return;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        // Let the rest of this delivery arrive: a pull brings many messages at once.
        await new Promise((resolve) => setImmediate(resolve));
        try {
          await this.handleBatch(spec, queue.splice(0, MAX_BATCH));
        } catch (error) {
          // Unacked messages come back after the ack wait; the worker must live on to take them.
          this.logger.error({ err: error, durable: spec.durable }, 'batch not handled');
        }
      }
    })();
    for await (const message of messages) {
      queue.push(await this.receive(spec, message));
      wake?.();
      wake = undefined;
      if (queue.length >= MAX_QUEUED) await new Promise<void>((resolve) => (drained = resolve));
    }
    finished = true;
    wake?.();
    await worker;
  }

  private async receive<T>(spec: EventHandlerSpec<T>, message: JsMsg): Promise<Delivery<T>> {
    const header = (name: string) => message.headers?.get(name) || undefined;
    return {
      message,
      payload: await this.decode(spec.event, message),
      meta: {
        eventId:
          header(EVENT_ID_HEADER) ??
          header('Nats-Msg-Id') ??
          `${message.info.stream}:${message.seq}`,
        subject: message.subject,
        occurredAt: header(OCCURRED_AT_HEADER),
        delivery: message.info.deliveryCount,
      },
      context: contextFromHeaders(header),
    };
  }

  private async handleBatch<T>(spec: EventHandlerSpec<T>, batch: Delivery<T>[]): Promise<void> {
    const subject = spec.event.subject;
    const valid = batch.filter((delivery) => {
      if (delivery.payload) return true;
      // Retrying cannot make it valid. It stays in the stream (at this sequence) for inspection.
      runInContext(delivery.context, () =>
        this.logger.error(
          {
            subject: delivery.meta.subject,
            seq: delivery.message.seq,
            eventId: delivery.meta.eventId,
          },
          'invalid event rejected',
        ),
      );
      this.metrics.messagesHandled.inc({ subject, outcome: 'rejected' });
      delivery.message.term('invalid payload');
      return false;
    });
    if (valid.length === 0) return;
    try {
      const processed = await this.unitOfWork.run(async (tx) => {
        const fresh = await claimInboxBatch(
          tx.manager,
          spec.durable,
          valid.map((delivery) => delivery.meta.eventId),
        );
        // `delete`: the same event twice in one batch is handled once.
        const handled = new Set<Delivery<T>>();
        for (const delivery of valid) {
          if (!fresh.delete(delivery.meta.eventId)) continue;
          handled.add(delivery);
          await runInContext(delivery.context, () =>
            spec.handle(delivery.payload as T, tx, delivery.meta),
          );
        }
        return handled;
      });
      for (const delivery of valid) {
        delivery.message.ack();
        const outcome = processed.has(delivery) ? 'processed' : 'duplicate';
        this.metrics.messagesHandled.inc({ subject, outcome });
        runInContext(delivery.context, () =>
          this.logger.debug(
            {
              eventId: delivery.meta.eventId,
              durable: spec.durable,
              subject: delivery.meta.subject,
            },
            outcome === 'processed' ? 'event processed' : 'duplicate ignored',
          ),
        );
      }
    } catch (error) {
      if (valid.length > 1) {
        // Find the one that failed: the others go through on their own.
        for (const delivery of valid) await this.handleBatch(spec, [delivery]);
        return;
      }
      const [{ message, meta, context }] = valid;
      const delayMs = Math.min(1000 * 2 ** Math.min(meta.delivery - 1, 6), 60_000);
      runInContext(context, () =>
        this.logger.warn(
          { err: error, eventId: meta.eventId, delivery: meta.delivery, delayMs },
          'event handling failed; will retry',
        ),
      );
      this.metrics.messagesHandled.inc({ subject, outcome: 'retried' });
      message.nak(delayMs);
    }
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
