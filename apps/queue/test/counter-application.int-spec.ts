import { runInContext } from '@satupintu/common';
import {
  CallNextTicket,
  IssueTicket,
  OpenCounterSession,
  PutCounter,
  PutServiceLine,
  type Principal,
  type RequestContract,
  type TicketV1,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import {
  ServiceProcess,
  TestTokenIssuer,
  anApplicant,
  anOfficer,
  callGateway,
  eventually,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

type Answer = { trackingNo?: string; applicationId?: string; code?: string; errors?: unknown[] };

const SERVICE = 'DUKCAPIL-KK';
const CONSENT = { method: 'SIGNED_FORM', reference: 'PRS/2026/12/0017' };
const APPLICANT = { nik: '3201014506900001', name: 'Siti Rahayu', consent: CONSENT };

/**
 * A ticket leads to a counter-assisted application (ADR 0037), across the real gateway, intake
 * and queue, in a namespace and databases of their own: a visitor takes a number at a kiosk,
 * the front-desk officer calls it to their counter and submits `POST /v1/applications` for them
 * naming the ticket; the case records the ticket and the counter, the ticket the application.
 * The floor is set up and called through the queue's own requests (as a mall admin, a kiosk and
 * the officer); the submission goes through the gateway.
 */
describe('a counter-assisted application for a queue ticket', () => {
  const env = testEnvironment();
  const namespace = `${env.SP_NAMESPACE}qa`;
  const prefix = `${env.DB_PREFIX}_qapp`;
  const isolated = { SP_NAMESPACE: namespace, DB_PREFIX: prefix };
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  let rpc: RpcClient;
  const auth = new Map<Principal, string>();
  const mallAdmin = anOfficer('MPP', ['MALL_ADMIN']);
  const frontDesk = anOfficer('DUKCAPIL', ['FRONT_DESK']);
  const otherDesk = anOfficer('DUKCAPIL', ['FRONT_DESK']);
  const applicant = anApplicant();
  const kiosk: Principal = {
    kind: 'client',
    subject: 'kiosk-lobby',
    clientId: 'kiosk-lobby',
    roles: [],
    scopes: ['queue:kiosk'],
  };
  let called: TicketV1;
  let waiting: TicketV1;

  const ask = <Req, Res>(principal: Principal, contract: RequestContract<Req, Res>, body: Req) =>
    runInContext({ requestId: randomUUID(), traceparent: '', principal }, () =>
      rpc.request(contract, body),
    );

  const submit = (who: Principal, body: Record<string, unknown>) =>
    callGateway<Answer>(gateway.url, auth.get(who)!, 'POST', '/v1/applications', {
      serviceCode: SERVICE,
      ...body,
    });

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace });
    for (const principal of [frontDesk, otherDesk, applicant])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('gateway', isolated),
      ServiceProcess.start('intake', { ...isolated, DEMO_SEED: 'true' }),
      ServiceProcess.start('queue', isolated),
    ]);
    gateway = services[0];
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace,
      timeoutMs: 5000,
      name: 'counter-application-test',
    });
    await ask(mallAdmin, PutServiceLine, {
      prefix: 'K',
      agencyCode: 'DUKCAPIL',
      name: 'Kartu Keluarga',
      serviceCodes: [SERVICE],
      active: true,
    });
    await ask(mallAdmin, PutCounter, {
      code: '3',
      agencyCode: 'DUKCAPIL',
      name: 'Loket 3',
      active: true,
    });
    const first = await ask(kiosk, IssueTicket, { serviceCode: SERVICE, purpose: 'APPLY' });
    waiting = await ask(kiosk, IssueTicket, { serviceCode: SERVICE, purpose: 'APPLY' });
    const session = await ask(frontDesk, OpenCounterSession, {
      counterCode: '3',
      serviceCodes: [SERVICE],
    });
    called = await ask(frontDesk, CallNextTicket, { sessionId: session.sessionId });
    expect(called.code).toBe(first.code);
  });

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  it('records the ticket and the counter on the case, and the application on the ticket', async () => {
    const answer = await submit(frontDesk, {
      channel: 'COUNTER',
      applicant: APPLICANT,
      queueTicket: called.code,
    });
    expect(answer.status).toBe(201);
    const { trackingNo, applicationId } = answer.body;

    const [stored] = await queryServiceDb<Record<string, string>>(
      ['intake'],
      `SELECT channel, queue_ticket_code, counter_code FROM applications WHERE tracking_no = $1`,
      [trackingNo],
      prefix,
    );
    expect(stored).toEqual({
      channel: 'COUNTER',
      queue_ticket_code: called.code,
      counter_code: '3',
    });

    await eventually(async () => {
      const [ticket] = await queryServiceDb<Record<string, string>>(
        ['queue'],
        'SELECT tracking_no, application_id FROM tickets WHERE code = $1',
        [called.code],
        prefix,
      );
      expect(ticket).toEqual({ tracking_no: trackingNo, application_id: applicationId });
    });
  });

  it('refuses a second application for the same ticket', async () => {
    const again = await submit(frontDesk, {
      channel: 'COUNTER',
      applicant: APPLICANT,
      queueTicket: called.code,
    });
    expect([again.status, again.body.errors]).toEqual([
      422,
      [expect.objectContaining({ field: 'queueTicket', code: 'queue_ticket_has_application' })],
    ]);
  });

  it("refuses a ticket not called to the officer's counter, and one named by anyone else", async () => {
    for (const [who, body, code] of [
      [
        frontDesk,
        { channel: 'COUNTER', applicant: APPLICANT, queueTicket: waiting.code },
        'queue_ticket_not_at_counter',
      ],
      [
        otherDesk,
        { channel: 'COUNTER', applicant: APPLICANT, queueTicket: called.code },
        'queue_ticket_not_at_counter',
      ],
      [
        frontDesk,
        { channel: 'CALL_CENTER', applicant: APPLICANT, queueTicket: called.code },
        'queue_ticket_not_for_caller',
      ],
      [applicant, { queueTicket: called.code }, 'queue_ticket_not_for_caller'],
    ] as const) {
      const answer = await submit(who, body);
      expect([code, answer.status, answer.headers.get('content-type')]).toEqual([
        code,
        422,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
      expect(answer.body.errors).toContainEqual(
        expect.objectContaining({ field: 'queueTicket', code }),
      );
    }
    const malformed = await submit(frontDesk, {
      channel: 'COUNTER',
      applicant: APPLICANT,
      queueTicket: 'B-017',
    });
    expect(malformed.status).toBe(400);
    const [count] = await queryServiceDb<{ n: number }>(
      ['intake'],
      'SELECT count(*)::int AS n FROM applications WHERE queue_ticket_code IS NOT NULL',
      [],
      prefix,
    );
    expect(count.n).toBe(1);
  });
});
