import { connect, type NatsConnection } from '@nats-io/transport-node';
import { GetTimeline, decodePrincipal, type Principal } from '@satupintu/contracts';
import {
  ServiceProcess,
  TestTokenIssuer,
  type TokenFlaws,
  anApiClient,
  anApplicant,
  anApplication,
  anOfficer,
  testEnvironment,
} from '@satupintu/testing';

interface Problem {
  code: string;
  status: number;
}

/**
 * The gateway verifies access tokens itself, against identity's public keys as it caches them
 * (here the test issuer answers GetJwks for identity), and hands the verified caller to the
 * service it asks; a route's rule then lets that caller through or not.
 */
describe('authentication at the gateway', () => {
  let issuer: TestTokenIssuer;
  let tracking: ServiceProcess;
  let gateway: ServiceProcess;
  let spy: NatsConnection;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    [tracking, gateway] = await Promise.all([
      ServiceProcess.start('tracking'),
      // Every unknown kid may ask identity again at once: the refusals below do not wait.
      ServiceProcess.start('gateway', { JWKS_MIN_REFRESH_MS: '0' }),
    ]);
    spy = await connect({ servers: testEnvironment().NATS_URL.split(',') });
  });

  afterAll(async () => {
    await spy.drain();
    await Promise.all([gateway.stop(), tracking.stop()]);
    await issuer.stop();
  });

  const timeline = (headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}/v1/applications/00000000-0/timeline`, { headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const submit = (headers: Record<string, string>) =>
    fetch(`${gateway.url}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(anApplication()),
    });

  it('answers a request without a token with 401 problem+json and a Bearer challenge', async () => {
    const response = await timeline();
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="satupintu"');
    expect(await response.json()).toMatchObject({ code: 'unauthenticated', status: 401 });
  });

  it.each<[string, TokenFlaws]>([
    ['unsigned (alg none)', { alg: 'none' }],
    ['signed with the public key as an HMAC secret', { alg: 'HS256' }],
    ['signed by a key the JWKS does not have', { foreignKey: true }],
    ['under a kid identity never published', { unknownKid: true }],
    ['for another audience', { aud: 'someone-else' }],
    ['from another issuer', { iss: 'https://evil.example' }],
    ['expired', { expiresInSeconds: -120 }],
    ['not an access token (typ JWT)', { typ: 'JWT' }],
    [
      'claiming a kind the gateway does not hand out',
      { claims: { sp: { kind: 'system', roles: [] } } },
    ],
  ])('refuses a token %s with 401 invalid_token', async (_label, flaws) => {
    const response = await timeline(bearer(await issuer.token(anApplicant(), flaws)));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await response.json()).toMatchObject({ code: 'invalid_token', status: 401 });
  });

  it('refuses a malformed bearer token as invalid, and takes another scheme as no token', async () => {
    const malformed = await timeline({ authorization: 'Bearer not a token' });
    expect(malformed.status).toBe(401);
    expect(malformed.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const basic = await timeline({ authorization: 'Basic dXNlcjpwYXNz' });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toBe('Bearer realm="satupintu"');
  });

  it('serves a public route whatever token comes along: a bad one only leaves the caller anonymous', async () => {
    const expired = await issuer.authorization(anApplicant(), { expiresInSeconds: -120 });
    const response = await fetch(`${gateway.url}/health/live`, { headers: expired });
    expect(response.status).toBe(200);
  });

  it('hands the verified caller to the service in the sp-principal header', async () => {
    const applicant = anApplicant();
    const seen = new Promise<Principal | undefined>((resolve) => {
      const subscription = spy.subscribe(
        `${testEnvironment().SP_NAMESPACE}.${GetTimeline.subject}`,
        {
          max: 1,
          callback: (_error, msg) => resolve(decodePrincipal(msg.headers?.get('sp-principal'))),
        },
      );
      void subscription;
    });
    await spy.flush();
    const response = await timeline(await issuer.authorization(applicant));
    // Tracking answered (no such application), so the gateway let the caller through.
    expect(response.status).toBe(404);
    expect(((await response.json()) as Problem).code).toBe('application_not_found');
    expect(await seen).toEqual(applicant);
  });

  it.each<[string, Principal]>([
    ['a verifier (submitting is the front desk’s)', anOfficer('DUKCAPIL', ['VERIFIER'])],
    ['a kiosk client without applications:submit', anApiClient(['surveys:kiosk'])],
  ])('refuses %s a submission with 403 problem+json', async (_label, principal) => {
    const response = await submit(await issuer.authorization(principal));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'forbidden', status: 403 });
  });

  describe("an agency's work queue", () => {
    const queue = async (agency: string, principal: Principal) =>
      fetch(`${gateway.url}/v1/agencies/${agency}/work-queue`, {
        headers: await issuer.authorization(principal),
      });

    it.each<[string, Principal]>([
      ['an officer of another agency', anOfficer('DPMPTSP', ['VERIFIER'])],
      ["a client without the agency's work scope", anApiClient(['agency:DPMPTSP:work'])],
      ['an applicant', anApplicant()],
    ])('is refused early to %s with 403', async (_label, principal) => {
      const response = await queue('DUKCAPIL', principal);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'forbidden' });
    });

    it.each<[string, Principal]>([
      ["one of the agency's officers", anOfficer('DUKCAPIL', ['VERIFIER'])],
      ['a mall admin', anOfficer('MPP', ['MALL_ADMIN'])],
      ["the agency's own system", anApiClient(['agency:DUKCAPIL:work'])],
    ])('is asked of the agency for %s (no DUKCAPIL runs here: 503)', async (_label, principal) => {
      const response = await queue('DUKCAPIL', principal);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ code: 'service_unavailable' });
    });
  });

  it('learns a new key (ES256 too) from the first token signed with it', async () => {
    await issuer.rotate('ES256');
    const response = await timeline(await issuer.authorization(anApplicant()));
    expect(response.status).toBe(404);
  });

  it('refuses a token it verified before once its key is withdrawn from the JWKS', async () => {
    const before = await issuer.authorization(anApplicant());
    expect((await timeline(before)).status).toBe(404);
    await issuer.rotate();
    issuer.withdrawOlderKeys();
    // A token under the new key makes the gateway fetch the keys again.
    expect((await timeline(await issuer.authorization(anApplicant()))).status).toBe(404);
    const refused = await timeline(before);
    expect(refused.status).toBe(401);
  });

  it('verifies every request locally: no request to identity per token', async () => {
    const authorization = await issuer.authorization(anOfficer('DUKCAPIL', ['FRONT_DESK']));
    await timeline(authorization);
    const before = issuer.jwksRequests;
    for (let i = 0; i < 5; i += 1) expect((await timeline(authorization)).status).toBe(404);
    expect(issuer.jwksRequests).toBe(before);
  });

  it('keeps accepting known keys while identity is down, answers 503 for an unknown key, and learns the new key once identity is back', async () => {
    const known = await issuer.authorization(anApplicant());
    await issuer.pause();
    try {
      expect((await timeline(known)).status).toBe(404);

      await issuer.rotate();
      const newKey = await issuer.authorization(anApplicant());
      const unavailable = await timeline(newKey);
      expect(unavailable.status).toBe(503);
      expect(Number(unavailable.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await unavailable.json()).toMatchObject({ code: 'service_unavailable' });

      await issuer.resume();
      expect((await timeline(newKey)).status).toBe(404);
      expect((await timeline(known)).status).toBe(404);
    } finally {
      await issuer.resume();
    }
  });
});

