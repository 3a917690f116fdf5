import {
  ServiceProcess,
  TestTokenIssuer,
  aFrontDeskOfficer,
  anApplicant,
  anApplication,
  eventually,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';

/**
 * One request can be followed through every service's logs by its request id, and the trace
 * id of its `traceparent`; and no log line, at any level, holds a full NIK.
 */
describe('following one application through the logs', () => {
  let services: ServiceProcess[];
  let issuer: TestTokenIssuer;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    const debug = { LOG_LEVEL: 'debug' };
    services = await Promise.all([
      ServiceProcess.start('gateway', debug),
      ServiceProcess.start('intake', { ...debug, DEMO_SEED: 'true' }),
      ServiceProcess.start('agency', { ...debug, AGENCY_CODE: 'DPMPTSP' }),
      ServiceProcess.start('tracking', debug),
    ]);
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  it('shows the same request id and trace id in gateway, intake, agency and tracking, and never the NIK', async () => {
    const [gateway] = services;
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const application = anApplication({ serviceCode: 'DPMPTSP-SIP' });
    const api = await issuer.apiClient(gateway.url, aFrontDeskOfficer());
    const { response } = await api.POST('/v1/applications', {
      body: application,
      params: {
        header: {
          'X-Request-Id': 'kiosk-7-000123',
          traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
        },
      },
    });
    expect(response.status).toBe(201);

    await eventually(() => {
      for (const service of services) {
        const lines = service
          .logs()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { requestId?: string; traceId?: string });
        const mine = lines.filter((line) => line.requestId === 'kiosk-7-000123');
        expect({ service: service.name, seen: mine.length > 0 }).toEqual({
          service: service.name,
          seen: true,
        });
        expect(mine.every((line) => line.traceId === traceId)).toBe(true);
      }
    });
    for (const service of services) expect(service.logs()).not.toContain(application.applicant.nik);
  });

  it('carries the verified caller and the Idempotency-Key with the request and on every event it caused', async () => {
    const [gateway] = services;
    const key = `kiosk-7-${Date.now()}`;
    const applicant = anApplicant();
    const response = await fetch(`${gateway.url}/v1/applications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `"${key}"`,
        ...(await issuer.authorization(applicant)),
        // Only the gateway's authentication may name a principal: this one is ignored.
        'sp-principal': JSON.stringify({ kind: 'officer', roles: ['MALL_ADMIN'], scopes: [] }),
      },
      // An applicant applies for themself: the body names no applicant.
      body: JSON.stringify({ serviceCode: 'DPMPTSP-SIP' }),
    });
    expect(response.status).toBe(201);
    const { applicationId } = (await response.json()) as { applicationId: string };

    const prefix = `${testEnvironment().SP_NAMESPACE.toUpperCase()}_`;
    const events = await eventually(async () => {
      const mine = (await readStreams(testEnvironment().NATS_URL, prefix)).filter((message) =>
        message.data.includes(applicationId),
      );
      // Intake's ApplicationSubmitted, and the agency's VERIFYING caused by it.
      expect(mine.map((message) => message.subject.split('.')[4]).sort()).toEqual([
        'status-changed',
        'submitted',
      ]);
      return mine;
    });
    for (const event of events) {
      expect(event.headers['idempotency-key']).toBe(key);
      expect(JSON.parse(event.headers['sp-principal'])).toEqual({
        kind: 'applicant',
        subject: applicant.subject,
        roles: [],
        scopes: [],
      });
    }
  });

  it('refuses a malformed Idempotency-Key instead of dropping it', async () => {
    const [gateway] = services;
    const response = await fetch(`${gateway.url}/v1/applications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'no spaces allowed',
        ...(await issuer.authorization(anApplicant())),
      },
      // An applicant applies for themself: the body names no applicant.
      body: JSON.stringify({ serviceCode: 'DPMPTSP-SIP' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('invalid_idempotency_key');
  });
});
