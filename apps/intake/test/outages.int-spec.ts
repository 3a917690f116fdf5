import {
  NatsServer,
  ServiceProcess,
  TcpProxy,
  TestTokenIssuer,
  aFrontDeskOfficer,
  anApplication,
  eventually,
  testEnvironment,
} from '@satupintu/testing';

/**
 * PostgreSQL and NATS go away and come back while intake and the gateway run. Readiness tells
 * the truth within 2 s; callers get 503 problem+json with Retry-After (never a 500 or a hang);
 * the outage is logged once; and when the dependency returns, everything works again by itself,
 * also after NATS was away longer than a client's default reconnect attempts (about 20 s).
 * The test has its own nats-server and reaches PostgreSQL through a proxy it can cut, so the
 * machine's own servers are never touched.
 */
describe('intake and the gateway through database and NATS outages', () => {
  const env = testEnvironment();
  let nats: NatsServer;
  let postgres: TcpProxy;
  let intake: ServiceProcess;
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  let authorization: { authorization: string };

  beforeAll(async () => {
    const server = new URL(env.DATABASE_URL);
    [nats, postgres] = await Promise.all([
      NatsServer.start(),
      TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) }),
    ]);
    const shared = { NATS_URL: nats.url, LOG_LEVEL: 'warn' };
    // Identity's keys on this NATS: the gateway caches them, and keeps them through the outages.
    issuer = await TestTokenIssuer.start({ natsUrl: nats.url, namespace: env.SP_NAMESPACE });
    authorization = await issuer.authorization(aFrontDeskOfficer(), { expiresInSeconds: 3600 });
    [intake, gateway] = await Promise.all([
      ServiceProcess.start('intake', {
        ...shared,
        DATABASE_URL: postgres.url(env.DATABASE_URL),
        DEMO_SEED: 'true',
      }),
      // A request timeout longer than the client waits: a 504 would mean it waited, not knew.
      ServiceProcess.start('gateway', { ...shared, NATS_REQUEST_TIMEOUT_MS: '30000' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([intake?.stop(), gateway?.stop()]);
    await issuer?.stop();
    await Promise.all([nats?.stop(), postgres?.stop()]);
  });

  /** Readiness must answer within 2 s, whatever is down: the fetch gives up after that. */
  const ready = async (service: ServiceProcess) => {
    const response = await fetch(`${service.url}/health/ready`, {
      signal: AbortSignal.timeout(2000),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const submit = () =>
    fetch(`${gateway.url}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en', ...authorization },
      body: JSON.stringify(anApplication()),
      signal: AbortSignal.timeout(8000),
    });

  async function expectUnavailable(response: Response, service: string) {
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('service_unavailable');
    expect(problem.detail).toContain(service);
  }

  it('is ready, and takes applications, while both are there', async () => {
    expect((await ready(intake)).status).toBe(200);
    expect((await ready(gateway)).status).toBe(200);
    expect((await submit()).status).toBe(201);
  });

  it('answers 503 with Retry-After while PostgreSQL is away, logs it once, and recovers', async () => {
    await postgres.cut();
    try {
      const readiness = await eventually(async () => {
        const answer = await ready(intake);
        expect(answer.status).toBe(503);
        return answer.body;
      });
      expect(readiness).toMatchObject({ code: 'not_ready' });
      expect(String(readiness.detail)).toContain('database');
      for (let i = 0; i < 5; i++) await expectUnavailable(await submit(), 'intake');
    } finally {
      await postgres.restore();
    }
    await eventually(async () => expect((await ready(intake)).status).toBe(200), 20_000);
    await eventually(async () => expect((await submit()).status).toBe(201), 20_000);
    const outages = intake
      .logs()
      .split('\n')
      .filter((line) => line.includes('database unavailable'));
    expect(outages).toHaveLength(1);
  });

  it('answers 503 at once while NATS is away, and recovers after more than 20 s of it', async () => {
    await nats.takeDown('SIGKILL');
    try {
      for (const service of [intake, gateway]) {
        await eventually(async () => expect((await ready(service)).status).toBe(503));
      }
      // 503 at once, not 504 after the request timeout: the gateway knows NATS is away.
      await expectUnavailable(await submit(), 'intake');
      // Longer than the ten reconnect attempts a NATS client makes by default.
      await new Promise((resolve) => setTimeout(resolve, 25_000));
    } finally {
      await nats.startAgain();
    }
    for (const service of [intake, gateway]) {
      await eventually(async () => expect((await ready(service)).status).toBe(200), 20_000);
    }
    await eventually(async () => expect((await submit()).status).toBe(201), 20_000);
  }, 90_000);
});