/** Forged kids must not make the gateway flood identity: an unknown kid asks at most once a while. */
describe('refreshing the public keys on an unknown kid', () => {
  let issuer: TestTokenIssuer;
  let gateway: ServiceProcess;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    // Far longer than the case: after the fetch at start, no unknown kid may cause another.
    gateway = await ServiceProcess.start('gateway', { JWKS_MIN_REFRESH_MS: '600000' });
  });

  afterAll(async () => {
    await gateway?.stop();
    await issuer?.stop();
  });

  it('is rate-limited: many tokens under unknown kids cost identity no request', async () => {
    const url = `${gateway.url}/v1/applications/00000000-0/timeline`;
    // The gateway has fetched the keys at start: a valid token gets past it (503: no tracking here).
    const valid = await issuer.authorization(anApplicant());
    const passed = await fetch(url, { headers: valid });
    expect(passed.status).toBe(503);
    expect(((await passed.json()) as { detail: string }).detail).toContain('tracking');
    const before = issuer.jwksRequests;
    for (let i = 0; i < 10; i += 1) {
      const forged = await issuer.authorization(anApplicant(), { unknownKid: true });
      const response = await fetch(url, { headers: forged });
      expect(response.status).toBe(401);
    }
    expect(issuer.jwksRequests).toBe(before);
  });
});
