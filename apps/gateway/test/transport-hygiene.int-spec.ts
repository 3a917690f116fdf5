import {
  ServiceProcess,
  TestTokenIssuer,
  aFrontDeskOfficer,
  testEnvironment,
} from '@satupintu/testing';

/**
 * What every answer of the gateway carries whatever the route, and what no request may put in
 * its URL; the gateway as deployed behind https, with one browser origin allowed.
 */
describe('transport hygiene at the gateway', () => {
  const PUBLIC_URL = 'https://mpp.example.go.id';
  const PORTAL = 'https://portal.example.go.id';
  let issuer: TestTokenIssuer;
  let gateway: ServiceProcess;

  beforeAll(async () => {
    const { NATS_URL, SP_NAMESPACE } = testEnvironment();
    issuer = await TestTokenIssuer.start({
      natsUrl: NATS_URL,
      namespace: SP_NAMESPACE,
      issuer: PUBLIC_URL,
    });
    gateway = await ServiceProcess.start('gateway', { PUBLIC_URL, CORS_ORIGINS: PORTAL });
  });

  afterAll(async () => {
    await gateway?.stop();
    await issuer?.stop();
  });

  const expectHardened = (response: Response) => {
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  };

  it('hardens every API answer, refusals and unknown routes too, and lets no cache keep them', async () => {
    const authorization = await issuer.authorization(aFrontDeskOfficer());
    for (const response of [
      await fetch(`${gateway.url}/v1/applications/K7M39QX2C/timeline`, { headers: authorization }),
      await fetch(`${gateway.url}/v1/applications/K7M39QX2C/timeline`),
      await fetch(`${gateway.url}/v1/no-such-thing`),
    ]) {
      expectHardened(response);
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('serves the API docs page with the same headers but without the CSP that would break it', async () => {
    const page = await fetch(`${gateway.url}/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
    expectHardened(page);
    expect(page.headers.get('content-security-policy')).toBeNull();
  });

  it.each([
    ['/v1/applications/K7M39QX2C/timeline?access_token=eyJhbGciOiJFZERTQSJ9.e30.x', 'access_token'],
    ['/v1/agencies/DUKCAPIL/work-queue?client_secret=s3cr3t', 'client_secret'],
    ['/v1/applications/3201014506900001/timeline', 'nik'],
  ])('refuses %s with 400, naming %s, and does not log it', async (path, parameter) => {
    const response = await fetch(`${gateway.url}${path}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('secret_in_url');
    expect(problem.detail).toContain(parameter);
    expect(gateway.logs()).not.toMatch(/s3cr3t|eyJhbGciOiJFZERTQSJ9|3201014506900001/);
  });

  it('answers a preflight from the configured origin, and gives no CORS header to any other', async () => {
    const preflight = (origin: string) =>
      fetch(`${gateway.url}/v1/applications`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const allowed = await preflight(PORTAL);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();

    const simple = await fetch(`${gateway.url}/v1/applications/K7M39QX2C/timeline`, {
      headers: { origin: PORTAL },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(simple.headers.get('access-control-expose-headers')).toContain('RateLimit-Remaining');
  });
});
