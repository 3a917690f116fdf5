import { Test, type TestingModule } from '@nestjs/testing';
import { jetstream } from '@nats-io/jetstream';
import { CoreModule, ServiceMetrics, createLogger } from '@satupintu/common';
import {
  AGENCY_STREAM,
  ApplicationStatusChanged,
  defineEvent,
  defineStream,
  type ApplicationStatusChangedV1,
} from '@satupintu/contracts';
import { PersistenceModule, databaseName, executorOf, sql } from '@satupintu/persistence';
import { eventually, testEnvironment } from '@satupintu/testing';
import { IsString, IsUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateOutboxAndInbox1763856000000,
  EVENT_ID_HEADER,
  EventConsumers,
  EventsModule,
  NatsClients,
  NatsModule,
  OutboxRelay,
  UnitOfWork,
  eventSubject,
  on,
  outgoing,
  type EventMeta,
  pruneInbox,
  streamName,
} from '../src';

/** A stream of this test's own with two event types, to show one consumer handling both in order. */
const THINGS = defineStream({ name: 'THINGS', space: 'things', description: 'test events' });

class ThingV1 {
  @IsUUID()
  thingId: string;

  @IsString()
  note: string;
}

const ThingCreated = defineEvent<ThingV1>({
  subject: 'things.thing.created.v1',
  stream: THINGS,
  payload: ThingV1,
  routingKey: () => 'T',
  orderingKey: (event) => event.thingId,
});

const ThingChanged = defineEvent<ThingV1>({
  subject: 'things.thing.changed.v1',
  stream: THINGS,
  payload: ThingV1,
  routingKey: () => 'T',
  orderingKey: (event) => event.thingId,
});

/** Declared nowhere a service publishes it: recording it must fail. */
const ThingDeleted = defineEvent<ThingV1>({
  subject: 'things.thing.deleted.v1',
  stream: THINGS,
  payload: ThingV1,
  routingKey: () => 'T',
  orderingKey: (event) => event.thingId,
});

/**
 * The outbox against real PostgreSQL and JetStream, in one process: what a transaction
 * publishes reaches a durable consumer once, in order per application, and only if it
 * committed; a row JetStream refuses holds back only its own application.
 */
