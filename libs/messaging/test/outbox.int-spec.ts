import { Test, type TestingModule } from '@nestjs/testing';
import { jetstream } from '@nats-io/jetstream';
import { CoreModule, ServiceMetrics, createLogger } from '@satupintu/common';
import { ApplicationStatusChanged, type ApplicationStatusChangedV1 } from '@satupintu/contracts';
import { PersistenceModule, databaseName, executorOf } from '@satupintu/persistence';
import { eventually, testEnvironment } from '@satupintu/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CreateOutboxAndInbox1763856000000,
  EVENT_ID_HEADER,
  EventConsumers,
  EventsModule,
  type EventMeta,
  NatsClients,
  NatsModule,
  OutboxRelay,
  UnitOfWork,
  outgoing,
  pruneInbox,
} from '../src';

/**
 * The outbox against real PostgreSQL and JetStream, in one process: what a transaction
 * publishes reaches a durable consumer once, in commit order, and only if it committed.
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
          migrations: [CreateOutboxAndInbox1763856000000],
        }),
        NatsModule.forRoot({ url: env.NATS_URL, name: 'outbox-test', namespace: env.SP_NAMESPACE }),
        EventsModule.forRoot(),
      ],
    }).compile();
    await module.init();
    unitOfWork = module.get(UnitOfWork);
    relay = module.get(OutboxRelay);
    nats = module.get(NatsClients);
    dataSource = module.get(DataSource);
    await module.get(EventConsumers).start({
      event: ApplicationStatusChanged,
      durable: 'outbox-test',
      routingKey: AGENCY,
      handle: (event, _tx, meta) => void received.push({ event, meta }),
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

  const subject = `${env.SP_NAMESPACE}.${ApplicationStatusChanged.subject}.${AGENCY}`;
  const receivedIds = () => received.map((r) => r.event.applicationId);

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
        await tx.manager.query('SELECT 1 FROM no_such_table');
      }),
    ).rejects.toThrow();
    const marker = change();
    await unitOfWork.run((tx) => tx.publish(ApplicationStatusChanged, marker));
    await relay.flush();
    await eventually(() => expect(receivedIds()).toContain(marker.applicationId));
    expect(receivedIds()).not.toContain(doomed.applicationId);
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
      'INSERT INTO outbox (id, subject, payload, headers) VALUES ($1, $2, $3::jsonb, $4::jsonb)',
      [
        first.meta.eventId,
        subject,
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
    // Any table does as the state: the inbox is the one this test database has.
    const write = (key: string, event: ApplicationStatusChangedV1) =>
      unitOfWork.writeWithEvents(
        'INSERT INTO inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        ['write-with-events', key],
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

  it('lets one failing event hold back only itself, and applies every event once', async () => {
    const events = Array.from({ length: 6 }, change);
    const poison = events[2].applicationId;
    const attempts = new Map<string, number>();
    await module.get(EventConsumers).start({
      event: ApplicationStatusChanged,
      durable: 'outbox-test-poison',
      routingKey: AGENCY,
      handle: async (event, tx) => {
        attempts.set(event.applicationId, (attempts.get(event.applicationId) ?? 0) + 1);
        // A write that cannot happen twice: a second application of the same event would fail.
        await tx.manager.query('INSERT INTO inbox (consumer, message_id) VALUES ($1, $2)', [
          'side-effect',
          event.applicationId,
        ]);
        // In the batch, then alone: it fails twice, and is redelivered after a back-off.
        if (event.applicationId === poison && attempts.get(poison)! <= 2) {
          throw new Error('the poison event fails');
        }
      },
    });
    // One transaction: the six arrive together and are handled as one batch.
    await unitOfWork.run((tx) =>
      events.forEach((event) => tx.publish(ApplicationStatusChanged, event)),
    );
    await relay.flush();

    const ids = events.map((event) => event.applicationId);
    const others = ids.filter((id) => id !== poison);
    await eventually(async () => {
      const rows = await dataSource.query<{ message_id: string }[]>(
        "SELECT message_id FROM inbox WHERE consumer = 'side-effect' AND message_id = ANY($1)",
        [others],
      );
      expect(rows).toHaveLength(others.length);
    });
    expect(attempts.get(poison)).toBe(2); // the others did not wait for its redelivery
    await eventually(async () => {
      const rows = await dataSource.query<{ message_id: string }[]>(
        "SELECT message_id FROM inbox WHERE consumer = 'side-effect' AND message_id = ANY($1)",
        [ids],
      );
      expect(rows.map((row) => row.message_id).sort()).toEqual([...ids].sort());
    }, 20_000);
    expect(attempts.get(poison)).toBe(3);
  });

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

  it('keeps events in commit order', async () => {
    const events = Array.from({ length: 20 }, change);
    for (const event of events)
      await unitOfWork.run((tx) => tx.publish(ApplicationStatusChanged, event));
    await relay.flush();
    const ids = events.map((event) => event.applicationId);
    await eventually(() => expect(receivedIds().filter((id) => ids.includes(id))).toEqual(ids));
  });
});
