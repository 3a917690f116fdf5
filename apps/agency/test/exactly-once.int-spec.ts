import {
  ApplicationSubmitted,
  INTAKE_STREAM,
  type ApplicationSubmittedV2,
} from '@satupintu/contracts';
import { streamName } from '@satupintu/messaging';
import {
  ServiceProcess,
  deleteNamespaceStreams,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';

/**
 * Exactly once, proven where it can break: the agency is killed (SIGKILL) while it drains a
 * backlog of hundreds of events, twice, each time right after it committed a batch and before
 * it acked it, so JetStream hands the same messages to the next process. Every case is opened
 * once, and the count of handled events, which only the inbox keeps from counting a redelivery
 * again (unlike the cases table, whose ON CONFLICT would merge a second copy anyway), equals the
 * number of events.
 */
describe('an agency killed while it drains a backlog', () => {
  const env = testEnvironment();
  // A namespace and databases of its own: nothing else consumes or counts here.
  const namespace = `${env.SP_NAMESPACE}e`;
  const prefix = `${env.DB_PREFIX}_eo`;
  const AGENCY = 'EXACT';
  const BACKLOG = 500;
  const isolated = { SP_NAMESPACE: namespace, DB_PREFIX: prefix, AGENCY_CODE: AGENCY };
  const running: ServiceProcess[] = [];

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  const db = <T>(sql: string, params: unknown[] = []) =>
    queryServiceDb<T>(['agency', AGENCY], sql, params, prefix);
  const count = async (sql: string) => Number((await db<{ n: string }>(sql))[0].n);

  function submitted(): ApplicationSubmittedV2 {
    return {
      applicationId: randomUUID(),
      trackingNo: randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase(),
      serviceCode: 'EXACT-1',
      agencyCode: AGENCY,
      agencyTimeZone: 'Asia/Makassar',
      channel: 'WEB',
      submittedAt: new Date().toISOString(),
    };
  }

  async function duplicatesSeenBy(service: ServiceProcess): Promise<number> {
    const text = await (await fetch(`${service.url}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('messages_handled_total') && l.includes('outcome="duplicate"'));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  it('opens every case once and counts every event once', async () => {
    // First start: the durable consumer and the database exist; then it stops cleanly.
    const first = await ServiceProcess.start('agency', isolated);
    await first.stop();
    await publishEvents(
      env.NATS_URL,
      namespace,
      ApplicationSubmitted,
      Array.from({ length: BACKLOG }, submitted),
    );

    // Twice: it commits its first batch, then dies as by kill -9, before acking it.
    for (let crash = 0; crash < 2; crash++) {
      const doomed = await ServiceProcess.spawn('agency', {
        ...isolated,
        SP_FAILPOINT: 'consumer-after-commit',
      });
      expect(await doomed.exited()).toMatchObject({ signal: 'SIGKILL' });
    }
    const casesAfterCrashes = await count('SELECT count(*) AS n FROM cases');
    expect(casesAfterCrashes).toBeGreaterThan(0);
    expect(casesAfterCrashes).toBeLessThan(BACKLOG);

    const survivor = await ServiceProcess.start('agency', isolated);
    running.push(survivor);
    await eventually(
      async () => expect(await count('SELECT count(*) AS n FROM cases')).toBe(BACKLOG),
      60_000,
    );

    expect(
      await count(
        'SELECT count(*) AS n FROM (SELECT application_id FROM case_history GROUP BY 1 HAVING count(*) <> 1) x',
      ),
    ).toBe(0);
    expect(await count('SELECT count(*) AS n FROM case_history')).toBe(BACKLOG);
    expect(
      await count(
        "SELECT handled AS n FROM consumer_progress WHERE consumer = 'agency-exact-intake'",
      ),
    ).toBe(BACKLOG);
    expect(
      await count("SELECT count(*) AS n FROM inbox WHERE consumer = 'agency-exact-intake'"),
    ).toBe(BACKLOG);

    // What the last crash committed but never acked came back, and was recognised.
    expect(await duplicatesSeenBy(survivor)).toBeGreaterThan(0);

    // Nothing left waiting in JetStream either.
    const nc = await connect({ servers: env.NATS_URL });
    try {
      const jsm = await jetstreamManager(nc);
      await eventually(async () => {
        const info = await jsm.consumers.info(
          streamName(namespace, INTAKE_STREAM.name),
          'agency-exact-intake',
        );
        expect(info.num_pending + info.num_ack_pending).toBe(0);
      });
    } finally {
      await nc.close();
    }
  }, 120_000);
});
