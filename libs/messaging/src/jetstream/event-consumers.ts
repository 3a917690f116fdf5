import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import type { EventContract, StreamContract } from '@satupintu/contracts';
import {
  LOGGER,
  ServiceMetrics,
  contextFromMessage,
  runInContext,
  type AppLogger,
  type RequestContext,
} from '@satupintu/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { failpoint } from '../failpoints';
import { EVENT_ID_HEADER, OCCURRED_AT_HEADER } from '../headers';
import { claimInboxBatch, countHandled } from '../inbox/inbox';
import { consumerFilter, streamName } from '../namespace';
import { NatsClients } from '../nats.module';
import { UnitOfWork, type Transaction } from '../outbox/unit-of-work';
import { ensureStreams } from './streams';

export interface EventMeta {
  eventId: string;
  subject: string;
  occurredAt?: string;
  /** 1 on first delivery. */
  delivery: number;
  /** Who caused the event, with what intent: the context of the work that published it. */
  caller: RequestContext;
}

export type HandleEvent<T> = (payload: T, tx: Transaction, meta: EventMeta) => Promise<void> | void;

/** One entry of a consumer's map from event type to handler; built by `on`. */
export interface EventHandler {
  readonly event: EventContract<unknown>;
  readonly handle: HandleEvent<unknown>;
}

/**
 * Ties a handler to an event type: the payload type of `handle` is the contract's, so a wrong
 * pairing does not compile. `handle` runs inside the transaction that records the message in
 * the inbox; write through `tx`, publish through `tx.publish`. Handlers of one batch share that
 * transaction and run one after another in stream order, so a handler sees what earlier ones wrote.
 */
export function on<T>(event: EventContract<T>, handle: HandleEvent<T>): EventHandler {
  return { event, handle } as unknown as EventHandler;
}

export interface ConsumerSpec {
  stream: StreamContract;
  /** One per event type this consumer handles; other events of the stream are acked and skipped. */
  handlers: EventHandler[];
  /** Only events with this routing token (one agency's); all when omitted. */
  routingKey?: string;
  /** Durable consumer name; by default `<service>-<stream>` (`tracking-agency`). */
  durable?: string;
}

interface Delivery {
  message: JsMsg;
  handler?: EventHandler;
  /** Undefined: the payload is invalid, or no handler wants this subject. */
  payload?: unknown;
  key: string;
  meta: EventMeta;
  /** In-process attempts that failed, for the backoff. */
  failures: number;
  /** When it arrived here (ms), so only what stays a while is reported as in progress. */
  receivedAt: number;
}

const SECOND_NS = 1_000_000_000;
/** Messages handled in one transaction at most; under load, what arrived together goes together. */
const MAX_BATCH = 64;
/** Messages taken off the stream but not yet handled, before the consumer stops pulling. */
const MAX_QUEUED = 512;
/**
 * A message a consumer took and did not ack comes back after this long: seconds after the
 * consumer died. While it is held (queued, in work, or waiting behind a failing one) the
 * consumer says it is still working on it, every third of that.
 */
export const ACK_WAIT_MS = 6000;
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 60_000;
const RESTART_MAX_MS = 10_000;

/** The event subject of a message: without namespace, `events` and routing token. */
function eventSubjectOf(subject: string): string {
  return subject.split('.').slice(2, 6).join('.');
}

/**
 * Durable JetStream consumers with exactly-once effects: one durable consumer per stream (and
 * routing token), and a map from event type to handler, so the events of one application are
 * handled in the order they were published, whatever their types.
 *
 * Messages are handled in batches (all that arrived together, up to MAX_BATCH), in stream order,
 * in one database transaction that also records each message id in the inbox; then they are
 * acked. A redelivered or duplicate message finds its inbox row and is only acked. If a batch
 * fails, its messages are tried one by one; one that fails is retried in this process with
 * backoff, forever (an event that must not be lost is never dropped for being difficult), and the
 * later messages of its ordering key (its application) wait behind it, in order, while every
 * other application's go on.
 */
