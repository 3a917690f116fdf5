import { ApplicantProfileChanged, type Principal } from '@satupintu/contracts';
import { generateTrackingNumber } from '@satupintu/domain';
import {
  callGateway,
  ServiceProcess,
  TestTokenIssuer,
  anApplicant,
  anOfficer,
  eventually,
  EventStream,
  publishEvents,
  queryServiceDb,
  TcpProxy,
  testEnvironment,
  uploadPdf,
} from '@satupintu/testing';
import { randomBytes } from 'node:crypto';
import { loadTrackingConfig } from '../../tracking/src/config';
import { issueLookupToken } from '../../tracking/src/lookup/lookup-token';

type Answer = { code?: string; status?: number } & Record<string, unknown>;
type Application = { applicationId: string; trackingNo: string };
interface Entry {
  sequence: number;
  status: string;
  at: string;
  agencyCode: string;
  reason?: string;
  payment?: unknown;
}
const AGENCY = 'DUKCAPIL';
const BIRTH_FORM = {
  childName: 'Ayu',
  childSex: 'PEREMPUAN',
  birthDate: '2026-11-02',
  birthPlace: 'Cibinong',
  motherNik: '3201014506900001',
  marriageRecorded: true,
};
const PER_CALLER = 3;

/**
 * The live timeline (GET /v1/applications/{trackingNo}/events) across the real gateway, intake,
 * agency and tracking, while officers move a case: every entry arrives once, in order; a client
 * that comes back with Last-Event-ID gets exactly what it missed, then live ones; heartbeats keep
 * an idle stream open; a caller who may not read the case hears what an unknown number would;
 * a lookup token reads the public fields only.
 */
