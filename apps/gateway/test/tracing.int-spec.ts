import { createApiClient } from '@satupintu/api-client';
import { ServiceProcess, anApplication, eventually } from '@satupintu/testing';

/**
 * One request can be followed through every service's logs by its request id, and the trace
 * id of its `traceparent`; and no log line, at any level, holds a full NIK.
 */
describe('following one application through the logs', () => {
  let services: ServiceProcess[];

  beforeAll(async () => {
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
  });

  it('shows the same request id and trace id in gateway, intake, agency and tracking, and never the NIK', async () => {
    const [gateway] = services;
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const application = anApplication({ serviceCode: 'DPMPTSP-SIP' });
    const { response } = await createApiClient(gateway.url).POST('/v1/applications', {
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
});
