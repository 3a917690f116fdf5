import { ApplicationSubmitted, type Principal } from '@satupintu/contracts';
import {
  ServiceProcess,
  TestTokenIssuer,
  WebhookReceiver,
  anApiClient,
  anOfficer,
  eventually,
  publishEvents,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

type Item = { id: string } & Record<string, unknown>;
interface Body extends Record<string, unknown> {
  code?: string;
  secret?: string;
  subscription?: Item;
  previousSecretExpiresAt?: string;
  items?: Item[];
  nextCursor?: string;
}

interface Answer {
  status: number;
  type: string | null;
  replayed: string | null;
  body: Body;
}

/**
 * An agency's webhook subscriptions through the gateway: who may manage them (the agency's
 * admin, a mall admin, its own system; not its verifiers, not another agency), problem+json
 * for what is refused, the secret answered once (again only to a retry under the same
 * `Idempotency-Key`), a rotation that signs with both secrets, the delivery log, replays.
 */
describe("an agency's webhook subscriptions, through the gateway", () => {
  const env = testEnvironment();
  const AGENCY = 'HOOKREST';
  const LIST = `/v1/agencies/${AGENCY}/webhook-subscriptions`;
  const admin = anOfficer(AGENCY, ['AGENCY_ADMIN']);
  const mallAdmin = anOfficer('MPP', ['MALL_ADMIN']);
  const verifier = anOfficer(AGENCY, ['VERIFIER']);
  const otherAdmin = anOfficer('PUPR', ['AGENCY_ADMIN']);
  const system = anApiClient([`agency:${AGENCY}:work`]);
  const otherSystem = anApiClient(['agency:PUPR:work']);
  const auth = new Map<Principal, string>();
  const receiver = new WebhookReceiver((data) => String(data.applicationId));
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    for (const principal of [admin, mallAdmin, verifier, otherAdmin, system, otherSystem]) {
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    }
    services = await Promise.all([
      // Many calls from a few callers in a few seconds: not what the rate limit is tested by.
      ServiceProcess.start('gateway', { RATE_LIMIT_PER_CALLER: '100000' }),
      ServiceProcess.start('agency', { AGENCY_CODE: AGENCY }),
    ]);
    gateway = services[0];
    await receiver.start();
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer?.stop();
    await receiver.stop();
  });

  async function call(
    who: Principal | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers: {
        'accept-language': 'en',
        ...(who ? { authorization: auth.get(who)! } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      replayed: response.headers.get('idempotent-replayed'),
      body: (text ? JSON.parse(text) : {}) as Body,
    };
  }

  const problem = (answer: Answer, status: number, code?: string) => {
    expect({ status: answer.status, type: answer.type }).toEqual({
      status,
      type: expect.stringContaining('application/problem+json') as string,
    });
    if (code) expect(answer.body.code).toBe(code);
  };

  it('lets only its managers in, with problem+json for the others', async () => {
    problem(await call(undefined, 'GET', LIST), 401);
    problem(await call(verifier, 'GET', LIST), 403);
    problem(await call(otherAdmin, 'GET', LIST), 403);
    problem(await call(otherSystem, 'GET', LIST), 403);
    problem(await call(verifier, 'POST', LIST, { url: receiver.url() }), 403);
    for (const who of [admin, mallAdmin, system]) {
      expect((await call(who, 'GET', LIST)).status).toBe(200);
    }
    problem(await call(mallAdmin, 'GET', `/v1/agencies/hookrest/webhook-subscriptions`), 400);
    problem(await call(admin, 'GET', `${LIST}/not-a-uuid`), 400);
    problem(
      await call(admin, 'GET', `${LIST}/${randomUUID()}`),
      404,
      'webhook_subscription_not_found',
    );
    problem(
      await call(admin, 'POST', LIST, { url: 'ftp://example.org/h' }),
      400,
      'validation_failed',
    );
    problem(await call(admin, 'POST', LIST, { url: receiver.url(), eventTypes: ['nope'] }), 400);
    problem(await call(admin, 'GET', `${LIST}?limit=1000`), 400);
  });

  it('answers the secret once, and again only to a retry under the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': randomUUID() };
    const first = await call(system, 'POST', LIST, { url: receiver.url() }, key);
    expect(first.status).toBe(201);
    expect(first.body.secret).toMatch(/^whsec_/);
    expect(first.body.subscription).toMatchObject({
      agencyCode: AGENCY,
      url: receiver.url(),
      eventTypes: [],
      enabled: true,
      createdBy: `client:${system.clientId}`,
    });
    const again = await call(system, 'POST', LIST, { url: receiver.url() }, key);
    expect({ status: again.status, replayed: again.replayed, body: again.body }).toEqual({
      status: 201,
      replayed: 'true',
      body: first.body,
    });
    problem(
      await call(system, 'POST', LIST, { url: `${receiver.url()}x` }, key),
      422,
      'idempotency_key_reused',
    );
    const read = await call(admin, 'GET', `${LIST}/${first.body.subscription!.id}`);
    expect(read.body).toEqual(first.body.subscription);
    expect(JSON.stringify(read.body)).not.toContain('whsec_');
  });

  it('lists them a page at a time', async () => {
    await call(admin, 'POST', LIST, { url: receiver.url('b') });
    await call(mallAdmin, 'POST', LIST, { url: receiver.url('c') });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(admin, 'GET', `${LIST}?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      seen.push(page.body.items![0].id);
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    problem(await call(admin, 'GET', `${LIST}?cursor=bm9wZQ`), 400, 'invalid_cursor');
  });

  it('signs with both secrets after a rotation, logs deliveries, replays one and a range, disables and deletes', async () => {
    // Only this test's subscription receives: the others are deleted.
    for (const { id } of (await call(admin, 'GET', `${LIST}?limit=100`)).body.items!) {
      expect((await call(admin, 'DELETE', `${LIST}/${id}`)).status).toBe(204);
    }
    const created = await call(admin, 'POST', LIST, { url: receiver.url() });
    const id = created.body.subscription!.id;
    const oldSecret = created.body.secret!;
    const rotated = await call(admin, 'POST', `${LIST}/${id}/secrets`, undefined, {
      'idempotency-key': randomUUID(),
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(oldSecret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt!)).toBeGreaterThan(Date.now());
    receiver.secret = rotated.body.secret!;

    const applicationId = randomUUID();
    const since = new Date(Date.now() - 1000).toISOString();
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicationSubmitted, [
      {
        applicationId,
        trackingNo: randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase(),
        serviceCode: `${AGENCY}-1`,
        agencyCode: AGENCY,
        agencyTimeZone: 'Asia/Jakarta',
        channel: 'WEB',
        submittedAt: new Date().toISOString(),
      },
    ]);
    await eventually(() => expect(receiver.accepted()).toHaveLength(1), 30_000);
    const [first] = receiver.received;
    expect(first).toMatchObject({ verified: true, type: 'agency.application.status-changed.v1' });
    expect(first.data).toMatchObject({ applicationId, from: 'SUBMITTED', to: 'VERIFYING' });

    // The receiver has the delivery before the sender has written down its answer.
    const log = await eventually(async () => {
      const log = await call(system, 'GET', `${LIST}/${id}/deliveries?status=delivered`);
      expect(log.status).toBe(200);
      expect(log.body.items).toEqual([
        expect.objectContaining({
          webhookId: first.webhookId,
          status: 'delivered',
          attempts: 1,
          lastStatus: 200,
          orderingKey: applicationId,
        }),
      ]);
      return log;
    });
    expect((await call(system, 'GET', `${LIST}/${id}/deliveries?status=dead`)).body.items).toEqual(
      [],
    );
    problem(await call(system, 'GET', `${LIST}/${id}/deliveries?status=lost`), 400);

    const deliveryId = log.body.items![0].id;
    const replay = await call(admin, 'POST', `${LIST}/${id}/deliveries/${deliveryId}/replays`);
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ replayed: 1, deliveryId: expect.any(String) as string });
    problem(
      await call(admin, 'POST', `${LIST}/${id}/deliveries/${randomUUID()}/replays`),
      404,
      'webhook_delivery_not_found',
    );
    const range = await call(admin, 'POST', `${LIST}/${id}/replays`, {
      from: since,
      to: new Date(Date.now() + 60_000).toISOString(),
    });
    expect({ status: range.status, body: range.body }).toEqual({
      status: 202,
      body: { replayed: 1 },
    });
    problem(await call(admin, 'POST', `${LIST}/${id}/replays`, { from: since, to: since }), 400);
    await eventually(() => expect(receiver.received).toHaveLength(3), 30_000);
    // Every copy the same webhook id (the receiver's idempotency key), verifiable with either secret.
    expect(new Set(receiver.received.map((r) => r.webhookId))).toEqual(new Set([first.webhookId]));
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    for (const { body, headers } of receiver.received) {
      expect(new Webhook(oldSecret).verify(body, headers)).toMatchObject({ type: first.type });
    }

    const disabled = await call(admin, 'PATCH', `${LIST}/${id}`, { enabled: false });
    expect(disabled.body).toMatchObject({
      id,
      enabled: false,
      disabledAt: expect.any(String) as string,
    });
    expect((await call(admin, 'DELETE', `${LIST}/${id}`)).status).toBe(204);
    problem(await call(admin, 'GET', `${LIST}/${id}`), 404, 'webhook_subscription_not_found');
  });
});
