import { runInContext } from '@satupintu/common';
import { ApplicantProfileChanged, GetCaseFile, type Principal } from '@satupintu/contracts';
import { generateTrackingNumber } from '@satupintu/domain';
import { RpcClient } from '@satupintu/messaging';
import { databaseName, databaseUrl } from '@satupintu/persistence';
import {
  callGateway,
  ServiceProcess,
  TestTokenIssuer,
  aPdf,
  anApiClient,
  anApplicant,
  anOfficer,
  domainErrorOf,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';

type Answer = {
  status?: number | string;
  code?: string;
  detail?: string;
  errors?: { field: string; code: string }[];
} & Record<string, unknown>;
type Application = { applicationId: string; trackingNo: string };
type Change = { trackingNo: string; status: string; sequence: number };
type Feed = { items: Change[]; cursor: string; more: boolean };

const AGENCY = 'DUKCAPIL';
const OTHER = 'PUPR';
const SITI_NIK = '3201014506900001';
const BIRTH_FORM = {
  childName: 'Ayu',
  childSex: 'PEREMPUAN',
  birthDate: '2026-11-02',
  birthPlace: 'Cibinong',
  motherNik: SITI_NIK,
  marriageRecorded: true,
};

/**
 * An agency's own system over REST (issue 8), across the real gateway, intake and two agency
 * deployments: with the scope `agency:DUKCAPIL:work` (the scopes identity gives an
 * AGENCY_SYSTEM client of DUKCAPIL) it pulls new and changed cases by cursor, reads a case
 * whole (the agency's record, intake's form, applicant and documents), downloads a document,
 * and decides as the officers do, refused what they are refused. Another agency's system, a
 * client without the scope and another agency's officer read nothing; another agency's
 * deployment does not know the case. Intake away is a 503, not half a case.
 */
describe("an agency's system: pull, read, decide", () => {
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let intake: ServiceProcess;
  let issuer: TestTokenIssuer;
  let rpc: RpcClient;
  const env = testEnvironment();
  const siti = anApplicant();
  const system = anApiClient([`agency:${AGENCY}:work`, 'applications:read']);
  const otherSystem = anApiClient([`agency:${OTHER}:work`, 'applications:read']);
  const kiosk = anApiClient(['applications:submit', 'applications:read']);
  const otherVerifier = anOfficer(OTHER, ['VERIFIER']);
  const mallAdmin = anOfficer('MPP', ['MALL_ADMIN']);
  const auth = new Map<Principal, string>();

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    for (const principal of [siti, system, otherSystem, kiosk, otherVerifier, mallAdmin])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
      ServiceProcess.start('agency', { AGENCY_CODE: AGENCY, DEMO_SEED: 'true' }),
      ServiceProcess.start('agency', { AGENCY_CODE: OTHER, DEMO_SEED: 'true' }),
    ]);
    [intake, gateway] = services;
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace: env.SP_NAMESPACE,
      timeoutMs: 10_000,
      name: 'agency-system-test',
    });
    // Siti's profile, as identity publishes it: intake follows it, and shows it to the agency.
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicantProfileChanged, [
      {
        applicantId: siti.subject!,
        version: 1,
        nik: SITI_NIK,
        name: 'Siti Rahayu',
        birthDate: '1990-06-05',
        sex: 'F',
        changedAt: new Date().toISOString(),
      },
    ]);
    await eventually(async () => {
      const [known] = await queryServiceDb(['intake'], 'SELECT 1 FROM applicants WHERE id = $1', [
        siti.subject,
      ]);
      const [standard] = await queryServiceDb(
        ['agency', AGENCY],
        "SELECT 1 FROM service_standards WHERE code = 'DUKCAPIL-AKTA-LAHIR'",
      );
      expect([known, standard]).toEqual([{ '?column?': 1 }, { '?column?': 1 }]);
    });
  });

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  const call = (who: Principal, method: string, path: string, body?: unknown) =>
    callGateway<Answer>(gateway.url, auth.get(who)!, method, path, body);

  const move = (who: Principal, application: Application, body: Record<string, unknown>) =>
    call(who, 'POST', `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/transitions`, body);

  const readCase = (who: Principal, trackingNo: string, agency = AGENCY) =>
    call(who, 'GET', `/v1/agencies/${agency}/cases/${trackingNo}`);

  async function pull(who: Principal, after?: string, query = ''): Promise<Feed> {
    const params = new URLSearchParams(query);
    if (after) params.set('after', after);
    const { status, body } = await call(
      who,
      'GET',
      `/v1/agencies/${AGENCY}/cases?${params.toString()}`,
    );
    expect(status).toBe(200);
    return body as unknown as Feed;
  }

  /** Where the feed stands now: every page read to the end. */
  async function caughtUp(): Promise<string> {
    let feed = await pull(system, undefined, 'limit=100');
    while (feed.more) feed = await pull(system, feed.cursor, 'limit=100');
    return feed.cursor;
  }

  const pdf = aPdf(20_000);

  async function sitiApplies(): Promise<Application> {
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'kk.pdf');
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
    const application = body as unknown as Application;
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', AGENCY],
        'SELECT 1 FROM cases WHERE application_id = $1',
        [application.applicationId],
      );
      expect(rows).toHaveLength(1);
    });
    return application;
  }

  it('pulls new cases by cursor, then only what changed since, each once', async () => {
    const start = await caughtUp();
    const first = await sitiApplies();
    const second = await sitiApplies();

    // A change shows once every transaction that began before it has ended: soon, not at once.
    const fresh = await eventually(async () => {
      const feed = await pull(system, start);
      expect(feed.items.map((item) => item.trackingNo)).toEqual([
        first.trackingNo,
        second.trackingNo,
      ]);
      return feed;
    });
    expect(fresh.more).toBe(false);
    expect(fresh.items[0]).toMatchObject({
      applicationId: first.applicationId,
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      channel: 'WEB',
      status: 'VERIFYING',
      sequence: 1,
      changedAt: expect.stringMatching(/\+07:00$/) as string,
      deadline: expect.stringMatching(/\+07:00$/) as string,
      paused: false,
    });

    // Nothing new: no items, and the same place to start from next time.
    const quiet = await pull(system, fresh.cursor);
    expect(quiet).toEqual({ agencyCode: AGENCY, items: [], cursor: fresh.cursor, more: false });

    // A page at a time: the first new case, then the second, then nothing.
    const one = await pull(system, start, 'limit=1');
    expect([one.items.map((item) => item.trackingNo), one.more]).toEqual([
      [first.trackingNo],
      true,
    ]);
    const two = await pull(system, one.cursor, 'limit=1');
    expect(two.items.map((item) => item.trackingNo)).toEqual([second.trackingNo]);
    expect(two.cursor).toBe(fresh.cursor);

    // The first case moves: only it comes back, as it is now.
    expect((await move(system, first, { action: 'COMPLETE_VERIFICATION' })).status).toBe(200);
    const moved = await eventually(async () => {
      const feed = await pull(system, fresh.cursor);
      expect(feed.items).toHaveLength(1);
      return feed;
    });
    expect(moved.items[0]).toMatchObject({
      trackingNo: first.trackingNo,
      status: 'IN_REVIEW',
      sequence: 2,
    });
    // Filtered by status, the feed shows the cases now in it.
    const reviewing = await pull(system, start, 'status=IN_REVIEW');
    expect(reviewing.items.map((item) => item.trackingNo)).toEqual([first.trackingNo]);

    const malformed = await call(system, 'GET', `/v1/agencies/${AGENCY}/cases?after=bm9wZQ`);
    expect([malformed.status, malformed.body.code]).toEqual([400, 'invalid_cursor']);
  });

  it('never skips a change that commits after a later one (ADR 0025)', async () => {
    const start = await caughtUp();
    const first = await sitiApplies();
    const second = await sitiApplies();
    const seen = await eventually(async () => {
      const feed = await pull(system, start);
      expect(feed.items).toHaveLength(2);
      return feed.cursor;
    });
    // A transaction changes the first case and stays open: its id is below the one the
    // second case's move gets, but it commits after that move.
    const slow = new Client({
      connectionString: databaseUrl(
        env.DATABASE_URL,
        databaseName(env.DB_PREFIX, 'agency', AGENCY),
      ),
    });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(
        'UPDATE cases SET changed_xid = pg_current_xact_id(), updated_at = now() WHERE application_id = $1',
        [first.applicationId],
      );
      expect((await move(system, second, { action: 'COMPLETE_VERIFICATION' })).status).toBe(200);
      // The second case's change is committed, but shown only once nothing older can commit.
      const held = await pull(system, seen);
      expect(held).toEqual({ agencyCode: AGENCY, items: [], cursor: seen, more: false });
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    const both = await eventually(async () => {
      const feed = await pull(system, seen);
      expect(feed.items).toHaveLength(2);
      return feed;
    });
    expect(both.items.map((item) => [item.trackingNo, item.status])).toEqual([
      [first.trackingNo, 'VERIFYING'],
      [second.trackingNo, 'IN_REVIEW'],
    ]);
  });

  it('reads a case whole: status, history, form, applicant, documents it can download', async () => {
    const application = await sitiApplies();
    const { status, body } = await readCase(system, application.trackingNo);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      agencyCode: AGENCY,
      applicationId: application.applicationId,
      trackingNo: application.trackingNo,
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      channel: 'WEB',
      status: 'VERIFYING',
      sequence: 1,
      deadline: expect.stringMatching(/\+07:00$/) as string,
      paused: false,
      applicant: { nik: SITI_NIK, name: 'Siti Rahayu', birthDate: '1990-06-05' },
      form: BIRTH_FORM,
      history: [
        {
          sequence: 1,
          action: 'START_VERIFICATION',
          from: 'SUBMITTED',
          to: 'VERIFYING',
          actorKind: 'system',
          at: expect.stringMatching(/\+07:00$/) as string,
        },
      ],
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const documents = body.documents as { documentId: string; href: string }[];
    expect(documents).toEqual([
      {
        documentId: expect.any(String) as string,
        requirement: 'KK',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256,
        href: `/v1/documents/${documents[0].documentId}`,
      },
    ]);

    const download = await fetch(`${gateway.url}${documents[0].href}`, {
      headers: { authorization: auth.get(system)! },
    });
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    for (const stranger of [otherSystem, kiosk]) {
      const refused = await call(stranger, 'GET', documents[0].href);
      expect([refused.status, refused.body.code]).toEqual([404, 'document_not_found']);
    }

    // A mall administrator oversees: the same case, the NIK masked.
    const overseen = await readCase(mallAdmin, application.trackingNo);
    expect(overseen.status).toBe(200);
    expect(overseen.body.applicant).toEqual({
      nik: '3201********0001',
      name: 'Siti Rahayu',
      birthDate: '1990-06-05',
    });
  });

  it('decides as the officers do, refused what they are refused, and the history says so', async () => {
    const application = await sitiApplies();
    const early = await move(system, application, { action: 'APPROVE' });
    expect([early.status, early.body.code]).toEqual([409, 'illegal_transition']);
    const noReason = await move(system, application, { action: 'REJECT' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors?.map(({ field, code }) => [field, code])).toEqual([
      ['reason', 'required'],
    ]);
    const byHand = await move(system, application, { action: 'CONFIRM_PAYMENT' });
    expect([byHand.status, byHand.body.code]).toEqual([403, 'forbidden']);

    const verified = await move(system, application, { action: 'COMPLETE_VERIFICATION' });
    expect([verified.status, verified.body.status]).toEqual([200, 'IN_REVIEW']);
    const approved = await move(system, application, { action: 'APPROVE', reason: 'In order.' });
    expect([approved.status, approved.body.status]).toEqual([200, 'APPROVED']);
    const issued = await move(system, application, { action: 'ISSUE' });
    expect([issued.status, issued.body.status]).toEqual([200, 'ISSUED']);

    const { body } = await readCase(system, application.trackingNo);
    expect(
      (body.history as { action: string; actorKind: string; actorRole?: string }[]).map((entry) => [
        entry.action,
        entry.actorKind,
        entry.actorRole,
      ]),
    ).toEqual([
      ['START_VERIFICATION', 'system', undefined],
      ['COMPLETE_VERIFICATION', 'client', 'VERIFIER'],
      ['APPROVE', 'client', 'APPROVER'],
      ['ISSUE', 'client', 'APPROVER'],
    ]);
    expect(body).toMatchObject({
      status: 'ISSUED',
      sequence: 4,
      output: {
        documentNo: expect.stringMatching(/^DUKCAPIL-\d{4}-\d+$/) as string,
        issuedAt: expect.stringMatching(/\+07:00$/) as string,
      },
    });
    expect(body).not.toHaveProperty('payment');
  });

  it('shows the fee it assessed on a case that charges one', async () => {
    const { status, body } = await call(siti, 'POST', '/v1/applications', {
      serviceCode: 'PUPR-PBG',
    });
    expect(status).toBe(201);
    const building = body as unknown as Application;
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', OTHER],
        'SELECT 1 FROM cases WHERE application_id = $1',
        [building.applicationId],
      );
      expect(rows).toHaveLength(1);
    });
    const path = `/v1/agencies/${OTHER}/cases/${building.trackingNo}`;
    const assessed = await call(otherSystem, 'POST', `${path}/transitions`, {
      action: 'COMPLETE_VERIFICATION',
      amount: 1_250_000,
    });
    expect([assessed.status, assessed.body.status]).toEqual([200, 'AWAITING_PAYMENT']);
    const read = await call(otherSystem, 'GET', path);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      agencyCode: OTHER,
      status: 'AWAITING_PAYMENT',
      paused: true,
      payment: {
        code: (assessed.body.payment as { code: string }).code,
        amount: 1_250_000,
        currency: 'IDR',
        expiresAt: expect.stringMatching(/\+07:00$/) as string,
      },
      form: {},
      documents: [],
    });
    expect(read.body.payment).not.toHaveProperty('paidAt');
  });

  it('shows nothing to another agency, its system, a client without the scope, or a stranger', async () => {
    const application = await sitiApplies();
    for (const who of [otherSystem, kiosk, otherVerifier]) {
      const feed = await call(who, 'GET', `/v1/agencies/${AGENCY}/cases`);
      expect([feed.status, feed.body.code]).toEqual([403, 'forbidden']);
      const one = await readCase(who, application.trackingNo);
      expect([one.status, one.body.code]).toEqual([403, 'forbidden']);
    }
    // Asked of its own agency, the other agency's officer and system find no such case.
    for (const who of [otherVerifier, otherSystem]) {
      const elsewhere = await readCase(who, application.trackingNo, OTHER);
      expect([elsewhere.status, elsewhere.body.code]).toEqual([404, 'application_not_found']);
    }
    const unknown = await readCase(system, generateTrackingNumber(randomBytes));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'application_not_found']);

    // Intake decides on its own data, whatever reaches it: another agency's officer asking for
    // DUKCAPIL's file is refused, and asking in PUPR's name finds no PUPR application.
    const asked = (principal: Principal, agencyCode: string) =>
      domainErrorOf(
        runInContext({ requestId: randomUUID(), traceparent: '', principal }, () =>
          rpc.request(GetCaseFile, { trackingNo: application.trackingNo, agencyCode }),
        ),
      );
    expect((await asked(otherVerifier, AGENCY)).status).toBe(403);
    expect((await asked(otherVerifier, OTHER)).status).toBe(404);
  });

  // Last: it stops intake.
  it('answers 503 with Retry-After while intake is away, never half a case', async () => {
    const application = await sitiApplies();
    await intake.stop();
    const { status, headers, body } = await readCase(system, application.trackingNo);
    expect([status, body.code, headers.get('retry-after')]).toEqual([
      503,
      'service_unavailable',
      '5',
    ]);
    expect(body.detail).toContain('intake');
  });
});
