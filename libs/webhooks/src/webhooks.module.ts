import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { DomainError, LOGGER, ServiceMetrics, type AppLogger } from '@satupintu/common';
import { UnitOfWork, type Transaction } from '@satupintu/messaging';
import { executorOf, type Executor } from '@satupintu/persistence';
import { definePruneJob, pruneHourly } from '@satupintu/platform';
import { JobRunner } from '@satupintu/scheduling';
import { DataSource } from 'typeorm';
import {
  DELIVERY_RETENTION_DAYS,
  countDeliveries,
  enqueueDeliveries,
  enqueueStatement,
  getDelivery,
  listAttempts,
  listDeliveries,
  pruneDeliveries,
  replayDelivery,
  replayRange,
  type DeliveryAttempt,
  type DeliveryStatus,
  type WebhookDelivery,
  type WebhookEvent,
} from './deliveries.repository';
import {
  DEFAULT_DELIVERY_WORKER_OPTIONS,
  DeliveryWorker,
  type DeliveryWorkerOptions,
} from './delivery-worker';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  rotateSecret,
  listSubscriptions,
  setSubscriptionEnabled,
  type NewWebhookSubscription,
  type WebhookSubscription,
} from './subscriptions';
import { WebhookMetrics } from './webhook-metrics';
import { webhookEventsOf, type WebhookSource } from './webhook-sources';

export interface WebhooksOptions {
  /** The key-encryption key subscriptions' secrets are sealed with (32 bytes, from the deployment). */
  secretKey: Buffer;
  /** Allow `http://` subscription URLs: development and tests only. */
  allowHttp: boolean;
  /** Allow loopback and private targets (`SubscriptionKeeping`): development and tests only. */
  allowPrivateTargets?: boolean;
  /** How long deliveries are signed with a rotated secret too (24 h by default). */
  secretOverlapMs?: number;
  /** How long settled deliveries and their attempts are kept (days; 30 by default). */
  retentionDays?: number;
  /** Whether this instance delivers (default yes); the rest of the worker's settings. */
  deliver?: boolean;
  worker?: Partial<Omit<DeliveryWorkerOptions, 'secretKey'>>;
  /**
   * The events this service publishes that subscribers receive: each is enqueued for them in
   * the transaction that records it in the outbox, so a delivery exists exactly when its event
   * does (none for a change rolled back, none lost to a crash between the two).
   */
  events?: readonly WebhookSource[];
}

export const WEBHOOKS_OPTIONS = Symbol('WEBHOOKS_OPTIONS');

const DAY_MS = 24 * 3_600_000;

/** Runs this instance's delivery worker from start-up to shutdown (ADR 0020). */
@Injectable()
export class WebhookDeliveryService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly worker: DeliveryWorker;

  constructor(
    dataSource: DataSource,
    metrics: ServiceMetrics,
    @Inject(LOGGER) logger: AppLogger,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {
    const db = executorOf(dataSource);
    this.worker = new DeliveryWorker(
      db,
      {
        ...DEFAULT_DELIVERY_WORKER_OPTIONS,
        ...options.worker,
        secretKey: options.secretKey,
        allowPrivateTargets: options.allowPrivateTargets ?? false,
      },
      { logger, metrics: new WebhookMetrics(metrics.registry, () => countDeliveries(db)) },
    );
  }

  onApplicationBootstrap(): void {
    if (this.options.deliver !== false) this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }
}

/** Enqueues the deliveries of the `events` sources with the outbox rows of their events. */
@Injectable()
class WebhookEventTap implements OnModuleInit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly delivery: WebhookDeliveryService,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {}

  onModuleInit(): void {
    const sources = this.options.events ?? [];
    if (sources.length === 0) return;
    this.unitOfWork.tap({
      statements: (recorded, when) => {
        const events = webhookEventsOf(sources, recorded);
        return events.length > 0 ? [enqueueStatement(events, when)] : [];
      },
      committed: () => this.delivery.worker.kick(),
    });
  }
}

/** Forgets settled deliveries past their retention, hourly, on one instance at a time. */
export const PruneWebhookDeliveries = definePruneJob<{ retentionDays: number }>(
  'webhook-deliveries.prune',
);

@Injectable()
class WebhookPruning implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    @Inject(LOGGER) private readonly logger: AppLogger,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {}

  onModuleInit(): void {
    pruneHourly(
      this.runner,
      this.logger,
      PruneWebhookDeliveries,
      { retentionDays: this.options.retentionDays ?? DELIVERY_RETENTION_DAYS },
      (tx, { retentionDays }) => pruneDeliveries(tx, retentionDays),
    );
  }
}

/**
 * Webhooks for a service's handlers and controllers: subscriptions, enqueueing in a unit of
 * work, the delivery log and replays. Deliveries enqueued here are started as soon as their
 * transaction commits.
 */
@Injectable()
export class Webhooks {
  private readonly db: Executor;

