import { jetstream } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { ApplicationSubmitted, type ApplicationSubmittedV2 } from '@satupintu/contracts';
import { EVENT_ID_HEADER, eventSubject } from '@satupintu/messaging';
import { ServiceProcess, eventually, queryServiceDb, testEnvironment } from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * The same event reaching the agency more than once: a relay that crashed between publishing
 * and deleting its outbox row republishes it (same Nats-Msg-Id: JetStream drops it), or
 * republishes it after JetStream's duplicate window (new Nats-Msg-Id, same event id: the
 * agency's inbox drops it). Either way the case is opened once and VERIFYING is said once.
 */
describe('an event delivered twice', () => {
  const AGENCY = 'PUPR';
  let agency: ServiceProcess;
  let tracking: ServiceProcess;
  let nc: NatsConnection;

  beforeAll(async () => {
    [agency, tracking] = await Promise.all([
      ServiceProcess.start('agency', { AGENCY_CODE: AGENCY }),
      ServiceProcess.start('tracking'),
    ]);
    nc = await connect({ servers: testEnvironment().NATS_URL });
  });

  afterAll(async () => {
    await nc?.close();
    await Promise.all([agency?.stop(), tracking?.stop()]);
  });

  function submittedEvent(): ApplicationSubmittedV2 {
    return {
      applicationId: randomUUID(),
      trackingNo: randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase(),
      serviceCode: 'PUPR-PBG',
      agencyCode: AGENCY,
      agencyTimeZone: 'Asia/Jakarta',
      channel: 'COUNTER',
      submittedAt: new Date().toISOString(),
    };
  }

  async function publish(event: ApplicationSubmittedV2, eventId: string, msgID: string) {
    const h = headers();
    h.set(EVENT_ID_HEADER, eventId);
    const subject = eventSubject(
      testEnvironment().SP_NAMESPACE,
      ApplicationSubmitted.subject,
      AGENCY,
    );
    return jetstream(nc).publish(subject, JSON.stringify(event), { msgID, headers: h });
  }

  async function statusChangesOf(applicationId: string) {
    return queryServiceDb<{ to_status: string }>(
      ['agency', AGENCY],
      'SELECT to_status FROM case_history WHERE application_id = $1',
      [applicationId],
    );
  }

  /** Events the agency's consumer has handled: counted with their effects, guarded only by the inbox. */
  async function handledByAgency(): Promise<number> {
    const rows = await queryServiceDb<{ handled: string }>(
      ['agency', AGENCY],
      "SELECT handled FROM consumer_progress WHERE consumer = 'agency-pupr-intake'",
    );
    return Number(rows[0]?.handled ?? 0);
  }

  it('is processed once when republished after the duplicate window, under a new message id', async () => {
    const before = await handledByAgency();
    const event = submittedEvent();
    const eventId = randomUUID();
    const first = await publish(event, eventId, randomUUID());
    const second = await publish(event, eventId, randomUUID());
    expect(second.duplicate).toBe(false); // JetStream stored both: only the inbox stands between them
    expect(second.seq).toBeGreaterThan(first.seq);

    // A later event on the same consumer proves the duplicate was consumed before we look.
    const marker = submittedEvent();
    await publish(marker, randomUUID(), randomUUID());
    await eventually(async () =>
      expect(await statusChangesOf(marker.applicationId)).toHaveLength(1),
    );

    expect(await statusChangesOf(event.applicationId)).toEqual([{ to_status: 'VERIFYING' }]);
    // The event and the marker, not the copy: the case table would have merged the copy
    // anyway (ON CONFLICT), but this count has only the inbox to keep it honest.
    expect(await handledByAgency()).toBe(before + 2);
    const inbox = await queryServiceDb(
      ['agency', AGENCY],
      'SELECT 1 FROM inbox WHERE message_id = $1',
      [eventId],
    );
    expect(inbox).toHaveLength(1);
    await eventually(async () => {
      // Tracking consumed the duplicate too, and also recorded the submission once.
      const timeline = await queryServiceDb<{ status: string }>(
        ['tracking'],
        'SELECT status FROM timeline_entries WHERE application_id = $1 ORDER BY status',
        [event.applicationId],
      );
      expect(timeline).toEqual([{ status: 'SUBMITTED' }, { status: 'VERIFYING' }]);
    });
  });

  it('is dropped by JetStream when republished with the same message id', async () => {
    const event = submittedEvent();
    const eventId = randomUUID();
    await publish(event, eventId, eventId);
    const again = await publish(event, eventId, eventId);
    expect(again.duplicate).toBe(true);
    await eventually(async () =>
      expect(await statusChangesOf(event.applicationId)).toEqual([{ to_status: 'VERIFYING' }]),
    );
  });
});
