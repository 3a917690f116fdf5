import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { randomInt } from 'node:crypto';
import type { Principal } from '@satupintu/contracts';
import {
  NatsServer,
  ServiceProcess,
  TestTokenIssuer,
  anApiClient,
  anApplicant,
  eventually,
  testEnvironment,
} from '@satupintu/testing';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: { code?: string };
}

/** A GET from a loopback address of the test's choosing: each address is another anonymous caller. */
function get(url: string, headers: Record<string, string> = {}, from = '127.0.0.1') {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(url, { headers, localAddress: from }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: (text ? JSON.parse(text) : {}) as Answer['body'],
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const LIMIT = 6;
// A window far longer than the suite, so every request of a case falls in the same one.
const WINDOW_SECONDS = 1_000_000;
const limits = {
  RATE_LIMIT_PER_CALLER: String(LIMIT),
  RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
};

/**
 * Every caller has a limit per window, counted where all gateway replicas see it (NATS KV): two
 * gateways here, requests alternating between them, still let through exactly the limit.
 */
describe('rate limits across gateway replicas', () => {
  let issuer: TestTokenIssuer;
  let replicas: ServiceProcess[];

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    replicas = await Promise.all([
      ServiceProcess.start('gateway', limits),
      ServiceProcess.start('gateway', limits),
    ]);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await issuer.stop();
  });

  // No tracking runs here: a request let through is answered 503 by the gateway, one refused 429.
  const path = '/v1/applications/K7M39QX2C/timeline';
  const alternately = async (count: number, headers: Record<string, string>, from?: string) => {
    const answers: Answer[] = [];
    for (let i = 0; i < count; i += 1)
      answers.push(await get(`${replicas[i % 2].url}${path}`, headers, from));
    return answers;
  };

  it('lets one caller make exactly the limit of requests, whichever replica they reach', async () => {
    const answers = await alternately(LIMIT + 3, await issuer.authorization(anApplicant()));
    expect(answers.map((answer) => answer.status)).toEqual([
      ...Array<number>(LIMIT).fill(503),
      429,
      429,
      429,
    ]);
    expect(answers.map((answer) => answer.headers['ratelimit-remaining'])).toEqual([
      '5',
      '4',
      '3',
      '2',
      '1',
      '0',
      '0',
      '0',
      '0',
    ]);
    for (const answer of answers) expect(answer.headers['ratelimit-limit']).toBe(String(LIMIT));
  });

  it('holds the limit when one caller sends its requests all at once to both replicas', async () => {
    const authorization = await issuer.authorization(anApplicant());
    const answers = await Promise.all(
      Array.from({ length: 3 * LIMIT }, (_, i) =>
        get(`${replicas[i % 2].url}${path}`, authorization),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 429)).toHaveLength(LIMIT);
    expect(new Set(answers.map((answer) => answer.headers['ratelimit-remaining']))).toEqual(
      new Set(['5', '4', '3', '2', '1', '0']),
    );
  });

  it('refuses with 429 problem+json, Retry-After and the RateLimit fields', async () => {
    const answers = await alternately(LIMIT + 1, await issuer.authorization(anApplicant()));
    const refused = answers[LIMIT];
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'rate_limited', status: 429 });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(refused.headers['ratelimit-reset']).toBe(String(retryAfter));
  });

  it('counts each caller apart: one spent limit does not touch another', async () => {
    const spent: Principal = anApiClient(['applications:read']);
    await alternately(LIMIT + 1, await issuer.authorization(spent));
    const [other] = await alternately(
      1,
      await issuer.authorization(anApiClient(['applications:read'])),
    );
    expect(other.status).toBe(503);
    const [again] = await alternately(1, await issuer.authorization(spent));
    expect(again.status).toBe(429);
  });

  it('counts anonymous callers by address, refused or not', async () => {
    const address = `127.0.${randomInt(1, 250)}.${randomInt(2, 250)}`;
    const answers = await alternately(LIMIT + 1, {}, address);
    expect(answers.map((answer) => answer.status)).toEqual([
      ...Array<number>(LIMIT).fill(401),
      429,
    ]);
    const [elsewhere] = await alternately(1, {}, '127.0.0.1');
    expect(elsewhere.status).not.toBe(429);
  });

  it('never limits the health probes', async () => {
    const address = `127.0.${randomInt(1, 250)}.${randomInt(2, 250)}`;
    for (let i = 0; i < LIMIT + 2; i += 1) {
      const answer = await get(`${replicas[0].url}/health/live`, {}, address);
      expect(answer.status).toBe(200);
      expect(answer.headers['ratelimit-limit']).toBeUndefined();
    }
  });
});

