import {
  ANONYMOUS,
  ApplicationSubmitted,
  ListWorkQueue,
  type Principal,
} from '@satupintu/contracts';
import { runInContext } from '@satupintu/common';
import { RpcClient } from '@satupintu/messaging';
import { type ApiClient, createApiClient } from '@satupintu/api-client';
import {
  ServiceProcess,
  TestTokenIssuer,
  anOfficer,
  domainErrorOf,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

const officerOf = (agency: string): Principal => ({
  kind: 'officer',
  subject: `officer-${agency.toLowerCase()}`,
  roles: ['VERIFIER'],
  agency,
  scopes: [],
});

/**
 * Requests addressed to one agency: the routing token ends the subject, and only that agency's
 * deployments answer, sharing the work between their replicas. The agency decides who may see
 * its work queue from the principal that travels with the request. An agency nobody runs, or
 * one that is stopped, is a 503 naming it.
 */
describe('requests routed to one agency', () => {
  const env = testEnvironment();
  let dukcapil: ServiceProcess[] = [];
  let pupr: ServiceProcess | undefined;
  let gateway: ServiceProcess;
  let rpc: RpcClient;
  let issuer: TestTokenIssuer;
  const mine: string[] = [];
  const theirs: string[] = [];

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    const started = await Promise.all([
      ServiceProcess.start('agency', { AGENCY_CODE: 'DUKCAPIL' }),
      ServiceProcess.start('agency', { AGENCY_CODE: 'DUKCAPIL' }),
      ServiceProcess.start('agency', { AGENCY_CODE: 'PUPR' }),
      ServiceProcess.start('gateway'),
    ]);
    dukcapil = started.slice(0, 2);
    [pupr, gateway] = [started[2], started[3]];
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace: env.SP_NAMESPACE,
      timeoutMs: 5000,
      name: 'routed-test',
    });
    const application = (agencyCode: string) => ({
      applicationId: randomUUID(),
      trackingNo: randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase(),
      serviceCode: `${agencyCode}-X`,
      agencyCode,
      agencyTimeZone: 'Asia/Jakarta',
      channel: 'WEB' as const,
      submittedAt: new Date().toISOString(),
    });
    const forDukcapil = Array.from({ length: 3 }, () => application('DUKCAPIL'));
    const forPupr = Array.from({ length: 2 }, () => application('PUPR'));
    mine.push(...forDukcapil.map((a) => a.trackingNo));
    theirs.push(...forPupr.map((a) => a.trackingNo));
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicationSubmitted, [
      ...forDukcapil,
      ...forPupr,
    ]);
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', 'DUKCAPIL'],
        'SELECT 1 FROM cases WHERE tracking_no = ANY($1)',
        [mine],
      );
      expect(rows).toHaveLength(mine.length);
    });
  });

  afterAll(async () => {
    if (rpc) await rpc.onApplicationShutdown();
    await Promise.all(
      [...dukcapil, pupr, gateway].flatMap((service) => (service ? [service.stop()] : [])),
    );
    await issuer?.stop();
  });

  /** As the gateway asks once a caller is authenticated: the principal rides along. */
  function ask(agency: string, principal: Principal, request: { limit: number; cursor?: string }) {
    const context = { requestId: randomUUID(), traceparent: '', principal };
    return runInContext(context, () => rpc.request(ListWorkQueue, request, { to: agency }));
  }

  it("answers from the agency addressed, with that agency's cases only", async () => {
    const page = await ask('DUKCAPIL', officerOf('DUKCAPIL'), { limit: 100 });
    expect(page.agencyCode).toBe('DUKCAPIL');
    const numbers = page.items.map((item) => item.trackingNo);
    expect(numbers).toEqual(expect.arrayContaining(mine));
    for (const number of theirs) expect(numbers).not.toContain(number);
    for (const item of page.items) {
      expect(item.submittedAt).toMatch(/\+07:00$/);
      // A deadline where the agency states the service's time limit, a claim while one holds
      // (other suites' cases).
      expect(Object.keys(item).sort()).toEqual([
        'applicationId',
        'channel',
        ...(item.claimedBy === undefined ? [] : ['claimedBy', 'claimedUntil']),
        ...(item.deadline === undefined ? [] : ['deadline']),
        'paused',
        'receivedAt',
        'serviceCode',
        'status',
        'submittedAt',
        'trackingNo',
      ]);
      expect(item.paused).toBe(
        item.status === 'NEEDS_REVISION' || item.status === 'AWAITING_PAYMENT',
      );
    }
    const other = await ask('PUPR', officerOf('PUPR'), { limit: 100 });
    expect(other.agencyCode).toBe('PUPR');
    expect(other.items.map((item) => item.trackingNo)).toEqual(expect.arrayContaining(theirs));
  });

  it('pages with a cursor, nearest deadline first, then by submission, without repeating a case', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ask('DUKCAPIL', officerOf('DUKCAPIL'), {
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      // No deadline sorts last ('~' after any digit); times in one zone sort as text.
      seen.push(
        ...page.items.map((item) =>
          [item.deadline ?? '~', item.submittedAt, item.applicationId].join(' '),
        ),
      );
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 1000);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    const all = await ask('DUKCAPIL', officerOf('DUKCAPIL'), { limit: 100 });
    expect(seen).toHaveLength(all.items.length);
  });

  it('lets the agency refuse callers who may not see its queue', async () => {
    const stranger = await domainErrorOf(ask('DUKCAPIL', officerOf('PUPR'), { limit: 10 }));
    expect([stranger.code, stranger.status]).toEqual(['forbidden', 403]);
    const nobody = await domainErrorOf(ask('DUKCAPIL', ANONYMOUS, { limit: 10 }));
    expect([nobody.code, nobody.status]).toEqual(['unauthenticated', 401]);
    const bad = await domainErrorOf(
      ask('DUKCAPIL', officerOf('DUKCAPIL'), { limit: 10, cursor: 'bm9wZQ' }),
    );
    expect([bad.code, bad.status]).toEqual(['invalid_cursor', 400]);
  });

  it("shares one agency's requests between its replicas, each answered once", async () => {
    const before = await Promise.all(dukcapil.map(handledBy));
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => ask('DUKCAPIL', officerOf('DUKCAPIL'), { limit: 1 })),
    );
    expect(answers).toHaveLength(40);
    const after = await Promise.all(dukcapil.map(handledBy));
    const delta = after.map((n, i) => n - before[i]);
    expect(delta[0] + delta[1]).toBe(40);
    expect(Math.min(...delta)).toBeGreaterThan(0);
  });

  /**
   * Through the gateway's public API, with the client generated from docs/openapi.json, as a
   * mall admin (who may ask any agency), as another caller, or anonymously.
   */
  const workQueue = async (agencyCode: string, as?: Principal) => {
    const api: ApiClient = as
      ? await issuer.apiClient(gateway.url, as)
      : createApiClient(gateway.url);
    return api.GET('/v1/agencies/{agencyCode}/work-queue', {
      params: { path: { agencyCode }, query: { limit: 10 }, header: { 'Accept-Language': 'en' } },
    });
  };
  const mallAdmin = anOfficer('MPP', ['MALL_ADMIN']);

  it("answers through the gateway an officer of the agency with the agency's cases", async () => {
    const { data, response } = await workQueue('DUKCAPIL', anOfficer('DUKCAPIL', ['VERIFIER']));
    expect(response.status).toBe(200);
    expect(data?.agencyCode).toBe('DUKCAPIL');
    // At least this suite's own cases are there (oldest first: other suites' may come before).
    expect(data?.items.length).toBeGreaterThan(0);
  });

  it('answers through the gateway: 401 for an anonymous caller, 403 for another agency, 400 for a malformed code', async () => {
    const anonymous = await workQueue('DUKCAPIL');
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.error?.code).toBe('unauthenticated');
    const stranger = await workQueue('DUKCAPIL', anOfficer('PUPR', ['VERIFIER']));
    expect(stranger.response.status).toBe(403);
    expect(stranger.error?.code).toBe('forbidden');
    const malformed = await workQueue('dukcapil', mallAdmin);
    expect(malformed.response.status).toBe(400);
    expect(malformed.error?.errors?.[0]?.field).toBe('agencyCode');
  });

  it('is a 503 naming the agency when nobody runs it, or when it is stopped', async () => {
    const unknown = await workQueue('NOPE', mallAdmin);
    expect(unknown.response.status).toBe(503);
    expect(unknown.response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(unknown.error?.detail).toContain('NOPE');

    await pupr?.stop();
    pupr = undefined;
    const stopped = await workQueue('PUPR', mallAdmin);
    expect(stopped.response.status).toBe(503);
    expect(stopped.error?.detail).toContain('PUPR');
    // DUKCAPIL is not affected.
    expect((await ask('DUKCAPIL', officerOf('DUKCAPIL'), { limit: 1 })).agencyCode).toBe(
      'DUKCAPIL',
    );
  });
});

/** The work-queue requests this replica answered, from its own metrics. */
async function handledBy(service: ServiceProcess): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('requests_handled_total') && line.includes('work-queue.list'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}