@Injectable()
export class EventConsumers implements OnModuleDestroy {
  private readonly running: StreamConsumer[] = [];

  constructor(
    private readonly nats: NatsClients,
    private readonly unitOfWork: UnitOfWork,
    private readonly metrics: ServiceMetrics,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async start(spec: ConsumerSpec): Promise<void> {
    const consumer = new StreamConsumer(
      spec,
      spec.durable ?? `${this.nats.options.name}-${spec.stream.name.toLowerCase()}`,
      this.nats,
      this.unitOfWork,
      this.metrics,
      this.logger,
    );
    await consumer.start();
    this.running.push(consumer);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.running.map((consumer) => consumer.stop()));
    this.running.length = 0;
  }
}

class StreamConsumer {
  private readonly handlers = new Map<string, EventHandler>();
  private readonly queue: Delivery[] = [];
  private inFlight: Delivery[] = [];
  /** Ordering keys whose oldest message failed: it first, then the later ones, in order. */
  private readonly held = new Map<string, Delivery[]>();
  private readonly dueRetries: string[] = [];
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private messages?: ConsumerMessages;
  private wake?: () => void;
  private roomInQueue?: () => void;
  private stopped = false;
  private loop?: Promise<void>;
  private worker?: Promise<void>;
  private heartbeat?: NodeJS.Timeout;
  private readonly stream: string;
  private readonly filter: string;

  constructor(
    private readonly spec: ConsumerSpec,
    private readonly durable: string,
    private readonly nats: NatsClients,
    private readonly unitOfWork: UnitOfWork,
    private readonly metrics: ServiceMetrics,
    private readonly logger: AppLogger,
  ) {
    for (const handler of spec.handlers) {
      if (handler.event.stream.name !== spec.stream.name)
        throw new Error(`${handler.event.subject} is not on stream ${spec.stream.name}`);
      if (this.handlers.has(handler.event.subject))
        throw new Error(`${durable} has two handlers for ${handler.event.subject}`);
      this.handlers.set(handler.event.subject, handler);
    }
    this.stream = streamName(nats.namespace, spec.stream.name);
    this.filter = consumerFilter(nats.namespace, spec.stream.space, spec.routingKey);
  }

  async start(): Promise<void> {
    await this.ensureConsumer();
    this.worker = this.work();
    this.heartbeat = setInterval(() => this.stillWorking(), ACK_WAIT_MS / 3);
    this.heartbeat.unref();
    this.loop = this.pull();
    this.logger.info({ durable: this.durable, filter: this.filter }, 'consuming');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    clearInterval(this.heartbeat);
    await this.messages?.close().catch(() => undefined);
    this.roomInQueue?.();
    this.wake?.();
    await this.loop;
    await this.worker;
  }

  private async ensureConsumer(): Promise<void> {
    await ensureStreams(
      this.nats,
      [...this.handlers.values()].map((handler) => handler.event),
    );
    const config = {
      durable_name: this.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: this.filter,
      ack_wait: (ACK_WAIT_MS / 1000) * SECOND_NS,
      max_deliver: -1,
      max_ack_pending: 1000,
    };
    try {
      await this.nats.jsm.consumers.add(this.stream, config);
    } catch (error) {
      // Created by an earlier release with other settings: bring it up to date.
      if (!(error instanceof JetStreamApiError)) throw error;
      await this.nats.jsm.consumers.update(this.stream, this.durable, {
        ack_wait: config.ack_wait,
        max_ack_pending: config.max_ack_pending,
      });
    }
  }