/**
 * A caller far from its limit is answered at once from the replica's estimate, and counted by
 * the shared write that follows: none of its requests goes uncounted, and near the limit each
 * request waits for its write again, so the limit still holds exactly.
 */
describe('rate limits far from the limit', () => {
  const BIG = 250;
  let issuer: TestTokenIssuer;
  let gateway: ServiceProcess;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    gateway = await ServiceProcess.start('gateway', {
      RATE_LIMIT_PER_CALLER: String(BIG),
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await issuer?.stop();
  });

  it('counts every request of a burst, and still stops the caller at exactly the limit', async () => {
    const headers = await issuer.authorization(anApplicant());
    const url = `${gateway.url}/v1/applications/K7M39QX2C/timeline`;
    // Far from the limit: all at once, none refused.
    const burst = await Promise.all(Array.from({ length: 120 }, () => get(url, headers)));
    expect(burst.filter((answer) => answer.status === 429)).toEqual([]);
    // Then one at a time up to the limit and past it: exactly BIG in all were let through.
    const rest: Answer[] = [];
    for (let i = 0; i < BIG - 120 + 2; i += 1) rest.push(await get(url, headers));
    expect(rest.map((answer) => answer.status === 429)).toEqual([
      ...Array<boolean>(BIG - 120).fill(false),
      true,
      true,
    ]);
    expect(rest[BIG - 121].headers['ratelimit-remaining']).toBe('0');
  });
});

/**
 * When NATS is away the counters cannot be shared: each replica counts alone (fail open per
 * replica, ADR 0012) rather than refusing everyone or letting everything through.
 */
describe('rate limits while NATS is away', () => {
  let nats: NatsServer;
  let issuer: TestTokenIssuer;
  let gateway: ServiceProcess;

  beforeAll(async () => {
    nats = await NatsServer.start();
    issuer = await TestTokenIssuer.start({
      natsUrl: nats.url,
      namespace: testEnvironment().SP_NAMESPACE,
    });
    gateway = await ServiceProcess.start('gateway', { ...limits, NATS_URL: nats.url });
  });

  afterAll(async () => {
    await gateway?.stop();
    await issuer?.stop();
    await nats?.stop();
  });

  it('still holds the limit in each replica', async () => {
    const url = `${gateway.url}/v1/applications/K7M39QX2C/timeline`;
    const authorization = await issuer.authorization(anApplicant());
    // Shared while NATS is there (the gateway has learnt identity's keys by then).
    expect((await get(url, authorization)).headers['ratelimit-remaining']).toBe(String(LIMIT - 1));

    await nats.stop();
    // Once the gateway knows NATS is away, requests are answered at once (503), not timed out.
    await eventually(async () =>
      expect((await get(`${gateway.url}/health/ready`)).status).toBe(503),
    );
    const other = await issuer.authorization(anApplicant());
    const answers: Answer[] = [];
    for (let i = 0; i < LIMIT + 1; i += 1) answers.push(await get(url, other));
    // Let through (503: NATS is away for the request itself), then refused by the local count.
    expect(answers.map((answer) => answer.status)).toEqual([
      ...Array<number>(LIMIT).fill(503),
      429,
    ]);
    expect(answers[LIMIT].body).toMatchObject({ code: 'rate_limited' });
  });
});
