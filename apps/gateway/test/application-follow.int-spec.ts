import { ApplicationStatusChanged, type Principal, type Status } from '@satupintu/contracts';
import {
  ServiceProcess,
  TestTokenIssuer,
  aFrontDeskOfficer,
  anApplicant,
  eventually,
  publishEvents,
  queryServiceDb,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';

type Answer = { status?: string; code?: string } & Record<string, unknown>;

/**
 * The applicant follows and withdraws their application, across the real gateway and intake:
 * intake hears the statuses from the agency's events (a test plays the agency, publishing
 * ApplicationStatusChanged on real NATS through the contract) and tells the agency of a
 * withdrawal through the outbox.
 */
describe('GET /v1/applications/{trackingNo} and POST …/withdraw', () => {
  const env = testEnvironment();
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  const siti = anApplicant();
  const budi = anApplicant();
  const frontDesk = aFrontDeskOfficer();
  const auth = new Map<Principal, string>();

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    for (const principal of [siti, budi, frontDesk])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
    ]);
    gateway = services[1];
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  async function call(who: Principal, method: string, path: string, body?: unknown) {
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers: {
        authorization: auth.get(who)!,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Answer };
  }

  /** Siti applies for a family card herself; answers its ids. */
  async function sitiApplies(): Promise<{ applicationId: string; trackingNo: string }> {
    const { status, body } = await call(siti, 'POST', '/v1/applications', {
      serviceCode: 'DUKCAPIL-KK',
    });
    expect(status).toBe(201);
    return body as unknown as { applicationId: string; trackingNo: string };
  }

  /** The agency moves it, as its own service would; resolves once intake has handled it. */
  async function agencyMoves(
    application: { applicationId: string; trackingNo: string },
    from: Status,
    to: Status,
  ): Promise<void> {
    const [eventId] = await publishEvents(
      env.NATS_URL,
      env.SP_NAMESPACE,
      ApplicationStatusChanged,
      [
        {
          applicationId: application.applicationId,
          trackingNo: application.trackingNo,
          agencyCode: 'DUKCAPIL',
          agencyTimeZone: 'Asia/Jakarta',
          from,
          to,
          changedAt: new Date().toISOString(),
        },
      ],
    );
    await eventually(async () => {
      const handled = await queryServiceDb(
        ['intake'],
        `SELECT 1 FROM inbox WHERE consumer = 'intake-agency' AND message_id = $1`,
        [eventId],
      );
      expect(handled).toHaveLength(1);
    });
  }

  it('shows the applicant their application and the status the agency reports', async () => {
    const application = await sitiApplies();
    const submitted = await call(siti, 'GET', `/v1/applications/${application.trackingNo}`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      ...application,
      serviceCode: 'DUKCAPIL-KK',
      agencyCode: 'DUKCAPIL',
      channel: 'WEB',
      status: 'SUBMITTED',
    });
    expect(submitted.body).not.toHaveProperty('statusChangedAt');

    await agencyMoves(application, 'SUBMITTED', 'VERIFYING');
    const typed = application.trackingNo.toLowerCase().replace(/^(.{4})(.{4})/, '$1-$2-');
    const verifying = await call(siti, 'GET', `/v1/applications/${typed}`);
    expect(verifying.body).toMatchObject({ status: 'VERIFYING' });
    expect(verifying.body.statusChangedAt).toMatch(/\+07:00$/);
  });

  it('answers anyone else as for a number nobody has', async () => {
    const { trackingNo } = await sitiApplies();
    const other = await call(budi, 'GET', `/v1/applications/${trackingNo}`);
    expect([other.status, other.body.code]).toEqual([404, 'application_not_found']);
    const officer = await call(frontDesk, 'GET', `/v1/applications/${trackingNo}`);
    expect(officer.status).toBe(403);
  });

  it('withdraws an undecided application once, and tells the agency', async () => {
    const application = await sitiApplies();
    await agencyMoves(application, 'SUBMITTED', 'VERIFYING');
    const path = `/v1/applications/${application.trackingNo}/withdraw`;
    expect((await call(budi, 'POST', path)).status).toBe(404);
    expect((await call(frontDesk, 'POST', path)).status).toBe(403);

    const withdrawn = await call(siti, 'POST', path);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      trackingNo: application.trackingNo,
      status: 'WITHDRAWN',
    });

    const again = await call(siti, 'POST', path);
    expect([again.status, again.body.code]).toEqual([409, 'application_not_withdrawable']);

    // The agency hears of it on JetStream, by the application, never by who applied.
    const prefix = `${env.SP_NAMESPACE.toUpperCase()}_`;
    await eventually(async () => {
      const told = (await readStreams(env.NATS_URL, prefix)).filter(
        (message) =>
          message.subject.includes('intake.application.withdrawn.v1') &&
          message.data.includes(application.applicationId),
      );
      expect(told).toHaveLength(1);
      expect(told[0].subject.endsWith('.DUKCAPIL')).toBe(true);
      expect(JSON.parse(told[0].data)).toEqual({
        applicationId: application.applicationId,
        trackingNo: application.trackingNo,
        agencyCode: 'DUKCAPIL',
        withdrawnAt: expect.any(String) as string,
      });
    });

    // A step the agency took before it heard stays behind the withdrawal.
    await agencyMoves(application, 'VERIFYING', 'IN_REVIEW');
    const after = await call(siti, 'GET', `/v1/applications/${application.trackingNo}`);
    expect(after.body).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('refuses to withdraw once the agency has decided', async () => {
    const application = await sitiApplies();
    await agencyMoves(application, 'SUBMITTED', 'REJECTED');
    const refused = await call(siti, 'POST', `/v1/applications/${application.trackingNo}/withdraw`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'application_not_withdrawable' });
    const kept = await call(siti, 'GET', `/v1/applications/${application.trackingNo}`);
    expect(kept.body).toMatchObject({ status: 'REJECTED' });
  });
});
