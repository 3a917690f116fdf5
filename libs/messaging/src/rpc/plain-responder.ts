import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Msg, Subscription } from '@nats-io/transport-node';
import {
  LOGGER,
  OutageLog,
  ProblemFilter,
  SUBJECT_TOKEN_PATTERN,
  ServiceMetrics,
  contextFromMessage,
  runInContext,
  type AppLogger,
  type RequestContext,
} from '@satupintu/common';
import type { RequestContract } from '@satupintu/contracts';
import { namespacedSubject } from '../namespace';
import { NatsClients } from '../nats.module';

/**
 * Answers one request. It is handed the payload as it came off the wire, unvalidated: no pipe
 * runs before it, so it checks the payload itself (and throws `DomainError.validation` as the
 * pipe would).
 */
export type PlainHandler<Res> = (payload: unknown, caller: RequestContext) => Promise<Res>;

/** The `requests_handled_total` children of one subject. */
type Outcomes = Record<'ok' | 'refused' | 'failed', { inc(): void }>;

/** Nest's NATS request envelope, as `RpcClient` (Nest's `ClientNats`) sends it. */
interface RequestEnvelope {
  id?: unknown;
  data?: unknown;
}

/**
 * A request contract answered on a plain NATS subscription, without Nest's microservice
 * pipeline (its handler lookup, interceptors, pipes, filters, RxJS and class-validator cost more
 * than a hot read's own work: ADR 0023). For requests where that matters; every other contract
 * stays a `@HandleRequest` handler on the `RequestServer`.
 *
 * It keeps what that pipeline gives a handler, so neither the caller nor the operator can tell:
 * Nest's wire format (`{id, response | err, isDisposed}`), so `RpcClient` is unchanged; the
 * subject `<namespace>.<subject>[.<routing token>]` in the service's queue group (its replicas,
 * and during a rolling deploy its older ones still answering through the `RequestServer`, share
 * the requests); the handler runs in the request context its headers carry (ADR 0008); a
 * `DomainError` goes back serialized, a dependency away becomes a 503 and anything else a logged
 * 500 (the `ProblemFilter`'s rules); `requests_handled_total` counts the outcome. On shutdown it
 * stops taking requests and waits for those in hand before the database goes.
 */
@Injectable()
export class PlainResponder implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly subscriptions: Subscription[] = [];
  private readonly problems: ProblemFilter;
  private inFlight = 0;
  private idle: (() => void) | undefined;

  constructor(
    private readonly nats: NatsClients,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly metrics: ServiceMetrics,
    private readonly outages: OutageLog,
  ) {
    this.problems = new ProblemFilter(logger, nats.options.name, outages);
  }

  /**
   * Starts answering the contract; returns the subject it listens on. A routed contract needs
   * the deployment's routing token, as on the `RequestServer`.
   */
  answer<Req, Res>(
    contract: RequestContract<Req, Res>,
    handle: PlainHandler<Res>,
    options: { routingToken?: string } = {},
  ): string {
    const { routingToken } = options;
    if (contract.routedBy && !(routingToken && SUBJECT_TOKEN_PATTERN.test(routingToken)))
      throw new Error(
        `${contract.subject} is routed by ${contract.routedBy}: give a routing token`,
      );
    const subject = namespacedSubject(
      this.nats.namespace,
      contract.routedBy ? `${contract.subject}.${routingToken}` : contract.subject,
    );
    // The counter's children, bound once: finding a child by its labels costs every request.
    const handled = this.metrics.requestsHandled;
    const counted: Outcomes = {
      ok: handled.labels({ subject, outcome: 'ok' }),
      refused: handled.labels({ subject, outcome: 'refused' }),
      failed: handled.labels({ subject, outcome: 'failed' }),
    };
    this.subscriptions.push(
      this.nats.connection.subscribe(subject, {
        queue: this.nats.options.name,
        callback: (error, message) => {
          if (error) this.logger.warn({ err: error, subject }, 'request subscription failed');
          else this.receive(subject, counted, message, handle);
        },
      }),
    );
    return subject;
  }

  private receive<Res>(
    subject: string,
    counted: Outcomes,
    message: Msg,
    handle: PlainHandler<Res>,
  ): void {
    let envelope: RequestEnvelope;
    try {
      envelope = message.json<RequestEnvelope>();
    } catch {
      this.logger.warn({ subject }, 'request is not JSON: dropped');
      return;
    }
    // Without an id it is an event in Nest's terms, and without a reply subject nobody waits.
    if (!message.reply || envelope === null || typeof envelope !== 'object') return;
    const { id } = envelope;
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const caller = contextFromMessage((name) => message.headers?.get(name) || undefined);
    this.inFlight += 1;
    void runInContext(caller, () =>
      this.answerOne(subject, counted, message, id, envelope.data, caller, handle),
    );
  }

  private async answerOne<Res>(
    subject: string,
    counted: Outcomes,
    message: Msg,
    id: string | number,
    payload: unknown,
    caller: RequestContext,
    handle: PlainHandler<Res>,
  ): Promise<void> {
    const started = performance.now();
    let reply: string;
    try {
      const response = await handle(payload, caller);
      reply = JSON.stringify({ response, isDisposed: true, id });
      counted.ok.inc();
      this.outages.recovered('database');
      if (this.logger.isLevelEnabled('debug'))
        this.logger.debug(
          { subject, ms: Math.round(performance.now() - started) },
          'request handled',
        );
    } catch (exception) {
      const error = this.problems.toDomainError(exception);
      reply = JSON.stringify({ err: error.serialize(), isDisposed: true, id });
      (error.status < 500 ? counted.refused : counted.failed).inc();
    }
    try {
      message.respond(reply);
    } catch (error) {
      this.logger.warn({ err: error, subject }, 'reply not sent');
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idle?.();
    }
  }

  /** Takes no more requests and lets those in hand finish, while the database is still there. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.subscriptions
        .splice(0)
        .map((subscription) => subscription.drain().catch(() => subscription.unsubscribe())),
    );
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.idle = resolve));
  }

  onApplicationShutdown(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
  }
}