describe('the live timeline as server-sent events', () => {
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  /** A second gateway, on NATS through a proxy the test can cut. */
  let cutOff: ServiceProcess;
  let natsProxy: TcpProxy;
  let issuer: TestTokenIssuer;
  const siti = anApplicant();
  const stranger = anApplicant();
  const verifier = anOfficer(AGENCY, ['VERIFIER']);
  const approver = anOfficer(AGENCY, ['APPROVER']);
  const auth = new Map<Principal, string>();

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    for (const principal of [siti, stranger, verifier, approver])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway', {
        LIVE_HEARTBEAT_MS: '300',
        LIVE_STREAMS_PER_CALLER: String(PER_CALLER),
      }),
      ServiceProcess.start('agency', { AGENCY_CODE: AGENCY, DEMO_SEED: 'true' }),
      ServiceProcess.start('tracking'),
    ]);
    gateway = services[1];
    const env = testEnvironment();
    const nats = new URL(env.NATS_URL);
    natsProxy = await TcpProxy.start({ host: nats.hostname, port: Number(nats.port) });
    cutOff = await ServiceProcess.start('gateway', {
      NATS_URL: natsProxy.url(env.NATS_URL).replace(/^[a-z]+:/, 'nats:'),
      LIVE_HEARTBEAT_MS: '300',
    });
    services.push(cutOff);
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicantProfileChanged, [
      {
        applicantId: siti.subject!,
        version: 1,
        nik: '3201014506900001',
        name: 'Siti Rahayu',
        birthDate: '1990-06-05',
        sex: 'F',
        changedAt: new Date().toISOString(),
      },
    ]);
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', AGENCY],
        "SELECT 1 FROM service_standards WHERE code = 'DUKCAPIL-AKTA-LAHIR'",
      );
      expect(rows).toHaveLength(1);
    });
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await natsProxy.stop();
    await issuer.stop();
  });

  const call = (who: Principal, method: string, path: string, body?: unknown) =>
    callGateway<Answer>(gateway.url, auth.get(who)!, method, path, body);

  const move = async (
    who: Principal,
    application: Application,
    body: Record<string, unknown>,
  ): Promise<void> => {
    const moved = await call(
      who,
      'POST',
      `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/transitions`,
      body,
    );
    expect(moved.status).toBe(200);
  };

  const eventsOf = (trackingNo: string, query = '') =>
    `${gateway.url}/v1/applications/${trackingNo}/events${query}`;

  const follow = async (
    who: Principal,
    trackingNo: string,
    headers: Record<string, string> = {},
  ) => {
    const opened = await EventStream.open(eventsOf(trackingNo), {
      authorization: auth.get(who)!,
      ...headers,
    });
    expect(opened.status).toBe(200);
    return opened.stream!;
  };

  async function sitiApplies(): Promise<Application> {
    const documentId = await uploadPdf(gateway.url, auth.get(siti)!);
    const { status, body } = await call(siti, 'POST', '/v1/applications', {
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      form: BIRTH_FORM,
      documents: [{ requirement: 'KK', documentId }],
    });
    expect(status).toBe(201);
    return body as unknown as Application;
  }

  /** Until tracking shows the case (its SUBMITTED entry at least): the stream 404s before. */
  const trackingHas = (application: Application, sequence: number) =>
    eventually(async () => {
      const timeline = await call(
        siti,
        'GET',
        `/v1/applications/${application.trackingNo}/timeline`,
      );
      expect(timeline.status).toBe(200);
      expect((timeline.body.entries as Entry[]).map((e) => e.sequence)).toContain(sequence);
    });

  it('sends every entry live, then exactly the missed ones after a reconnect, then live ones', async () => {
    const application = await sitiApplies();
    // The agency starts verifying by itself (sequence 1): wait for it, so the walk below is the
    // officers' alone.
    await trackingHas(application, 1);

    const first = await follow(siti, application.trackingNo);
    expect(first.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    // The stream passes the same transport hygiene as any answer: no cache may keep it.
    expect(first.response.headers.get('cache-control')).toBe('no-store');
    expect(first.response.headers.get('x-content-type-options')).toBe('nosniff');
    await first.hasReached(1);
    expect(first.sequences()).toEqual([0, 1]);
    expect(first.events.map((e) => [e.id, e.event])).toEqual([
      ['0', 'status'],
      ['1', 'status'],
    ]);
    expect(first.retry).toBeGreaterThan(0);

    await move(verifier, application, {
      action: 'REQUEST_REVISION',
      reason: 'The family card scan is unreadable.',
      requirements: ['KK'],
    });
    await first.hasReached(2);
    expect(first.entries()[2]).toMatchObject({
      sequence: 2,
      status: 'NEEDS_REVISION',
      agencyCode: AGENCY,
      reason: 'The family card scan is unreadable.',
    });

    // Siti leaves; the case moves on without her.
    first.close();
    const lastSeen = first.events.at(-1)!.id!;
    expect(lastSeen).toBe('2');
    const documentId = await uploadPdf(gateway.url, auth.get(siti)!);
    const corrected = await call(
      siti,
      'POST',
      `/v1/applications/${application.trackingNo}/resubmit`,
      {
        form: { birthDate: '2026-11-03' },
        documents: [{ requirement: 'KK', documentId }],
      },
    );
    expect(corrected.status).toBe(200);
    await trackingHas(application, 3);
    await move(verifier, application, { action: 'COMPLETE_VERIFICATION' });
    await trackingHas(application, 4);

    // She comes back with the last id she has: 3 and 4 (missed), then 5 and 6 live.
    const second = await follow(siti, application.trackingNo, { 'last-event-id': lastSeen });
    await second.hasReached(4);
    await move(approver, application, { action: 'APPROVE', reason: 'All in order.' });
    await second.hasReached(5);
    await move(approver, application, { action: 'ISSUE' });
    await second.hasReached(6);

    const all = [...first.sequences(), ...second.sequences()];
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(second.entries().map((e) => e.status)).toEqual([
      'VERIFYING',
      'IN_REVIEW',
      'APPROVED',
      'ISSUED',
    ]);
    // What the stream carried is what the timeline says.
    const timeline = await call(siti, 'GET', `/v1/applications/${application.trackingNo}/timeline`);
    expect([...first.entries(), ...second.entries()]).toEqual(timeline.body.entries);

    // The query parameter serves clients that cannot set the header; the header wins.
    const byQuery = await EventStream.open(eventsOf(application.trackingNo, '?lastEventId=4'), {
      authorization: auth.get(verifier)!,
      'last-event-id': '5',
    });
    expect(byQuery.status).toBe(200);
    await byQuery.stream!.hasReached(6);
    expect(byQuery.stream!.sequences()).toEqual([6]);
    byQuery.stream!.close();

    // A heartbeat comment keeps the idle stream open.
    await eventually(() => expect(second.comments).toContain('heartbeat'));
    expect(second.sequences()).toEqual([3, 4, 5, 6]);
    second.close();
  });

  it('answers a caller who may not read the case as for a number nobody has', async () => {
    const application = await sitiApplies();
    await trackingHas(application, 0);
    const refused = await EventStream.open(eventsOf(application.trackingNo), {
      authorization: auth.get(stranger)!,
    });
    const unknown = await EventStream.open(eventsOf(generateTrackingNumber(randomBytes)), {
      authorization: auth.get(stranger)!,
    });
    expect([refused.status, refused.body?.code]).toEqual([404, 'application_not_found']);
    expect([unknown.status, unknown.body?.code]).toEqual([404, 'application_not_found']);
    expect(Object.keys(refused.body!).sort()).toEqual(Object.keys(unknown.body!).sort());

    const anonymous = await EventStream.open(eventsOf(application.trackingNo), {});
    expect([anonymous.status, anonymous.body?.code]).toEqual([401, 'unauthenticated']);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer /);

    const badId = await EventStream.open(eventsOf(application.trackingNo), {
      authorization: auth.get(siti)!,
      'last-event-id': 'abc',
    });
    expect([badId.status, badId.body?.code]).toEqual([400, 'validation_failed']);
  });

  it('lets a lookup token follow the case, with the public fields only', async () => {
    const application = await sitiApplies();
    await trackingHas(application, 1);
    const { lookupKey } = loadTrackingConfig(process.env);
    const token = issueLookupToken(lookupKey, application.trackingNo);

    const opened = await EventStream.open(
      eventsOf(application.trackingNo, `?lookupToken=${token}`),
      {},
    );
    expect(opened.status).toBe(200);
    const stream = opened.stream!;
    await stream.hasReached(1);
    await move(verifier, application, {
      action: 'REQUEST_REVISION',
      reason: 'The family card scan is unreadable.',
      requirements: ['KK'],
    });
    await stream.hasReached(2);
    expect(stream.sequences()).toEqual([0, 1, 2]);
    for (const entry of stream.entries())
      expect(Object.keys(entry).sort()).toEqual(['agencyCode', 'at', 'sequence', 'status']);
    expect(stream.entries()[2].status).toBe('NEEDS_REVISION');
    stream.close();

    // A token for another case, or a forged one, reads nothing.
    const other = await sitiApplies();
    await trackingHas(other, 0);
    const wrongCase = await EventStream.open(
      eventsOf(other.trackingNo, `?lookupToken=${token}`),
      {},
    );
    expect([wrongCase.status, wrongCase.body?.code]).toEqual([404, 'application_not_found']);
    const forged = `${token.slice(0, -4)}AAAA`;
    const refused = await EventStream.open(
      eventsOf(application.trackingNo, `?lookupToken=${forged}`),
      {},
    );
    expect([refused.status, refused.body?.code]).toEqual([404, 'application_not_found']);
  });

  it('holds a bounded number of streams per caller, and frees one when its client leaves', async () => {
    const application = await sitiApplies();
    await trackingHas(application, 0);
    const open: EventStream[] = [];
    for (let i = 0; i < PER_CALLER; i++) open.push(await follow(siti, application.trackingNo));
    const refused = await EventStream.open(eventsOf(application.trackingNo), {
      authorization: auth.get(siti)!,
    });
    expect([refused.status, refused.body?.code]).toEqual([429, 'too_many_live_streams']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another caller is not held back by Siti's streams.
    const verifierStream = await follow(verifier, application.trackingNo);
    verifierStream.close();

    open.pop()!.close();
    const again = await eventually(async () => {
      const opened = await EventStream.open(eventsOf(application.trackingNo), {
        authorization: auth.get(siti)!,
      });
      expect(opened.status).toBe(200);
      return opened.stream!;
    });
    await again.hasReached(0);
    again.close();
    for (const stream of open) stream.close();
  });

  it('finds an announcement it never heard by the next one, and fetches it from tracking', async () => {
    const application = await sitiApplies();
    await trackingHas(application, 1);
    const opened = await EventStream.open(
      `${cutOff.url}/v1/applications/${application.trackingNo}/events`,
      {
        authorization: auth.get(siti)!,
      },
    );
    expect(opened.status).toBe(200);
    const stream = opened.stream!;
    await stream.hasReached(1);

    // This gateway loses NATS while entry 2 is announced: core NATS keeps nothing for it.
    await natsProxy.cut();
    await move(verifier, application, {
      action: 'REQUEST_REVISION',
      reason: 'The family card scan is unreadable.',
      requirements: ['KK'],
    });
    await trackingHas(application, 2);
    await natsProxy.restore();
    await eventually(async () =>
      expect((await fetch(`${cutOff.url}/health/ready`)).status).toBe(200),
    );
    expect(stream.sequences()).toEqual([0, 1]);

    // Entry 3's announcement skips 2: the stream asks tracking, and sends 2 before 3.
    const corrected = await call(
      siti,
      'POST',
      `/v1/applications/${application.trackingNo}/resubmit`,
      {
        form: { birthDate: '2026-11-03' },
      },
    );
    expect(corrected.status).toBe(200);
    await stream.hasReached(3);
    expect(stream.sequences()).toEqual([0, 1, 2, 3]);
    expect(stream.entries()[2]).toMatchObject({ status: 'NEEDS_REVISION' });
    expect(stream.ended).toBe(false);
    stream.close();
  });
});
