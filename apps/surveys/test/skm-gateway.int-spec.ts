import { parse, type ParserError } from 'parse5';
import {
  ApplicationStatusChanged,
  ApplicationSubmitted,
  type Principal,
} from '@satupintu/contracts';
import {
  ServiceProcess,
  TestTokenIssuer,
  anApiClient,
  anApplicant,
  anOfficer,
  callGateway,
  deleteNamespaceStreams,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * SKM through the gateway: who may send and read what, the Idempotency-Key of a response, and
 * the public report's forms. The figures themselves are checked in skm.int-spec.ts.
 */
describe('SKM through the gateway', () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}gskm`;
  const prefix = `${env.DB_PREFIX}_gskm`;
  const isolated = { SP_NAMESPACE: namespace, DB_PREFIX: prefix };
  let services: ServiceProcess[] = [];
  let issuer: TestTokenIssuer;
  let gateway: ServiceProcess;
  const auth = new Map<Principal, string>();

  const applicant = anApplicant();
  const kiosk = anApiClient(['surveys:kiosk']);
  const portal = anApiClient(['applications:submit']);
  const analyst = anOfficer('MPP', ['SURVEY_ANALYST']);
  const applicationId = randomUUID();
  const TRACKING_NO = 'SKMG00001';

  const call = (principal: Principal | undefined, method: string, path: string, body?: unknown) =>
    callGateway(gateway.url, principal ? auth.get(principal)! : '', method, path, body);

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace });
    for (const principal of [applicant, kiosk, portal, analyst])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('gateway', isolated),
      ServiceProcess.start('surveys', isolated),
    ]);
    [gateway] = services;
    await publishEvents(env.NATS_URL, namespace, ApplicationSubmitted, [
      {
        applicationId,
        trackingNo: TRACKING_NO,
        serviceCode: 'DUKCAPIL-KK',
        agencyCode: 'DUKCAPIL',
        agencyTimeZone: 'Asia/Jakarta',
        channel: 'WEB',
        applicantId: applicant.subject,
        submittedAt: '2026-01-05T02:00:00Z',
      },
    ]);
    await publishEvents(env.NATS_URL, namespace, ApplicationStatusChanged, [
      {
        applicationId,
        trackingNo: TRACKING_NO,
        agencyCode: 'DUKCAPIL',
        agencyTimeZone: 'Asia/Jakarta',
        from: 'APPROVED',
        to: 'ISSUED',
        changedAt: '2026-01-07T08:00:00Z',
      },
    ]);
    await eventually(async () => {
      const rows = await queryServiceDb<{ finished_at: Date | null; applicant_id: string | null }>(
        ['surveys'],
        'SELECT finished_at, applicant_id FROM served_cases',
        [],
        prefix,
      );
      expect(rows.map((r) => [r.applicant_id, r.finished_at !== null])).toEqual([
        [applicant.subject, true],
      ]);
    }, 60_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer?.stop();
    await deleteNamespaceStreams(env.NATS_URL, namespace);
  });

  it("takes the applicant's response once, replays it under its key, refuses a second", async () => {
    const key = randomUUID();
    const send = (idempotencyKey: string) =>
      fetch(`${gateway.url}/v1/skm/responses`, {
        method: 'POST',
        headers: {
          authorization: auth.get(applicant)!,
          'content-type': 'application/json',
          'accept-language': 'en',
          'idempotency-key': idempotencyKey,
        },
        body: JSON.stringify({ trackingNo: TRACKING_NO, answers: { U1: 4, U9: 3 } }),
      });
    const first = await send(key);
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as { answered: string[]; source: string };
    expect(receipt).toMatchObject({ source: 'CASE', answered: ['U1', 'U9'] });
    const replay = await send(key);
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    const second = await send(randomUUID());
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(((await second.json()) as { type: string }).type).toBe(
      'urn:satupintu:problem:skm-already-answered',
    );
  });

  it('refuses a response without a token, and an answer out of range', async () => {
    const body = { trackingNo: TRACKING_NO, answers: { U1: 4 } };
    expect((await call(undefined, 'POST', '/v1/skm/responses', body)).status).toBe(401);
    const invalid = await call(applicant, 'POST', '/v1/skm/responses', {
      trackingNo: TRACKING_NO,
      answers: { U1: 5 },
    });
    expect(invalid.status).toBe(400);
  });

  it('takes kiosk responses from a kiosk only', async () => {
    const body = {
      agencyCode: 'DUKCAPIL',
      serviceCode: 'DUKCAPIL-KK',
      day: '2026-01-20',
      answers: { U1: 3, U2: 3, U3: 3, U4: 3, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3 },
    };
    expect((await call(kiosk, 'POST', '/v1/skm/kiosk-responses', body)).status).toBe(201);
    expect((await call(portal, 'POST', '/v1/skm/kiosk-responses', body)).status).toBe(403);
    const other = await call(kiosk, 'POST', '/v1/skm/kiosk-responses', {
      ...body,
      serviceCode: 'PUPR-PBG',
    });
    expect(other.status).toBe(422);
  });

  it('lets the staff read the index, and nobody else', async () => {
    const path = '/v1/skm/index?period=quarter&at=2026-01-15&serviceCode=DUKCAPIL-KK';
    const index = await call(analyst, 'GET', path);
    expect(index.status).toBe(200);
    expect(index.body).toMatchObject({
      respondents: 1,
      population: 1,
      ikmRounded: 75,
      category: 'C',
      weightRule: 'EXACT',
    });
    expect((await call(undefined, 'GET', path)).status).toBe(401);
    expect((await call(applicant, 'GET', path)).status).toBe(403);
  });

  it('publishes the report to anyone as JSON, CSV and a valid HTML page', async () => {
    const query = '?period=quarter&at=2026-01-15&serviceCode=DUKCAPIL-KK&lang=en';
    const json = await call(undefined, 'GET', `/v1/skm/report${query}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ language: 'en', followUpPlan: { items: [] } });
    const csv = await fetch(`${gateway.url}/v1/skm/report.csv${query}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^period,periodStart,periodEnd,/);
    const html = await fetch(`${gateway.url}/v1/skm/report.html${query}`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    const errors: ParserError[] = [];
    parse(await html.text(), { onParseError: (error) => errors.push(error) });
    expect(errors).toEqual([]);
  });
});