  constructor(
    dataSource: DataSource,
    private readonly delivery: WebhookDeliveryService,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {
    this.db = executorOf(dataSource);
  }

  /**
   * The secret is in this answer only: it is stored sealed and never shown again. In `tx`, if
   * given (the transaction that keeps the answer under an `Idempotency-Key`).
   */
  createSubscription(
    input: NewWebhookSubscription,
    tx: Executor = this.db,
  ): Promise<{ subscription: WebhookSubscription; secret: string }> {
    return createSubscription(tx, input, this.options);
  }

  /**
   * The subscription, if it is of `scope`; otherwise a 404 problem, whether it exists or not (a
   * scope's managers do not learn of another's).
   */
  async subscriptionOf(scope: string, id: string): Promise<WebhookSubscription> {
    const subscription = await getSubscription(this.db, id);
    if (subscription?.scope !== scope) {
      throw new DomainError('webhook_subscription_not_found', 404, [], { subscriptionId: id });
    }
    return subscription;
  }

  /** A delivery of that subscription; otherwise a 404 problem. */
  async deliveryOf(subscriptionId: string, id: string): Promise<WebhookDelivery> {
    const delivery = await getDelivery(this.db, id);
    if (delivery?.subscriptionId !== subscriptionId) {
      throw new DomainError('webhook_delivery_not_found', 404, [], { deliveryId: id });
    }
    return delivery;
  }

  getSubscription(id: string): Promise<WebhookSubscription | undefined> {
    return getSubscription(this.db, id);
  }

  listSubscriptions(
    whose: { owner: string } | { scope: string },
    page: { limit: number; cursor?: string },
  ): Promise<{ items: WebhookSubscription[]; nextCursor?: string }> {
    return listSubscriptions(this.db, whose, page);
  }

  /**
   * The new secret is in this answer only; the old one signs too until `previousSecretUntil`
   * (`secretOverlapMs` on). In `tx`, if given.
   */
  async rotateSecret(
    id: string,
    tx: Executor = this.db,
  ): Promise<
    { subscription: WebhookSubscription; secret: string; previousSecretUntil: Date } | undefined
  > {
    const overlapMs = this.options.secretOverlapMs ?? DAY_MS;
    const rotated = await rotateSecret(tx, id, this.options, overlapMs);
    return rotated && { ...rotated, previousSecretUntil: new Date(Date.now() + overlapMs) };
  }

  deleteSubscription(id: string): Promise<boolean> {
    return deleteSubscription(this.db, id);
  }

  async setSubscriptionEnabled(id: string, enabled: boolean): Promise<boolean> {
    const found = await setSubscriptionEnabled(this.db, id, enabled);
    if (enabled) this.delivery.worker.kick();
    return found;
  }

  /** In the caller's transaction (its inbox row, its state): see `enqueueDeliveries`. */
  async enqueue(tx: Transaction, event: WebhookEvent): Promise<string[]> {
    const ids = await enqueueDeliveries(tx, event);
    if (ids.length > 0) tx.afterCommit(() => this.delivery.worker.kick());
    return ids;
  }

  listDeliveries(
    subscriptionId: string,
    page: { limit: number; cursor?: string; status?: DeliveryStatus },
  ): Promise<{ items: WebhookDelivery[]; nextCursor?: string }> {
    return listDeliveries(this.db, subscriptionId, page);
  }

  getDelivery(id: string): Promise<WebhookDelivery | undefined> {
    return getDelivery(this.db, id);
  }

  listAttempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    return listAttempts(this.db, deliveryId);
  }

  /** In `tx`, if given (then the worker is kicked once it commits). */
  async replayDelivery(deliveryId: string, tx?: Transaction): Promise<string> {
    const id = await replayDelivery(tx ?? this.db, deliveryId);
    this.kickAfter(tx);
    return id;
  }

  async replayRange(
    subscriptionId: string,
    range: { from: Date; to: Date; onlyDead?: boolean },
    tx?: Transaction,
  ): Promise<number> {
    const count = await replayRange(tx ?? this.db, subscriptionId, range);
    if (count > 0) this.kickAfter(tx);
    return count;
  }

  private kickAfter(tx: Transaction | undefined): void {
    if (tx) tx.afterCommit(() => this.delivery.worker.kick());
    else this.delivery.worker.kick();
  }
}

/**
 * Webhook delivery for a service with a database: `Webhooks` to subscribe, enqueue, read the log
 * and replay; `WebhookDeliveryService` delivers; a recurring job forgets old settled deliveries.
 * Needs what `serviceInfrastructure` gives a service (its TypeORM root, with
 * `CreateWebhooks1765400000000`; CoreModule; EventsModule; SchedulingModule).
 */
@Module({})
export class WebhooksModule {
  static forRoot(options: WebhooksOptions): DynamicModule {
    return {
      module: WebhooksModule,
      global: true,
      providers: [
        { provide: WEBHOOKS_OPTIONS, useValue: options },
        WebhookDeliveryService,
        Webhooks,
        WebhookPruning,
        WebhookEventTap,
      ],
      exports: [Webhooks, WebhookDeliveryService],
    };
  }
}
