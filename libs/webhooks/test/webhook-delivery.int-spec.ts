import { Test, type TestingModule } from '@nestjs/testing';
import { CoreModule, DomainError, ServiceMetrics, createLogger } from '@satupintu/common';
import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateOutboxAndInbox1763856000000,
  EventsModule,
  NatsModule,
  UnitOfWork,
  outgoing,
} from '@satupintu/messaging';
import { ApplicationStatusChanged, type ApplicationStatusChangedV1 } from '@satupintu/contracts';
import {
  PersistenceModule,
  databaseName,
  executorOf,
  sql,
  type Executor,
} from '@satupintu/persistence';
import { CreateJobs1764400000100, SchedulingModule } from '@satupintu/scheduling';
import { eventually, testEnvironment } from '@satupintu/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import {
  CreateWebhooks1765400000000,
  KeepWebhookAnswers1765800000500,
  RotateWebhookSecrets1765600000200,
  DEFAULT_DELIVERY_WORKER_OPTIONS,
  PruneWebhookDeliveries,
  DeliveryWorker,
  WebhookMetrics,
  WebhookDeliveryService,
  Webhooks,
  WebhooksModule,
  claimDeliveries,
  countDeliveries,
  createSubscription,
  enqueueDeliveries,
  listAttempts,
  listDeliveries,
  replayDelivery,
  replayRange,
  setSubscriptionEnabled,
  webhookSource,
  type DeliveryWorkerOptions,
  type WebhookEvent,
} from '../src';

/** What a receiver was sent, as it saw it. */
interface Received {
  webhookId: string;
  subscription: string;
  key: string;
  n: number;
  type: string;
  /** The status it answered; undefined: it never answered (held, then the sender gave up). */
  answered?: number;
  verified: boolean;
}

type Answer = (request: Received) => number | 'hold';

/**
 * A webhook receiver on a real local port: verifies every request with the subscription's
 * secret, as a receiver would (`standardwebhooks`), and answers what `answer` says.
 */