  /**
   * Reads the stream into the queue. If the subscription ends while the service runs (NATS
   * lost the consumer, a long outage), it is set up again, however long that takes.
   */
  private async pull(): Promise<void> {
    let restarts = 0;
    while (!this.stopped) {
      try {
        if (restarts > 0) await this.ensureConsumer();
        const consumer = await this.nats.js.consumers.get(this.stream, this.durable);
        this.messages = await consumer.consume({ max_messages: 256 });
        for await (const message of this.messages) {
          restarts = 0;
          this.queue.push(await this.receive(message));
          this.wake?.();
          if (this.queue.length >= MAX_QUEUED)
            await new Promise<void>((resolve) => (this.roomInQueue = resolve));
        }
      } catch (error) {
        if (!this.stopped)
          this.logger.warn({ err: error, durable: this.durable }, 'consumer interrupted');
      }
      if (this.stopped) break;
      restarts += 1;
      await sleep(Math.min(500 * 2 ** Math.min(restarts, 5), RESTART_MAX_MS));
    }
  }

  private async work(): Promise<void> {
    for (;;) {
      const key = this.dueRetries.shift();
      if (key !== undefined) {
        await this.retry(key);
        continue;
      }
      if (this.queue.length === 0) {
        this.roomInQueue?.();
        if (this.stopped) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      // Let the rest of this delivery arrive: a pull brings many messages at once.
      await new Promise((resolve) => setImmediate(resolve));
      const batch: Delivery[] = [];
      while (batch.length < MAX_BATCH && this.queue.length > 0) {
        const delivery = this.queue.shift()!;
        const waiting = this.held.get(delivery.key);
        if (waiting) waiting.push(delivery);
        else batch.push(delivery);
      }
      if (this.queue.length < MAX_QUEUED) this.roomInQueue?.();
      try {
        await this.handleBatch(batch);
      } catch (error) {
        // Unacked messages come back after the ack wait; the worker must live on to take them.
        this.logger.error({ err: error, durable: this.durable }, 'batch not handled');
      }
      this.updateHeldGauge();
    }
  }

  private async handleBatch(batch: Delivery[]): Promise<void> {
    const valid: Delivery[] = [];
    for (const delivery of batch) {
      if (delivery.payload !== undefined) valid.push(delivery);
      else this.setAside(delivery);
    }
    if (valid.length === 0) return;
    this.inFlight = valid;
    try {
      await this.commit(valid);
    } catch (error) {
      if (valid.length === 1) return this.failed(valid[0], error);
      // Find the one that failed: the others go through on their own, in order.
      for (const delivery of valid) {
        const waiting = this.held.get(delivery.key);
        if (waiting) {
          waiting.push(delivery);
          continue;
        }
        try {
          this.inFlight = [delivery];
          await this.commit([delivery]);
        } catch (singleError) {
          this.failed(delivery, singleError);
        }
      }
    } finally {
      this.inFlight = [];
    }
  }

  /** One transaction: inbox rows, the handlers' effects, the consumer's count; then the acks. */
  private async commit(deliveries: Delivery[]): Promise<void> {
    const processed = await this.unitOfWork.run(async (tx) => {
      const fresh = await claimInboxBatch(
        tx,
        this.durable,
        deliveries.map((delivery) => delivery.meta.eventId),
      );
      // `delete`: the same event twice in one batch is handled once.
      const handled = new Set<Delivery>();
      for (const delivery of deliveries) {
        if (!fresh.delete(delivery.meta.eventId)) continue;
        handled.add(delivery);
        await runInContext(delivery.meta.caller, () =>
          delivery.handler!.handle(delivery.payload, tx, delivery.meta),
        );
      }
      await countHandled(tx, this.durable, handled.size);
      return handled;
    });
    failpoint('consumer-after-commit');
    for (const delivery of deliveries) {
      delivery.message.ack();
      const outcome = processed.has(delivery) ? 'processed' : 'duplicate';
      this.metrics.messagesHandled.inc({ subject: delivery.handler!.event.subject, outcome });
      runInContext(delivery.meta.caller, () =>
        this.logger.debug(
          { eventId: delivery.meta.eventId, durable: this.durable, subject: delivery.meta.subject },
          outcome === 'processed' ? 'event processed' : 'duplicate ignored',
        ),
      );
    }
  }

  /** A message nobody here handles, or one that can never be valid. */
  private setAside(delivery: Delivery): void {
    const subject = eventSubjectOf(delivery.meta.subject);
    if (!delivery.handler) {
      this.metrics.messagesHandled.inc({ subject, outcome: 'skipped' });
      delivery.message.ack();
      return;
    }
    // Retrying cannot make it valid. It stays in the stream (at this sequence) for inspection.
    runInContext(delivery.meta.caller, () =>
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
  }

  /** The oldest message of its key failed: it holds its key, and is retried after a backoff. */
  private failed(delivery: Delivery, error: unknown): void {
    delivery.failures += 1;
    if (!this.held.has(delivery.key)) this.held.set(delivery.key, [delivery]);
    const delayMs = Math.min(RETRY_BASE_MS * 2 ** Math.min(delivery.failures - 1, 6), RETRY_MAX_MS);
    runInContext(delivery.meta.caller, () =>
      this.logger.warn(
        {
          err: error,
          eventId: delivery.meta.eventId,
          durable: this.durable,
          attempt: delivery.failures,
          delayMs,
        },
        'event handling failed; will retry, later events of its application wait',
      ),
    );
    this.metrics.messagesHandled.inc({
      subject: delivery.handler!.event.subject,
      outcome: 'retried',
    });
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.dueRetries.push(delivery.key);
      this.wake?.();
    }, delayMs);
    this.retryTimers.add(timer);
  }