describe('the transactional outbox', () => {
  let module: TestingModule;
  let unitOfWork: UnitOfWork;
  let relay: OutboxRelay;
  let nats: NatsClients;
  let dataSource: DataSource;
  const received: { event: ApplicationStatusChangedV1; meta: EventMeta }[] = [];
  const env = testEnvironment();
  const AGENCY = 'OUTBOXTEST';

  beforeAll(async () => {
    module = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot(
          createLogger('outbox-test', 'silent'),
          new ServiceMetrics('outbox-test'),
        ),
        PersistenceModule.forRoot({
          serverUrl: env.DATABASE_URL,
          database: databaseName(env.DB_PREFIX, 'outbox_test'),
          entities: [],
          migrations: [
            CreateOutboxAndInbox1763856000000,
            AddOrderingAndRetriesToOutbox1764400000000,
          ],
        }),
        NatsModule.forRoot({ url: env.NATS_URL, name: 'outbox-test', namespace: env.SP_NAMESPACE }),
        EventsModule.forRoot({ publishes: [ApplicationStatusChanged, ThingCreated, ThingChanged] }),
      ],
    }).compile();
    await module.init();
    unitOfWork = module.get(UnitOfWork);
    relay = module.get(OutboxRelay);
    nats = module.get(NatsClients);
    dataSource = module.get(DataSource);
    await dataSource.query(
      'CREATE TABLE effects (id bigserial PRIMARY KEY, key text NOT NULL, what text NOT NULL)',
    );
    await module.get(EventConsumers).start({
      stream: AGENCY_STREAM,
      durable: 'outbox-test',
      routingKey: AGENCY,
      handlers: [
        on(ApplicationStatusChanged, (event, _tx, meta) => void received.push({ event, meta })),
      ],
    });
  });

  afterAll(async () => {
    await module?.close();
  });

  const change = (): ApplicationStatusChangedV1 => ({
    applicationId: randomUUID(),
    trackingNo: 'TESTTEST0',
    agencyCode: AGENCY,
    agencyTimeZone: 'Asia/Jakarta',
    from: 'SUBMITTED',
    to: 'VERIFYING',
    changedAt: new Date().toISOString(),
  });

  const subject = eventSubject(env.SP_NAMESPACE, ApplicationStatusChanged.subject, AGENCY);
  const receivedIds = () => received.map((r) => r.event.applicationId);
  const effects = async (keys: string[]) =>
    (
      await dataSource.query<{ key: string; what: string }[]>(
        'SELECT key, what FROM effects WHERE key = ANY($1) ORDER BY id',
        [keys],
      )
    ).map((row) => `${row.key.slice(0, 4)}:${row.what}`);

  it('publishes an event after its transaction commits, with its event id as the message id', async () => {
    const event = change();
    await unitOfWork.run((tx) => tx.publish(ApplicationStatusChanged, event));
    await relay.flush();
    const delivery = await eventually(() => {
      const found = received.find((r) => r.event.applicationId === event.applicationId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(delivery.event).toEqual(event);
    // JetStream knows the event id as a message id: publishing under it again is a duplicate.
    const again = await jetstream(nats.connection).publish(subject, JSON.stringify(event), {
      msgID: delivery.meta.eventId,
    });
    expect(again.duplicate).toBe(true);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    const doomed = change();
    await expect(
      unitOfWork.run(async (tx) => {
        tx.publish(ApplicationStatusChanged, doomed);
        await tx.query(sql`SELECT 1 FROM no_such_table`);
      }),
    ).rejects.toThrow();
    const marker = change();
    await unitOfWork.run((tx) => tx.publish(ApplicationStatusChanged, marker));
    await relay.flush();
    await eventually(() => expect(receivedIds()).toContain(marker.applicationId));
    expect(receivedIds()).not.toContain(doomed.applicationId);
  });

  it('refuses to record an event the service did not declare, instead of stalling it', async () => {
    const thing = { thingId: randomUUID(), note: 'never' };
    await expect(unitOfWork.run((tx) => tx.publish(ThingDeleted, thing))).rejects.toThrow(
      /publishes things\.thing\.deleted\.v1 without declaring it/,
    );
    expect(await relay.pending()).toBe(0);
  });

  it('publishes a row left behind by a crash only once', async () => {
    const event = change();
    await unitOfWork.run((tx) => tx.publish(ApplicationStatusChanged, event));
    await relay.flush();
    const first = await eventually(() => {
      const found = received.find((r) => r.event.applicationId === event.applicationId);
      expect(found).toBeDefined();
      return found!;
    });
    // A relay published this row, then died before deleting it: the row is back in the outbox.
    await dataSource.query(
      `INSERT INTO outbox (id, subject, ordering_key, payload, headers)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)`,
      [
        first.meta.eventId,
        subject,
        event.applicationId,
        JSON.stringify(event),
        JSON.stringify({ [EVENT_ID_HEADER]: first.meta.eventId }),
      ],
    );
    relay.kick();
    await relay.flush();
    expect(await relay.pending()).toBe(0);

    const marker = change();
    await unitOfWork.run((tx) => tx.publish(ApplicationStatusChanged, marker));
    await relay.flush();
    await eventually(() => expect(receivedIds()).toContain(marker.applicationId));
    expect(receivedIds().filter((id) => id === event.applicationId)).toHaveLength(1);
  });

  it('records the events of a single-statement write only when the statement wrote a row', async () => {
    // Any table does as the state: the inbox is one this test database has.
    const write = (key: string, event: ApplicationStatusChangedV1) =>
      unitOfWork.writeWithEvents(
        sql`INSERT INTO inbox (consumer, message_id) VALUES (${'write-with-events'}, ${key})
            ON CONFLICT DO NOTHING`,
        [outgoing(ApplicationStatusChanged, event)],
      );
    const key = randomUUID();
    const first = change();
    const skipped = change();
    expect(await write(key, first)).toBe(1);
    expect(await write(key, skipped)).toBe(0);
    await relay.flush();
    const marker = change();
    await unitOfWork.run((tx) => tx.publish(ApplicationStatusChanged, marker));
    await relay.flush();
    await eventually(() => expect(receivedIds()).toContain(marker.applicationId));
    expect(receivedIds()).toContain(first.applicationId);
    expect(receivedIds()).not.toContain(skipped.applicationId);
  });

  it('keeps events in commit order', async () => {
    const events = Array.from({ length: 20 }, change);
    for (const event of events)
      await unitOfWork.run((tx) => tx.publish(ApplicationStatusChanged, event));
    await relay.flush();
    const ids = events.map((event) => event.applicationId);
    await eventually(() => expect(receivedIds().filter((id) => ids.includes(id))).toEqual(ids));
  });

  describe('one consumer for a stream of several event types', () => {
    const failures = new Map<string, number>();
    const failFirst = new Map<string, number>();

    beforeAll(async () => {
      await module.get(EventConsumers).start({
        stream: THINGS,
        durable: 'outbox-test-things',
        handlers: [
          on(ThingCreated, async (event, tx) => {
            const left = failFirst.get(event.note) ?? 0;
            if (left > 0) {
              failFirst.set(event.note, left - 1);
              failures.set(event.note, (failures.get(event.note) ?? 0) + 1);
              throw new Error(`${event.note} fails`);
            }
            await tx.execute(
              sql`INSERT INTO effects (key, what) VALUES (${event.thingId}, ${event.note})`,
            );
          }),
          on(ThingChanged, async (event, tx) => {
            await tx.execute(
              sql`INSERT INTO effects (key, what) VALUES (${event.thingId}, ${event.note})`,
            );
          }),
        ],
      });
    });

    it('handles every type, in the order each thing’s events were published', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      await unitOfWork.run((tx) => {
        tx.publish(ThingCreated, { thingId: a, note: 'a-created' });
        tx.publish(ThingCreated, { thingId: b, note: 'b-created' });
        tx.publish(ThingChanged, { thingId: a, note: 'a-changed-1' });
      });
      await unitOfWork.run((tx) => tx.publish(ThingChanged, { thingId: b, note: 'b-changed-1' }));
      await unitOfWork.run((tx) => tx.publish(ThingChanged, { thingId: a, note: 'a-changed-2' }));
      await relay.flush();
      await eventually(async () =>
        expect(await effects([a, b])).toEqual([
          `${a.slice(0, 4)}:a-created`,
          `${b.slice(0, 4)}:b-created`,
          `${a.slice(0, 4)}:a-changed-1`,
          `${b.slice(0, 4)}:b-changed-1`,
          `${a.slice(0, 4)}:a-changed-2`,
        ]),
      );
    });

    it('lets a failing event hold back only the later events of its own thing', async () => {
      const [stuck, free] = [randomUUID(), randomUUID()];
      // Fails in the batch, alone, and once more on its first retry: three failures.
      failFirst.set('stuck-created', 3);
      await unitOfWork.run((tx) => {
        tx.publish(ThingCreated, { thingId: stuck, note: 'stuck-created' });
        tx.publish(ThingChanged, { thingId: stuck, note: 'stuck-changed' });
        tx.publish(ThingCreated, { thingId: free, note: 'free-created' });
        tx.publish(ThingChanged, { thingId: free, note: 'free-changed' });
      });
      await relay.flush();
      await eventually(
        async () =>
          expect(await effects([stuck, free])).toEqual([
            `${free.slice(0, 4)}:free-created`,
            `${free.slice(0, 4)}:free-changed`,
            `${stuck.slice(0, 4)}:stuck-created`,
            `${stuck.slice(0, 4)}:stuck-changed`,
          ]),
        20_000,
      );
      expect(failures.get('stuck-created')).toBe(3);
      // Each effect once: the retries rolled back with their transactions.
      expect(await effects([stuck])).toHaveLength(2);
    });

    it('counts what each consumer handled, in the transaction of the effects', async () => {
      const before = await handled('outbox-test-things');
      const thing = randomUUID();
      await unitOfWork.run((tx) => tx.publish(ThingCreated, { thingId: thing, note: 'counted' }));
      await relay.flush();
      await eventually(async () => expect(await effects([thing])).toHaveLength(1));
      await eventually(async () => expect(await handled('outbox-test-things')).toBe(before + 1));
    });

    async function handled(consumer: string): Promise<number> {
      const rows = await dataSource.query<{ handled: string }[]>(
        'SELECT handled FROM consumer_progress WHERE consumer = $1',
        [consumer],
      );
      return Number(rows[0]?.handled ?? 0);
    }
  });

  describe('a row JetStream refuses', () => {
    it('is retried with backoff and holds back only the later rows of its application', async () => {
      const [blocked, other] = [change(), change()];
      const db = executorOf(dataSource);
      // A subject no stream captures: JetStream has nobody to take it.
      const nowhere = `${env.SP_NAMESPACE}.events.nowhere.thing.created.v1.X`;
      await unitOfWork.run(async (tx) => {
        await tx.execute(sql`
          INSERT INTO outbox (id, subject, ordering_key, payload, headers)
          VALUES (${randomUUID()}::uuid, ${nowhere}, ${blocked.applicationId},
                  ${JSON.stringify({ stuck: true })}::jsonb, '{}'::jsonb)`);
        tx.publish(ApplicationStatusChanged, blocked);
        tx.publish(ApplicationStatusChanged, other);
      });
      relay.kick();

      // The other application's event goes; the blocked one's waits behind the refused row.
      await eventually(() => expect(receivedIds()).toContain(other.applicationId));
      const refused = await eventually(async () => {
        const rows = await db.query<{ attempts: number; last_error: string; due: boolean }>(sql`
          SELECT attempts, last_error, next_attempt_at > now() AS due
            FROM outbox WHERE subject = ${nowhere}`);
        expect(rows[0]?.attempts).toBeGreaterThanOrEqual(1);
        return rows[0];
      });
      expect(refused.last_error).toMatch(/JetStreamNotEnabled|no responders|jetstream/i);
      expect(receivedIds()).not.toContain(blocked.applicationId);
      const metrics = await module
        .get(ServiceMetrics)
        .registry.getSingleMetricAsString('outbox_publish_failures_total');
      expect(metrics).toMatch(/reason="rejected"[^}]*} [1-9]/);

      // Whoever fixes the row (here: gives it a captured subject) releases its application.
      await db.execute(sql`
        UPDATE outbox SET subject = ${subject}, payload = ${JSON.stringify(change())}::jsonb,
               next_attempt_at = now()
         WHERE subject = ${nowhere}`);
      relay.kick();
      await eventually(() => expect(receivedIds()).toContain(blocked.applicationId), 20_000);
      await relay.flush();
    });
  });

  it('records and publishes a transaction of more events than one statement can carry', async () => {
    // 13,200 events: five parameters each would be past PostgreSQL's 65,535 in one INSERT.
    const count = 13_200;
    const stream = streamName(env.SP_NAMESPACE, THINGS.name);
    const before = (await nats.jsm.streams.info(stream)).state.messages;
    await unitOfWork.run((tx) => {
      for (let i = 0; i < count; i++)
        tx.publish(ThingCreated, { thingId: randomUUID(), note: 'one-of-many' });
    });
    await relay.flush(120_000);
    expect(await relay.pending()).toBe(0);
    expect((await nats.jsm.streams.info(stream)).state.messages - before).toBe(count);
  }, 180_000);

  it('prunes inbox rows older than the retention, and only those', async () => {
    const [old, recent] = [randomUUID(), randomUUID()];
    await dataSource.query(
      `INSERT INTO inbox (consumer, message_id, processed_at)
       VALUES ('prune-test', $1, now() - interval '31 days'), ('prune-test', $2, now() - interval '29 days')`,
      [old, recent],
    );
    expect(await pruneInbox(executorOf(dataSource))).toBeGreaterThanOrEqual(1);
    const left = await dataSource.query<{ message_id: string }[]>(
      "SELECT message_id FROM inbox WHERE consumer = 'prune-test'",
    );
    expect(left.map((row) => row.message_id)).toEqual([recent]);
  });
});
