import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { ApiClient } from '@satupintu/api-client';
import { SubmitApplication } from '@satupintu/contracts';
import { namespacedSubject } from '@satupintu/messaging';
import {
  ServiceProcess,
  TestTokenIssuer,
  aFrontDeskOfficer,
  anApplication,
  eventually,
  testEnvironment,
} from '@satupintu/testing';

/**
 * When the service behind the gateway is missing or too slow, the caller learns it at once and
 * in plain words: 503 or 504 problem+json, never a hang or a 500.
 */
describe('the gateway when a service behind it fails', () => {
  // A namespace of its own: no intake of any other suite can answer these requests.
  const namespace = `${testEnvironment().SP_NAMESPACE}x`;
  let gateway: ServiceProcess;
  let nc: NatsConnection;
  let issuer: TestTokenIssuer;
  let api: ApiClient;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start({ natsUrl: testEnvironment().NATS_URL, namespace });
    gateway = await ServiceProcess.start('gateway', {
      SP_NAMESPACE: namespace,
      NATS_REQUEST_TIMEOUT_MS: '300',
    });
    nc = await connect({ servers: testEnvironment().NATS_URL });
    api = await issuer.apiClient(gateway.url, aFrontDeskOfficer());
    // The gateway fetches the signing keys once, on the first token: with a 300 ms limit on a
    // busy machine that fetch may itself time out (503 naming identity). Have them before the
    // tests, whose subject is intake missing or slow.
    await eventually(async () => {
      const { error } = await submit();
      expect(error?.detail ?? '').not.toContain('identity');
    }, 30_000);
  });

  afterAll(async () => {
    await nc?.close();
    await gateway?.stop();
    await issuer?.stop();
  });

  const submit = () =>
    api.POST('/v1/applications', {
      body: anApplication(),
      params: { header: { 'Accept-Language': 'en' } },
    });

  it('answers 503 when no intake is listening, and when to try again', async () => {
    const { error, response } = await submit();
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('retry-after')).toBe('5');
    expect(error?.code).toBe('service_unavailable');
    expect(error?.detail).toContain('intake');
  });

  it('answers 504 when intake takes longer than the timeout', async () => {
    // Listens like an intake would, and never answers.
    const silent = nc.subscribe(namespacedSubject(namespace, SubmitApplication.subject), {
      callback: () => undefined,
    });
    await nc.flush();
    try {
      const { error, response } = await submit();
      expect(response.status).toBe(504);
      expect(error?.code).toBe('upstream_timeout');
      expect(error?.detail).toContain('300 ms');
    } finally {
      silent.unsubscribe();
    }
  });
});