class Receiver {
  readonly received: Received[] = [];
  readonly secrets = new Map<string, string>();
  answer: Answer = () => 200;
  /** Answers after a random wait of up to this long. */
  jitterMs = 0;
  /** Requests that arrived while another of their subscription and key was unanswered. */
  overlaps = 0;
  private readonly inFlight = new Set<string>();
  private server?: Server;
  private held: (() => void)[] = [];
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Refuses connections from now on (the port is closed), until started again. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.release();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}/${path}`;
  }

  /** Answers the requests held so far (200), if their senders are still waiting. */
  release(): void {
    const held = this.held;
    this.held = [];
    held.forEach((answer) => answer());
  }

  /** The deliveries answered 2xx, per subscription and key, in the order they arrived. */
  deliveredOf(subscription: string): Map<string, number[]> {
    const byKey = new Map<string, number[]>();
    for (const r of this.received) {
      if (r.subscription !== subscription || !r.answered || r.answered >= 300) continue;
      byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.n]);
    }
    return byKey;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const subscription = (request.url ?? '').slice(1);
    const headers = request.headers as Record<string, string>;
    let verified: boolean;
    try {
      new Webhook(this.secrets.get(subscription) ?? 'whsec_AAAA').verify(body, headers);
      verified = true;
    } catch {
      verified = false;
    }
    const { type, data } = JSON.parse(body) as { type: string; data: { key: string; n: number } };
    const received: Received = {
      webhookId: headers['webhook-id'],
      subscription,
      key: data.key,
      n: data.n,
      type,
      verified,
    };
    this.received.push(received);
    const queue = `${subscription} ${data.key}`;
    if (this.inFlight.has(queue)) this.overlaps += 1;
    this.inFlight.add(queue);
    // A request its sender gave up on (aborted) no longer holds its key.
    response.on('close', () => this.inFlight.delete(queue));
    const answer = this.answer(received);
    const respond = (status: number) => {
      received.answered = status;
      this.inFlight.delete(queue);
      // A body, as most receivers send one: the sender reads it before reusing the connection.
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    };
    if (answer === 'hold') this.held.push(() => respond(200));
    else if (this.jitterMs > 0) setTimeout(() => respond(answer), Math.random() * this.jitterMs);
    else respond(answer);
  }
}

/** Keys in order, each with its events' numbers 0…n−1, as a receiver must have seen them. */
const inOrder = (keys: string[], n: number) =>
  new Map(keys.map((key) => [key, Array.from({ length: n }, (_, i) => i)]));

/**
 * Webhook delivery against real PostgreSQL and real HTTP receivers on local ports. Workers are
 * the plain core on the service's database, several at once where a test says so; the Nest
 * module is tested on its own at the end.
 */
describe('webhook delivery', () => {
  const env = testEnvironment();
  const secretKey = randomBytes(32);
  const keeping = { secretKey, allowHttp: true, allowPrivateTargets: true };
  let module: TestingModule;
  let db: Executor;
  let dataSource: DataSource;
  let receiver: Receiver;
  const workers: DeliveryWorker[] = [];
  const subscriptions: string[] = [];

  beforeAll(async () => {
    const name = 'webhooks-test';
    module = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot(createLogger(name, 'silent'), new ServiceMetrics(name)),
        PersistenceModule.forRoot({
          serverUrl: env.DATABASE_URL,
          database: databaseName(env.DB_PREFIX, 'webhooks_test'),
          entities: [],
          migrations: [
            CreateOutboxAndInbox1763856000000,
            AddOrderingAndRetriesToOutbox1764400000000,
            CreateJobs1764400000100,
            CreateWebhooks1765400000000,
            RotateWebhookSecrets1765600000200,
            KeepWebhookAnswers1765800000500,
          ],
        }),
        NatsModule.forRoot({ url: env.NATS_URL, name, namespace: env.SP_NAMESPACE }),
        // An event of the service's own, to be a webhook through the outbox's tap.
        EventsModule.forRoot({ publishes: [ApplicationStatusChanged] }),
        SchedulingModule.forRoot({ pollMs: 100 }),
        // Not delivering by itself: the other tests' workers would compete with it.
        WebhooksModule.forRoot({
          ...keeping,
          deliver: false,
          worker: { pollMs: 100 },
          events: [webhookSource(ApplicationStatusChanged)],
        }),
      ],
    }).compile();
    await module.init();
    dataSource = module.get(DataSource);
    db = executorOf(dataSource);
  });

  beforeEach(async () => {
    receiver = await new Receiver().start();
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop(0)));
    // What a test leaves pending is not for the next test's workers.
    for (const id of subscriptions.splice(0)) await setSubscriptionEnabled(db, id, false);
    await receiver.stop();
  });

  afterAll(async () => {
    await module?.close();
  });

  function worker(options: Partial<DeliveryWorkerOptions> = {}, registry?: Registry) {
    const started = new DeliveryWorker(
      db,
      {
        ...DEFAULT_DELIVERY_WORKER_OPTIONS,
        pollMs: 50,
        batchSize: 16,
        timeoutMs: 2000,
        leaseMs: 4000,
        retry: { backoff: { baseMs: 50, maxMs: 200 }, windowMs: 3_600_000 },
        // The receivers are on 127.0.0.1.
        allowPrivateTargets: true,
        ...options,
        secretKey,
      },
      registry ? { metrics: new WebhookMetrics(registry, () => countDeliveries(db)) } : {},
    );
    workers.push(started);
    started.start();
    return started;
  }

  async function subscribe(scope: string, eventTypes: string[] = []) {
    const path = randomUUID();
    const { subscription, secret } = await createSubscription(
      db,
      { owner: 'client-1', scope, url: receiver.url(path), eventTypes },
      keeping,
    );
    receiver.secrets.set(path, secret);
    subscriptions.push(subscription.id);
    return { ...subscription, path };
  }

  const event = (scope: string, key: string, n: number, type = 'application.changed') =>
    ({
      id: randomUUID(),
      type,
      scope,
      orderingKey: key,
      occurredAt: new Date(),
      data: { key, n },
    }) satisfies WebhookEvent;

  /** Each key's events 0…n−1, interleaved across keys, each in its own transaction. */
  async function enqueueAll(scope: string, keys: string[], n: number): Promise<WebhookEvent[]> {
    const events: WebhookEvent[] = [];
    for (let i = 0; i < n; i++) {
      for (const key of keys) {
        const next = event(scope, key, i);
        await dataSource.transaction((manager) => enqueueDeliveries(executorOf(manager), next));
        events.push(next);
      }
    }
    return events;
  }

  const keys = (count: number) => Array.from({ length: count }, () => randomUUID());
  const statuses = (subscriptionId: string) =>
    db.query(sql<{ status: string; n: number }>`
      SELECT status, count(*)::int AS n FROM webhook_deliveries
       WHERE subscription_id = ${subscriptionId} GROUP BY status ORDER BY status`);

  it('delivers each event to the subscriptions of its scope and type, signed, once, in order per application', async () => {
    const scope = `agency-${randomUUID()}`;
    const all = await subscribe(scope);
    const typed = await subscribe(scope, ['application.approved']);
    const elsewhere = await subscribe(`agency-${randomUUID()}`);
    // Answers take a random while: concurrent sends would overtake each other if a key's
    // later delivery ever went before its earlier one was answered.
    receiver.jitterMs = 5;
    const applications = keys(6);
    const events = await enqueueAll(scope, applications, 8);
    const approved = event(scope, applications[0], 8, 'application.approved');
    await dataSource.transaction((manager) => enqueueDeliveries(executorOf(manager), approved));
    // The same event again (a redelivered message): nothing more is enqueued.
    const again = await dataSource.transaction((manager) =>
      enqueueDeliveries(executorOf(manager), events[0]),
    );
    expect(again).toEqual([]);

    worker();
    await eventually(async () =>
      expect(await statuses(all.id)).toEqual([{ status: 'delivered', n: 6 * 8 + 1 }]),
    );
    await eventually(async () =>
      expect(await statuses(typed.id)).toEqual([{ status: 'delivered', n: 1 }]),
    );

    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(receiver.overlaps).toBe(0);
    const expected = inOrder(applications, 8);
    expected.get(applications[0])!.push(8);
    expect(receiver.deliveredOf(all.path)).toEqual(expected);
    expect(receiver.deliveredOf(typed.path)).toEqual(new Map([[applications[0], [8]]]));
    expect(receiver.deliveredOf(elsewhere.path)).toEqual(new Map());
    expect(await statuses(elsewhere.id)).toEqual([]);
    // Each event's webhook id once per subscription, the same for both subscriptions.
    const ids = receiver.received
      .filter((r) => r.subscription === all.path)
      .map((r) => r.webhookId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.received.find((r) => r.subscription === typed.path)?.webhookId).toBe(
      receiver.received.find(
        (r) => r.subscription === all.path && r.type === 'application.approved',
      )?.webhookId,
    );

    // The log: newest first, a page at a time, each with its one attempt.
    const first = await listDeliveries(db, all.id, { limit: 30 });
    const second = await listDeliveries(db, all.id, { limit: 30, cursor: first.nextCursor });
    expect(first.items).toHaveLength(30);
    expect(second.items).toHaveLength(19);
    expect(second.nextCursor).toBeUndefined();
    expect(first.items[0]).toMatchObject({
      eventId: approved.id,
      eventType: 'application.approved',
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
      replayOf: null,
      nextAttemptAt: null,
    });
    const [attempt, ...more] = await listAttempts(db, first.items[0].id);
    expect(more).toEqual([]);
    expect(attempt).toMatchObject({ attempt: 1, httpStatus: 200, error: null });
    expect(attempt.at).toBeInstanceOf(Date);
    expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
    await expect(listDeliveries(db, all.id, { limit: 5, cursor: 'nonsense' })).rejects.toThrow(
      DomainError,
    );
  });

  it('holds an application behind its failing delivery while the receiver is down, and delivers everything in order when it is back', async () => {
    const scope = `agency-${randomUUID()}`;
    const subscription = await subscribe(scope);
    const applications = keys(4);
    await receiver.stop(); // refusing connections
    await enqueueAll(scope, applications, 5);
    worker();

    // Refused, then answered 500: every application's first delivery fails again and again.
    const failedAttempts = () =>
      db.query(sql<{ http_status: number | null; error: string | null }>`
        SELECT a.http_status, a.error FROM webhook_attempts a
          JOIN webhook_deliveries d ON d.id = a.delivery_id
         WHERE d.subscription_id = ${subscription.id}`);
    await eventually(async () => expect((await failedAttempts()).length).toBeGreaterThanOrEqual(8));
    expect((await failedAttempts()).filter((a) => a.http_status !== null || !a.error)).toEqual([]);
    // Behind a failing delivery, the rest of its application is not due before its next attempt
    // (so the claim does not scan them meanwhile); one enqueued now waits behind it too, from
    // its enqueueing or, if that raced with the head's failure, from the head's next failure.
    const late = event(scope, applications[0], 5);
    await dataSource.transaction((manager) => enqueueDeliveries(executorOf(manager), late));
    await eventually(async () => {
      const queues = await db.query(sql<{ key: string; held_back: boolean }>`
        SELECT f.ordering_key AS key, bool_and(f.next_attempt_at >= h.next_attempt_at) AS held_back
          FROM webhook_deliveries f
          JOIN LATERAL (SELECT next_attempt_at FROM webhook_deliveries h
                         WHERE h.subscription_id = f.subscription_id AND h.status = 'pending'
                           AND h.ordering_key = f.ordering_key
                         ORDER BY h.seq LIMIT 1) h ON true
         WHERE f.subscription_id = ${subscription.id} AND f.status = 'pending'
         GROUP BY f.ordering_key`);
      expect(queues).toHaveLength(4);
      expect(queues.filter((queue) => !queue.held_back)).toEqual([]);
    });
    await receiver.start();
    receiver.answer = () => 500;
    await eventually(() =>
      expect(receiver.received.filter((r) => r.answered === 500).length).toBeGreaterThanOrEqual(8),
    );
    receiver.answer = () => 200;

    await eventually(async () =>
      expect(await statuses(subscription.id)).toEqual([{ status: 'delivered', n: 21 }]),
    );
    const expected = inOrder(applications, 5);
    expected.get(applications[0])!.push(5);
    expect(receiver.deliveredOf(subscription.path)).toEqual(expected);
    // Not one request for a later event while an earlier one of its application was unanswered.
    for (const key of applications) {
      const seen = receiver.received.filter((r) => r.key === key).map((r) => r.n);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }
    expect(receiver.received.every((r) => r.verified)).toBe(true);
  });

  it('sends each delivery once with two workers on one database', async () => {
    const scope = `agency-${randomUUID()}`;
    const subscription = await subscribe(scope);
    const applications = keys(30);
    const events = await enqueueAll(scope, applications, 6);
    receiver.jitterMs = 3;
    worker({ batchSize: 20, concurrency: 3 });
    worker({ batchSize: 20, concurrency: 3 });

    await eventually(async () =>
      expect(await statuses(subscription.id)).toEqual([{ status: 'delivered', n: events.length }]),
    );
    expect(receiver.received).toHaveLength(events.length);
    expect(new Set(receiver.received.map((r) => r.webhookId)).size).toBe(events.length);
    expect(receiver.overlaps).toBe(0);
    expect(receiver.deliveredOf(subscription.path)).toEqual(inOrder(applications, 6));
  });

  it('loses nothing when a worker dies with deliveries claimed: another takes them over when the lease ends', async () => {
    const scope = `agency-${randomUUID()}`;
    const subscription = await subscribe(scope);
    const applications = keys(5);
    await enqueueAll(scope, applications, 3);
    // What a killed process leaves behind: its claims, never settled.
    const abandoned = await claimDeliveries(db, randomUUID(), 100, 1500);
    expect(abandoned.map((d) => d.ordering_key).sort()).toEqual([...applications].sort());

    worker();
    await eventually(async () =>
      expect(await statuses(subscription.id)).toEqual([{ status: 'delivered', n: 15 }]),
    );
    expect(receiver.deliveredOf(subscription.path)).toEqual(inOrder(applications, 3));
    expect(receiver.received).toHaveLength(15);
    // The abandoned claim counted as an attempt: the one that delivered was the second.
    const heads = await db.query(sql<{ attempts: number }>`
      SELECT attempts FROM webhook_deliveries WHERE id = ANY (${abandoned.map((d) => d.id)}::uuid[])`);
    expect(heads.map((h) => h.attempts)).toEqual(abandoned.map(() => 2));
  });

  it('loses nothing when a worker is stopped mid-flight and another is started', async () => {
    const scope = `agency-${randomUUID()}`;
    const subscription = await subscribe(scope);
    const applications = keys(5);
    await enqueueAll(scope, applications, 3);
    receiver.answer = () => 'hold';
    // Its requests would wait long for an answer: they are cut by the stop, not a timeout.
    const first = worker({ timeoutMs: 30_000, leaseMs: 60_000 });
    await eventually(() => expect(receiver.received).toHaveLength(5));
    await first.stop(0); // its requests are aborted, unanswered, and recorded as failed

    receiver.answer = () => 200;
    worker();
    await eventually(async () =>
      expect(await statuses(subscription.id)).toEqual([{ status: 'delivered', n: 15 }]),
    );
    expect(receiver.deliveredOf(subscription.path)).toEqual(inOrder(applications, 3));
    const aborted = await db.query(sql<{ error: string }>`
      SELECT a.error FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
       WHERE d.subscription_id = ${subscription.id} AND a.error IS NOT NULL`);
    expect(aborted).toHaveLength(5);
    expect(aborted[0].error).toMatch(/stopping/);
  });

  it('gives up on a delivery after the retry window (dead), lets its application go on, and replays it', async () => {
    const scope = `agency-${randomUUID()}`;
    const subscription = await subscribe(scope);
    const [broken, fine] = keys(2);
    const registry = new Registry();
    const since = new Date(Date.now() - 1000);
    await enqueueAll(scope, [broken, fine], 3);
    receiver.answer = (r) => (r.key === broken && r.n === 0 ? 500 : 200);
    worker({ retry: { backoff: { baseMs: 50, maxMs: 100 }, windowMs: 600 } }, registry);

    await eventually(async () =>
      expect(await statuses(subscription.id)).toEqual([
        { status: 'dead', n: 1 },
        { status: 'delivered', n: 5 },
      ]),
    );
    const { items: dead } = await listDeliveries(db, subscription.id, {
      limit: 10,
      status: 'dead',
    });
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ orderingKey: broken, status: 'dead', lastStatus: 500 });
    expect(dead[0].attempts).toBeGreaterThanOrEqual(2);
    const attempts = await listAttempts(db, dead[0].id);
    expect(attempts.map((a) => a.attempt)).toEqual(attempts.map((_, i) => i + 1));
    expect(attempts.every((a) => a.httpStatus === 500)).toBe(true);
    expect(receiver.deliveredOf(subscription.path)).toEqual(
      new Map([
        [broken, [1, 2]],
        [fine, [0, 1, 2]],
      ]),
    );
    // Counted just after the attempts are recorded.
    await eventually(async () => {
      const text = await registry.metrics();
      expect(text).toMatch(/webhook_attempts_total\{outcome="dead"\} 1\n/);
      expect(text).toMatch(/webhook_attempts_total\{outcome="delivered"\} 5\n/);
      expect(text).toMatch(/webhook_deliveries_dead [1-9]/);
    });

    // The receiver is fixed: the dead delivery is replayed with its webhook id, once.
    receiver.answer = () => 200;
    const deadId = dead[0].webhookId;
    expect(
      await replayRange(db, subscription.id, { from: since, to: new Date(), onlyDead: true }),
    ).toBe(1);
    await eventually(async () =>
      expect(await statuses(subscription.id)).toEqual([
        { status: 'dead', n: 1 },
        { status: 'delivered', n: 6 },
      ]),
    );
    const resent = receiver.received.filter((r) => r.webhookId === deadId && r.answered === 200);
    expect(resent).toHaveLength(1);
    expect(resent[0]).toMatchObject({ key: broken, n: 0, verified: true });

    // Any delivery can be replayed, as can a whole range, in its order.
    const [latest] = (await listDeliveries(db, subscription.id, { limit: 1 })).items;
    const replayId = await replayDelivery(db, latest.id);
    expect(await replayRange(db, subscription.id, { from: since, to: new Date() })).toBe(6);
    await eventually(async () =>
      expect(await statuses(subscription.id)).toEqual([
        { status: 'dead', n: 1 },
        { status: 'delivered', n: 13 },
      ]),
    );
    const replayed = (await listDeliveries(db, subscription.id, { limit: 50 })).items.find(
      (d) => d.id === replayId,
    );
    expect(replayed?.replayOf).toBe(latest.replayOf ?? latest.id);
    expect(replayed?.webhookId).toBe(latest.webhookId);
    const rangeByKey = receiver.deliveredOf(subscription.path);
    expect(rangeByKey.get(fine)!.slice(-3)).toEqual([0, 1, 2]);
    expect(rangeByKey.get(broken)!.slice(-3)).toEqual([0, 1, 2]);
    await expect(replayDelivery(db, randomUUID())).rejects.toMatchObject({
      code: 'webhook_delivery_not_found',
      status: 404,
    });
    await expect(
      replayRange(db, randomUUID(), { from: since, to: new Date() }),
    ).rejects.toMatchObject({ code: 'webhook_subscription_not_found', status: 404 });
  });

  it('as a Nest module: a secret shown once and kept sealed, deliveries enqueued with the unit of work and sent after its commit', async () => {
    const webhooks = module.get(Webhooks);
    const unitOfWork = module.get(UnitOfWork);
    const scope = `agency-${randomUUID()}`;
    const path = randomUUID();
    await expect(
      webhooks.createSubscription({ owner: 'client-2', scope, url: 'ftp://example.com/x' }),
    ).rejects.toMatchObject({ code: 'validation_failed', status: 400 });
    const { subscription, secret } = await webhooks.createSubscription({
      owner: 'client-2',
      scope,
      url: receiver.url(path),
    });
    subscriptions.push(subscription.id);
    receiver.secrets.set(path, secret);
    expect(secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await webhooks.getSubscription(subscription.id))).not.toContain(
      secret.slice(6),
    );
    const [stored] = await db.query(sql<{ secret_sealed: Buffer }>`
      SELECT secret_sealed FROM webhook_subscriptions WHERE id = ${subscription.id}`);
    expect(stored.secret_sealed.toString('latin1')).not.toContain(secret.slice(6));
    expect((await webhooks.listSubscriptions({ owner: 'client-2' }, { limit: 10 })).items).toEqual([
      subscription,
    ]);

    // Started here: the module was made with `deliver: false` (see beforeAll).
    const { worker: delivering } = module.get(WebhookDeliveryService);
    delivering.start();
    workers.push(delivering);

    const key = randomUUID();
    await expect(
      unitOfWork.run(async (tx) => {
        await webhooks.enqueue(tx, event(scope, key, 0));
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    // A disabled subscription gets nothing enqueued.
    expect(await webhooks.setSubscriptionEnabled(subscription.id, false)).toBe(true);
    expect(await unitOfWork.run((tx) => webhooks.enqueue(tx, event(scope, key, 9)))).toEqual([]);
    expect(await webhooks.setSubscriptionEnabled(subscription.id, true)).toBe(true);
    expect(await webhooks.setSubscriptionEnabled(randomUUID(), true)).toBe(false);
    await unitOfWork.run((tx) => webhooks.enqueue(tx, event(scope, key, 1)));
    await eventually(() => expect(receiver.deliveredOf(path)).toEqual(new Map([[key, [1]]])));
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].verified).toBe(true);
  });

  it('forgets settled deliveries past their retention through an hourly job, and keeps pending ones', async () => {
    const scope = `agency-${randomUUID()}`;
    const subscription = await subscribe(scope);
    await enqueueAll(scope, keys(3), 1);
    const ids = (await listDeliveries(db, subscription.id, { limit: 10 })).items.map((d) => d.id);
    // One delivered and one dead long ago, one still pending from long ago.
    await db.execute(sql`
      UPDATE webhook_deliveries
         SET created_at = now() - interval '31 days',
             status = (ARRAY['delivered', 'dead', 'pending'])[array_position(${ids}::uuid[], id)]
       WHERE id = ANY (${ids}::uuid[])`);
    await db.execute(sql`
      INSERT INTO webhook_attempts (delivery_id, attempt, at, http_status, duration_ms)
      VALUES (${ids[0]}, 1, now() - interval '31 days', 200, 3)`);

    // It is scheduled hourly at start-up; make it due now.
    await db.execute(
      sql`UPDATE jobs SET due_at = now() WHERE kind = ${PruneWebhookDeliveries.kind}`,
    );
    await eventually(async () => {
      const [job] = await db.query(sql<{ waits: boolean }>`
        SELECT due_at > now() + interval '59 minutes' AS waits FROM jobs
         WHERE kind = ${PruneWebhookDeliveries.kind}`);
      expect(job?.waits).toBe(true);
      expect(
        (
          await db.query(sql<{ id: string }>`
          SELECT id FROM webhook_deliveries WHERE id = ANY (${ids}::uuid[])`)
        ).map((r) => r.id),
      ).toEqual([ids[2]]);
    });
    expect(await listAttempts(db, ids[0])).toEqual([]);
  });
  it("enqueues a service's own events with their outbox rows: in run and in writeWithEvents, only if they commit", async () => {
    const webhooks = module.get(Webhooks);
    const unitOfWork = module.get(UnitOfWork);
    const agencyCode = `TAP-${randomBytes(4).toString('hex').toUpperCase()}`;
    const { subscription } = await webhooks.createSubscription({
      owner: 'client-3',
      scope: agencyCode,
      url: receiver.url('tap'),
    });
    subscriptions.push(subscription.id);
    const change = (): ApplicationStatusChangedV1 => ({
      applicationId: randomUUID(),
      trackingNo: 'K7M39QX2C',
      agencyCode,
      agencyTimeZone: 'Asia/Jakarta',
      from: 'SUBMITTED',
      to: 'VERIFYING',
      changedAt: new Date().toISOString(),
    });
    await db.execute(sql`CREATE TABLE IF NOT EXISTS tap_test (id uuid PRIMARY KEY)`);
    const [ran, rolledBack, written, notWritten] = [change(), change(), change(), change()];

    await unitOfWork.run((tx) => tx.publish(ApplicationStatusChanged, ran));
    await expect(
      unitOfWork.run((tx) => {
        tx.publish(ApplicationStatusChanged, rolledBack);
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const row = randomUUID();
    const insert = sql`INSERT INTO tap_test (id) VALUES (${row}) ON CONFLICT DO NOTHING`;
    expect(
      await unitOfWork.writeWithEvents(insert, [outgoing(ApplicationStatusChanged, written)]),
    ).toBe(1);
    // The same row again writes nothing: neither the event nor its delivery is recorded.
    expect(
      await unitOfWork.writeWithEvents(insert, [outgoing(ApplicationStatusChanged, notWritten)]),
    ).toBe(0);

    const { items } = await listDeliveries(db, subscription.id, { limit: 10 });
    expect(items.map((d) => d.orderingKey).reverse()).toEqual([
      ran.applicationId,
      written.applicationId,
    ]);
    const outboxIds = await db.query(sql<{ id: string }>`
      SELECT id::text FROM outbox WHERE ordering_key = ANY (${[ran.applicationId, written.applicationId]}::text[])`);
    // The webhook id is the event's: the outbox row's id (while it waits to be published).
    for (const { id } of outboxIds) {
      expect(items.map((d) => d.eventId)).toContain(id);
    }
    expect(items.every((d) => d.eventType === 'agency.application.status-changed.v1')).toBe(true);
    expect(items.map((d) => d.payload)).toEqual([written, ran]);
  });
});
