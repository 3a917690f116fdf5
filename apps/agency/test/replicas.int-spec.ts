import type { Principal } from '@satupintu/contracts';
import {
  callGateway,
  ServiceProcess,
  TestTokenIssuer,
  aPdf,
  anApplicant,
  anOfficer,
  deleteNamespaceStreams,
  eventually,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';

type Answer = { status?: string; code?: string; sequence?: number } & Record<string, unknown>;
type Application = { applicationId: string; trackingNo: string };

const AGENCY = 'DUKCAPIL';
const CASES = 40;
const IN_FLIGHT = 10;
const BIRTH_FORM = {
  childName: 'Ayu',
  childSex: 'PEREMPUAN',
  birthDate: '2026-11-02',
  birthPlace: 'Cibinong',
  motherNik: '3201014506900001',
  marriageRecorded: true,
};

/**
 * Two replicas of one agency deployment (the same AGENCY_CODE, the same database) with the rest
 * of the system, started together, sharing its work (issue 8, item 1): applications arrive on the
 * agency's durable consumer and transitions as routed requests in its queue group, so either
 * replica may take any of them. Every case is opened once, every transition applied once (each
 * is also sent twice at the same moment: one wins, the other is refused), the outputs numbered
 * without a gap or a repeat, every history chain valid, and every status on the timeline and in
 * intake once per sequence. Both replicas took part: each counts, in its own metrics, the
 * submissions and the transitions it handled.
 */
describe('two replicas of one agency sharing its work', () => {
  const env = testEnvironment();
  // A deployment of its own: its own databases and namespace, so every count here is this test's.
  const own = { SP_NAMESPACE: `${env.SP_NAMESPACE}rp`, DB_PREFIX: `${env.DB_PREFIX}_rp` };
  const agency = { ...own, AGENCY_CODE: AGENCY, DEMO_SEED: 'true' };
  let services: ServiceProcess[] = [];
  let replicas: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  const siti = anApplicant();
  const verifier = anOfficer(AGENCY, ['VERIFIER']);
  const approver = anOfficer(AGENCY, ['APPROVER']);
  const admin = anOfficer(AGENCY, ['AGENCY_ADMIN']);
  const auth = new Map<Principal, string>();

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace: own.SP_NAMESPACE });
    for (const principal of [siti, verifier, approver, admin])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('intake', { ...own, DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway', { ...own, RATE_LIMIT_PER_CALLER: '100000' }),
      ServiceProcess.start('tracking', own),
    ]);
    gateway = services[1];
    // Started together on an empty database: both migrate, seed and make keys at once.
    replicas = await Promise.all([
      ServiceProcess.start('agency', agency),
      ServiceProcess.start('agency', agency),
    ]);
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['intake'],
        "SELECT 1 FROM services WHERE code = 'DUKCAPIL-AKTA-LAHIR'",
        [],
        own.DB_PREFIX,
      );
      expect(rows).toHaveLength(1);
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...replicas, ...services].map((service) => service.stop()));
    await issuer?.stop();
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  const agencyDb = <T>(sql: string, params: unknown[] = []) =>
    queryServiceDb<T>(['agency', AGENCY], sql, params, own.DB_PREFIX);

  const call = (who: Principal, method: string, path: string, body?: unknown) =>
    callGateway<Answer>(gateway.url, auth.get(who)!, method, path, body);

  async function sitiApplies(): Promise<Application> {
    const form = new FormData();
    form.append('file', new Blob([aPdf(20_000)], { type: 'application/pdf' }), 'kk.pdf');
    const uploaded = await fetch(`${gateway.url}/v1/documents`, {
      method: 'POST',
      headers: { authorization: auth.get(siti)! },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const { documentId } = (await uploaded.json()) as { documentId: string };
    const { status, body } = await call(siti, 'POST', '/v1/applications', {
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      form: BIRTH_FORM,
      documents: [{ requirement: 'KK', documentId }],
    });
    expect(status).toBe(201);
    return body as unknown as Application;
  }

  /**
   * The same transition sent twice at once, as two officers' double clicks: exactly one is
   * applied (200), the other finds the case moved on (409), whichever replicas they reach.
   */
  async function twiceAtOnce(
    who: Principal,
    application: Application,
    action: string,
  ): Promise<void> {
    const path = `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/transitions`;
    const answers = await Promise.all([
      call(who, 'POST', path, { action }),
      call(who, 'POST', path, { action }),
    ]);
    expect(answers.map((answer) => [answer.status, answer.body.code]).sort()).toEqual([
      [200, undefined],
      [409, 'illegal_transition'],
    ]);
  }

  /**
   * The same transition sent twice at once while a replica may die under it: a request the dead
   * replica never answered (503 nobody answering, 504 no answer in time) is sent again, as a
   * client retries. Each of the two ends answered 200 or 409, and at most one 200: a replica may
   * have applied it and died before answering, and then its retry finds the case moved on.
   */
  async function twiceAtOnceRetried(
    who: Principal,
    application: Application,
    action: string,
  ): Promise<void> {
    const path = `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/transitions`;
    const answered = async () => {
      for (let attempt = 0; attempt < 10; attempt++) {
        const answer = await call(who, 'POST', path, { action });
        if (answer.status !== 503 && answer.status !== 504) return answer;
      }
      throw new Error(`${action} on ${application.trackingNo}: no replica answered in 10 tries`);
    };
    const answers = await Promise.all([answered(), answered()]);
    for (const answer of answers)
      if (answer.status !== 200)
        expect([answer.status, answer.body.code]).toEqual([409, 'illegal_transition']);
    expect(answers.filter((answer) => answer.status === 200).length).toBeLessThanOrEqual(1);
  }

  /** What this replica counted in its own metrics: a metric's lines matching both parts, summed. */
  async function counted(replica: ServiceProcess, metric: string, ...parts: string[]) {
    const text = await (await fetch(`${replica.url}/metrics`)).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith(`${metric}{`) && parts.every((p) => line.includes(p)))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
  }

  it('processes every case once, each transition once, numbering the outputs without a gap', async () => {
    const applications = await Promise.all(Array.from({ length: CASES }, sitiApplies));
    const ids = applications.map((application) => application.applicationId);
    await eventually(async () => {
      const [{ n }] = await agencyDb<{ n: string }>(
        'SELECT count(*) AS n FROM cases WHERE application_id = ANY($1::uuid[])',
        [ids],
      );
      expect(Number(n)).toBe(CASES);
    }, 60_000);

    // Ten cases at a time, each transition sent twice: twenty requests in flight, within the
    // replicas' database pools (20 connections each; past them a request waits 3 s, then is a 503
    // to retry, which is the designed answer to overload, not what this test is about).
    for (const [who, action] of [
      [verifier, 'COMPLETE_VERIFICATION'],
      [approver, 'APPROVE'],
      [approver, 'ISSUE'],
    ] as const)
      for (let i = 0; i < CASES; i += IN_FLIGHT)
        await Promise.all(
          applications
            .slice(i, i + IN_FLIGHT)
            .map((application) => twiceAtOnce(who, application, action)),
        );

    // One case row each, issued at the fourth record.
    const cases = await agencyDb<{ application_id: string; status: string; sequence: number }>(
      'SELECT application_id, status, sequence FROM cases ORDER BY application_id',
    );
    expect(cases).toEqual(
      [...ids].sort().map((id) => ({ application_id: id, status: 'ISSUED', sequence: 4 })),
    );
    // Each history is four records numbered 1 to 4, each action once.
    const histories = await agencyDb<{ application_id: string; actions: string[] }>(
      `SELECT application_id, array_agg(sequence || ':' || action ORDER BY sequence) AS actions
         FROM case_history GROUP BY application_id`,
    );
    expect(histories).toHaveLength(CASES);
    for (const { actions } of histories)
      expect(actions).toEqual([
        '1:START_VERIFICATION',
        '2:COMPLETE_VERIFICATION',
        '3:APPROVE',
        '4:ISSUE',
      ]);
    // And every chain holds, as the agency's own check reads it.
    const check = await call(admin, 'GET', `/v1/agencies/${AGENCY}/history-check`);
    expect([check.status, check.body.cases, check.body.broken]).toEqual([200, CASES, []]);

    // One output per case, numbered 1 to 40 for the year: no gap, no number twice.
    const outputs = await agencyDb<{ document_no: string; application_id: string }>(
      'SELECT document_no, application_id FROM outputs',
    );
    expect(new Set(outputs.map((output) => output.application_id))).toEqual(new Set(ids));
    const numbers = outputs.map((output) => Number(output.document_no.split('-').pop()));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: CASES }, (_, i) => i + 1));

    // The timeline and intake heard every status once, in sequence order.
    await eventually(async () => {
      const timelines = await queryServiceDb<{ application_id: string; statuses: string[] }>(
        ['tracking'],
        `SELECT application_id, array_agg(status ORDER BY occurred_at, id) AS statuses
           FROM timeline_entries WHERE application_id = ANY($1::uuid[]) GROUP BY 1`,
        [ids],
        own.DB_PREFIX,
      );
      expect(timelines).toHaveLength(CASES);
      for (const { statuses } of timelines)
        expect(statuses).toEqual(['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'APPROVED', 'ISSUED']);
    }, 60_000);
    await eventually(async () => {
      const statuses = await queryServiceDb<{ status: string; n: string }>(
        ['intake'],
        'SELECT status, count(*) AS n FROM applications WHERE id = ANY($1::uuid[]) GROUP BY 1',
        [ids],
        own.DB_PREFIX,
      );
      expect(statuses).toEqual([{ status: 'ISSUED', n: String(CASES) }]);
    }, 60_000);
    const [{ n: statusEvents }] = await queryServiceDb<{ n: string }>(
      ['intake'],
      "SELECT count(*) AS n FROM inbox WHERE consumer = 'intake-agency'",
      [],
      own.DB_PREFIX,
    );
    // Four status changes a case, and the one standard each demo service published: the
    // replicas seeded together, yet each service once, at version 1.
    const standards = await agencyDb<{ version: number }>('SELECT version FROM service_standards');
    expect(standards.length).toBeGreaterThan(0);
    expect(new Set(standards.map((standard) => standard.version))).toEqual(new Set([1]));
    expect(Number(statusEvents)).toBe(4 * CASES + standards.length);
    // One signing key made between them, though both issued outputs from the first.
    expect(await agencyDb('SELECT kid FROM output_signing_keys')).toHaveLength(1);

    // Both replicas did a share: opened cases from the consumer, and answered transitions.
    const shares = await Promise.all(
      replicas.map(async (replica) => ({
        opened: await counted(
          replica,
          'messages_handled_total',
          'application.submitted',
          'outcome="processed"',
        ),
        moved: await counted(replica, 'requests_handled_total', 'case.transition', 'outcome="ok"'),
      })),
    );
    expect(shares.reduce((sum, share) => sum + share.opened, 0)).toBe(CASES);
    expect(shares.reduce((sum, share) => sum + share.moved, 0)).toBe(3 * CASES);
    for (const share of shares) {
      expect(share.opened).toBeGreaterThan(0);
      expect(share.moved).toBeGreaterThan(0);
    }
  }, 240_000);

  it('carries on when one replica is killed mid-way: still every case once, every transition once', async () => {
    const [doomed, survivor] = replicas;
    const survivorMovedBefore = await counted(
      survivor,
      'requests_handled_total',
      'case.transition',
      'outcome="ok"',
    );
    const applications = await Promise.all(Array.from({ length: CASES }, sitiApplies));
    const ids = applications.map((application) => application.applicationId);
    const casesOf = async () =>
      Number(
        (
          await agencyDb<{ n: string }>(
            'SELECT count(*) AS n FROM cases WHERE application_id = ANY($1::uuid[])',
            [ids],
          )
        )[0].n,
      );
    await eventually(async () => expect(await casesOf()).toBe(CASES), 60_000);

    // The first wave of verifications is under way when one replica dies as by kill -9.
    const waves = [
      [verifier, 'COMPLETE_VERIFICATION'],
      [approver, 'APPROVE'],
      [approver, 'ISSUE'],
    ] as const;
    let killed: Promise<unknown> | undefined;
    for (const [who, action] of waves)
      for (let i = 0; i < CASES; i += IN_FLIGHT) {
        const wave = Promise.all(
          applications
            .slice(i, i + IN_FLIGHT)
            .map((application) => twiceAtOnceRetried(who, application, action)),
        );
        killed ??= doomed.kill();
        await wave;
      }
    expect(await killed).toMatchObject({ signal: 'SIGKILL' });

    // Each case applied each action once: four records, numbered 1 to 4.
    const histories = await agencyDb<{ actions: string[] }>(
      `SELECT array_agg(sequence || ':' || action ORDER BY sequence) AS actions
         FROM case_history WHERE application_id = ANY($1::uuid[]) GROUP BY application_id`,
      [ids],
    );
    expect(histories).toHaveLength(CASES);
    for (const { actions } of histories)
      expect(actions).toEqual([
        '1:START_VERIFICATION',
        '2:COMPLETE_VERIFICATION',
        '3:APPROVE',
        '4:ISSUE',
      ]);
    const check = await call(admin, 'GET', `/v1/agencies/${AGENCY}/history-check`);
    expect([check.status, check.body.cases, check.body.broken]).toEqual([200, 2 * CASES, []]);
    // Outputs of both tests: 1 to 80, no gap, no number twice.
    const numbers = (await agencyDb<{ document_no: string }>('SELECT document_no FROM outputs'))
      .map((output) => Number(output.document_no.split('-').pop()))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 2 * CASES }, (_, i) => i + 1));
    // What the dead replica committed but had not published yet, the survivor's relay did.
    await eventually(async () => {
      const timelines = await queryServiceDb<{ statuses: string[] }>(
        ['tracking'],
        `SELECT array_agg(status ORDER BY occurred_at, id) AS statuses
           FROM timeline_entries WHERE application_id = ANY($1::uuid[]) GROUP BY application_id`,
        [ids],
        own.DB_PREFIX,
      );
      expect(timelines).toHaveLength(CASES);
      for (const { statuses } of timelines)
        expect(statuses).toEqual(['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'APPROVED', 'ISSUED']);
    }, 60_000);
    // The survivor took over the work.
    expect(
      await counted(survivor, 'requests_handled_total', 'case.transition', 'outcome="ok"'),
    ).toBeGreaterThan(survivorMovedBefore);
  }, 240_000);
});
