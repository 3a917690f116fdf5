import {
  ApplicationStatusChanged,
  ApplicationSubmitted,
  type ApplicationStatusChangedV1,
  type ApplicationSubmittedV2,
} from '@satupintu/contracts';
import {
  ServiceProcess,
  deleteNamespaceStreams,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * Tracking killed (SIGKILL) while it drains hundreds of events from two streams, twice, each
 * time right after committing a batch and before acking it: every event becomes one timeline
 * entry, and the count of handled events per consumer (guarded only by the inbox: the entries'
 * unique event id would merge a second copy anyway) equals the number of events.
 */
describe('tracking killed while it drains a backlog', () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}t`;
  const prefix = `${env.DB_PREFIX}_to`;
  const isolated = { SP_NAMESPACE: namespace, DB_PREFIX: prefix };
  const BACKLOG = 300;
  const running: ServiceProcess[] = [];

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  const count = async (sql: string) =>
    Number((await queryServiceDb<{ n: string }>(['tracking'], sql, [], prefix))[0]?.n ?? 0);

  it('records every event once and counts every event once', async () => {
    const first = await ServiceProcess.start('tracking', isolated);
    await first.stop();

    const submitted: ApplicationSubmittedV2[] = Array.from({ length: BACKLOG }, (_, i) => ({
      applicationId: randomUUID(),
      trackingNo: `T${String(i).padStart(8, '0')}`,
      serviceCode: 'TRACK-1',
      agencyCode: i % 2 ? 'DUKCAPIL' : 'PUPR',
      agencyTimeZone: 'Asia/Jayapura',
      channel: 'KIOSK',
      submittedAt: new Date(Date.now() - 60_000).toISOString(),
    }));
    const verifying: ApplicationStatusChangedV1[] = submitted.map((application) => ({
      applicationId: application.applicationId,
      trackingNo: application.trackingNo,
      agencyCode: application.agencyCode,
      agencyTimeZone: application.agencyTimeZone,
      from: 'SUBMITTED',
      to: 'VERIFYING',
      changedAt: new Date().toISOString(),
    }));
    await publishEvents(env.NATS_URL, namespace, ApplicationSubmitted, submitted);
    await publishEvents(env.NATS_URL, namespace, ApplicationStatusChanged, verifying);

    for (let crash = 0; crash < 2; crash++) {
      const doomed = await ServiceProcess.spawn('tracking', {
        ...isolated,
        SP_FAILPOINT: 'consumer-after-commit',
      });
      expect(await doomed.exited()).toMatchObject({ signal: 'SIGKILL' });
    }
    expect(await count('SELECT count(*) AS n FROM timeline_entries')).toBeLessThan(2 * BACKLOG);

    running.push(await ServiceProcess.start('tracking', isolated));
    await eventually(
      async () =>
        expect(await count('SELECT count(*) AS n FROM timeline_entries')).toBe(2 * BACKLOG),
      60_000,
    );
    for (const status of ['SUBMITTED', 'VERIFYING']) {
      expect(
        await count(
          `SELECT count(DISTINCT application_id) AS n FROM timeline_entries WHERE status = '${status}'`,
        ),
      ).toBe(BACKLOG);
    }
    for (const consumer of ['tracking-intake', 'tracking-agency']) {
      expect(
        await count(`SELECT handled AS n FROM consumer_progress WHERE consumer = '${consumer}'`),
      ).toBe(BACKLOG);
    }
  }, 120_000);
});