  private async retry(key: string): Promise<void> {
    const waiting = this.held.get(key);
    if (!waiting || this.stopped) return;
    const [head, ...later] = waiting;
    this.inFlight = [head];
    try {
      await this.commit([head]);
      this.held.delete(key);
      // They are older than anything of this key still in the queue: they go first.
      this.queue.unshift(...later);
    } catch (error) {
      this.failed(head, error);
    } finally {
      this.inFlight = [];
      this.updateHeldGauge();
    }
  }

  /**
   * Tells JetStream that what this consumer holds is in hand, so it is not redelivered. Only
   * for what has been here a while: under load most messages are acked long before their ack
   * wait, and a progress report for each would cost a publish per message.
   */
  private stillWorking(): void {
    const since = Date.now() - ACK_WAIT_MS / 3;
    const report = (delivery: Delivery) => {
      if (delivery.receivedAt <= since) delivery.message.working();
    };
    this.queue.forEach(report);
    this.inFlight.forEach(report);
    for (const list of this.held.values()) list.forEach(report);
  }

  private updateHeldGauge(): void {
    let count = 0;
    for (const list of this.held.values()) count += list.length;
    this.metrics.messagesHeld.set({ consumer: this.durable }, count);
  }

  private async receive(message: JsMsg): Promise<Delivery> {
    const header = (name: string) => message.headers?.get(name) || undefined;
    const handler = this.handlers.get(eventSubjectOf(message.subject));
    const payload = handler ? await decode(handler.event, message) : undefined;
    const eventId =
      header(EVENT_ID_HEADER) ?? header('Nats-Msg-Id') ?? `${message.info.stream}:${message.seq}`;
    return {
      message,
      handler,
      payload,
      // An unreadable message has no key: it is set aside without holding anything back.
      key: payload !== undefined ? handler!.event.orderingKey(payload) : `seq:${message.seq}`,
      meta: {
        eventId,
        subject: message.subject,
        occurredAt: header(OCCURRED_AT_HEADER),
        delivery: message.info.deliveryCount,
        caller: contextFromMessage(header),
      },
      failures: 0,
      receivedAt: Date.now(),
    };
  }
}

async function decode<T>(event: EventContract<T>, message: JsMsg): Promise<T | undefined> {
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
