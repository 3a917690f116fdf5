import { ApplicantProfileChanged, type Principal } from '@satupintu/contracts';
import {
  callGateway,
  ServiceProcess,
  TestTokenIssuer,
  uploadPdf,
  anApplicant,
  anOfficer,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';

type Answer = { status?: number | string; code?: string } & Record<string, unknown>;
type Application = { applicationId: string; trackingNo: string };
type Payment = { code: string; amount: number; currency: string; expiresAt: string };
type Item = {
  applicationId: string;
  trackingNo: string;
  serviceCode: string;
  agencyCode: string;
  status: string;
  submittedAt: string;
  changedAt: string;
  deadline?: string;
  paused: boolean;
  bundle?: { bundleCaseId: string; stepKey: string };
  expected?: { action: string; reason?: string; payment?: Payment };
  risk?: string;
  atRiskFrom?: string;
  revisions?: number;
};
type Page = { items: Item[]; nextCursor?: string; agencyCode?: string };

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/;
const BIRTH_FORM = {
  childName: 'Ayu',
  childSex: 'PEREMPUAN',
  birthDate: '2026-11-02',
  birthPlace: 'Cibinong',
  motherNik: '3201014506900001',
  marriageRecorded: true,
};
const REASON = 'The family card scan is unreadable.';

/**
 * Tracking's views across the real gateway, intake, two agencies (Dukcapil, PUPR) and tracking:
 * an applicant's own cases with what is expected of them after a revision is asked and after a
 * fee is assessed, their bundles step by step; an agency's cases for its officers and the mall
 * admin, by status, service and risk, page by page; and the call center's lookup by tracking
 * number for a front-desk officer of another agency.
 */
describe("tracking's views: my cases, my bundles, an agency's cases, the call center", () => {
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  const siti = anApplicant();
  const budi = anApplicant();
  const dukVerifier = anOfficer('DUKCAPIL', ['VERIFIER']);
  const dukApprover = anOfficer('DUKCAPIL', ['APPROVER']);
  const puprVerifier = anOfficer('PUPR', ['VERIFIER']);
  const puprFrontDesk = anOfficer('PUPR', ['FRONT_DESK']);
  const mallAdmin = anOfficer('MPP', ['MALL_ADMIN']);
  const auth = new Map<Principal, string>();

  // Filled by the first test, read by the others.
  let akta: Application;
  let pbg: Application;
  let payment: Payment;
  const budiCases: Application[] = [];

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    for (const who of [
      siti,
      budi,
      dukVerifier,
      dukApprover,
      puprVerifier,
      puprFrontDesk,
      mallAdmin,
    ])
      auth.set(who, (await issuer.authorization(who, { expiresInSeconds: 3600 })).authorization);
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
      ServiceProcess.start('agency', { AGENCY_CODE: 'DUKCAPIL', DEMO_SEED: 'true' }),
      ServiceProcess.start('agency', { AGENCY_CODE: 'PUPR', DEMO_SEED: 'true' }),
      ServiceProcess.start('tracking'),
    ]);
    gateway = services[1];
    // Siti's profile, as identity publishes it: Dukcapil verifies her NIK against it.
    const env = testEnvironment();
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicantProfileChanged, [
      {
        applicantId: siti.subject!,
        version: 1,
        nik: '3201014506900001',
        name: 'Siti Rahayu',
        birthDate: '1990-06-05',
        sex: 'F',
        changedAt: new Date().toISOString(),
      },
    ]);
    for (const [agency, service] of [
      ['DUKCAPIL', 'DUKCAPIL-AKTA-LAHIR'],
      ['PUPR', 'PUPR-PBG'],
    ])
      await eventually(async () => {
        const rows = await queryServiceDb(
          ['agency', agency],
          'SELECT 1 FROM service_standards WHERE code = $1',
          [service],
        );
        expect(rows).toHaveLength(1);
      });
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  const call = (who: Principal | undefined, path: string, method = 'GET', body?: unknown) =>
    callGateway<Answer>(gateway.url, who ? auth.get(who)! : '', method, path, body);
  const page = async (who: Principal, path: string) => {
    const answer = await call(who, path);
    expect(answer.status).toBe(200);
    return answer.body as unknown as Page;
  };
  const move = (who: Principal, agency: string, application: Application, body: object) =>
    call(who, `/v1/agencies/${agency}/cases/${application.trackingNo}/transitions`, 'POST', body);

  const upload = (by: Principal) => uploadPdf(gateway.url, auth.get(by)!);

  const agencyHasCase = (agency: string, application: Application) =>
    eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', agency],
        'SELECT 1 FROM cases WHERE application_id = $1',
        [application.applicationId],
      );
      expect(rows).toHaveLength(1);
    });

  async function apply(who: Principal, body: object, agency: string): Promise<Application> {
    const { status, body: receipt } = await call(who, '/v1/applications', 'POST', body);
    expect(status).toBe(201);
    const application = receipt as unknown as Application;
    await agencyHasCase(agency, application);
    return application;
  }

  /** Waits until tracking shows the case in this status (and its deadline, once it has one). */
  const trackingSees = (application: Application, status: string) =>
    eventually(async () => {
      const [row] = await queryServiceDb<{ status: string }>(
        ['tracking'],
        'SELECT status FROM case_views WHERE application_id = $1',
        [application.applicationId],
      );
      expect(row?.status).toBe(status);
    });

  /** Every page of a list, following `nextCursor`; no item twice. */
  async function allPages(who: Principal, path: string): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | undefined;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const next = await page(who, cursor ? `${path}${separator}cursor=${cursor}` : path);
      items.push(...next.items);
      cursor = next.nextCursor;
    } while (cursor);
    expect(new Set(items.map((item) => item.applicationId)).size).toBe(items.length);
    return items;
  }

  it('shows the applicant their own cases, newest first, with what they must do now', async () => {
    akta = await apply(
      siti,
      {
        serviceCode: 'DUKCAPIL-AKTA-LAHIR',
        form: BIRTH_FORM,
        documents: [{ requirement: 'KK', documentId: await upload(siti) }],
      },
      'DUKCAPIL',
    );
    pbg = await apply(siti, { serviceCode: 'PUPR-PBG' }, 'PUPR');
    budiCases.push(await apply(budi, { serviceCode: 'PUPR-PBG' }, 'PUPR'));
    budiCases.push(await apply(budi, { serviceCode: 'PUPR-PBG' }, 'PUPR'));

    // Waiting on the agency: nothing is expected of Siti yet.
    await trackingSees(akta, 'VERIFYING');
    await trackingSees(pbg, 'VERIFYING');
    const waiting = await page(siti, '/v1/me/cases');
    expect(waiting.items.map((item) => [item.trackingNo, item.status, item.expected])).toEqual([
      [pbg.trackingNo, 'VERIFYING', { action: 'NONE' }],
      [akta.trackingNo, 'VERIFYING', { action: 'NONE' }],
    ]);

    const sentBack = await move(dukVerifier, 'DUKCAPIL', akta, {
      action: 'REQUEST_REVISION',
      reason: REASON,
      requirements: ['KK'],
    });
    expect(sentBack.status).toBe(200);
    const assessed = await move(puprVerifier, 'PUPR', pbg, {
      action: 'COMPLETE_VERIFICATION',
      amount: 1_250_000,
    });
    expect(assessed.status).toBe(200);
    payment = assessed.body.payment as Payment;
    await trackingSees(akta, 'NEEDS_REVISION');
    await trackingSees(pbg, 'AWAITING_PAYMENT');

    const mine = await page(siti, '/v1/me/cases');
    expect(mine.nextCursor).toBeUndefined();
    expect(mine.items).toEqual([
      {
        applicationId: pbg.applicationId,
        trackingNo: pbg.trackingNo,
        serviceCode: 'PUPR-PBG',
        agencyCode: 'PUPR',
        channel: 'WEB',
        status: 'AWAITING_PAYMENT',
        submittedAt: expect.stringMatching(ZONED) as string,
        changedAt: expect.stringMatching(ZONED) as string,
        deadline: expect.stringMatching(ZONED) as string,
        paused: true,
        expected: { action: 'PAY', payment },
      },
      {
        applicationId: akta.applicationId,
        trackingNo: akta.trackingNo,
        serviceCode: 'DUKCAPIL-AKTA-LAHIR',
        agencyCode: 'DUKCAPIL',
        channel: 'WEB',
        status: 'NEEDS_REVISION',
        submittedAt: expect.stringMatching(ZONED) as string,
        changedAt: sentBack.body.changedAt,
        deadline: sentBack.body.deadline,
        paused: true,
        expected: { action: 'REVISE', reason: REASON },
      },
    ]);
    expect(payment).toMatchObject({ amount: 1_250_000, currency: 'IDR' });

    // Filters: by status, open or finished.
    const due = await page(siti, '/v1/me/cases?status=AWAITING_PAYMENT,ISSUED');
    expect(due.items.map((item) => item.trackingNo)).toEqual([pbg.trackingNo]);
    const open = await page(siti, '/v1/me/cases?open=true');
    expect(open.items.map((item) => item.trackingNo)).toEqual([pbg.trackingNo, akta.trackingNo]);
    expect((await page(siti, '/v1/me/cases?open=false')).items).toEqual([]);
    const births = await page(siti, '/v1/me/cases?serviceCode=DUKCAPIL-AKTA-LAHIR');
    expect(births.items.map((item) => item.trackingNo)).toEqual([akta.trackingNo]);

    // A page at a time.
    const first = await page(siti, '/v1/me/cases?limit=1');
    expect(first.items.map((item) => item.trackingNo)).toEqual([pbg.trackingNo]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await page(siti, `/v1/me/cases?limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.trackingNo)).toEqual([akta.trackingNo]);
    expect(second.nextCursor).toBeUndefined();

    // Budi sees his own and none of Siti's.
    await trackingSees(budiCases[1], 'VERIFYING');
    const his = await page(budi, '/v1/me/cases');
    expect(his.items.map((item) => [item.trackingNo, item.expected])).toEqual([
      [budiCases[1].trackingNo, { action: 'NONE' }],
      [budiCases[0].trackingNo, { action: 'NONE' }],
    ]);
  });

  it('refuses who is not an applicant, and a cursor it did not make', async () => {
    const anonymous = await call(undefined, '/v1/me/cases');
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'unauthenticated']);
    for (const path of ['/v1/me/cases', '/v1/me/bundles']) {
      const officer = await call(mallAdmin, path);
      expect([officer.status, officer.body.code]).toEqual([403, 'forbidden']);
    }
    const forged = await call(siti, '/v1/me/cases?cursor=bm9wZQ');
    expect([forged.status, forged.body.code]).toEqual([400, 'invalid_cursor']);
    const badStatus = await call(siti, '/v1/me/cases?status=LOST');
    expect(badStatus.status).toBe(400);
    const badOpen = await call(siti, '/v1/me/cases?open=maybe');
    expect(badOpen.status).toBe(400);
  });

  it("shows the applicant's bundle step by step: the issued step to collect, the next one opened", async () => {
    const submitted = await call(siti, '/v1/bundles/BIRTH-OF-A-CHILD/applications', 'POST', {
      form: { childName: 'Ayu', birthWeightGrams: 3100, marriageRecorded: true },
      documents: [{ requirement: 'SURAT_KETERANGAN_LAHIR', documentId: await upload(siti) }],
    });
    expect(submitted.status).toBe(201);
    type Step = { key: string; application?: Application };
    const bundle = submitted.body as unknown as { bundleCaseId: string; steps: Step[] };
    const first = bundle.steps.find((step) => step.key === 'akta')!.application!;
    await agencyHasCase('DUKCAPIL', first);
    for (const [who, action] of [
      [dukVerifier, 'COMPLETE_VERIFICATION'],
      [dukApprover, 'APPROVE'],
      [dukApprover, 'ISSUE'],
    ] as const)
      expect((await move(who, 'DUKCAPIL', first, { action })).status).toBe(200);

    const bundles = await eventually(async () => {
      const answer = await page(siti, '/v1/me/bundles');
      expect(answer.items).toHaveLength(1);
      const [only] = answer.items as unknown as {
        bundleCaseId: string;
        open: boolean;
        submittedAt: string;
        steps: Item[];
      }[];
      expect(only.steps.map((step) => [step.bundle?.stepKey, step.status])).toEqual([
        ['akta', 'ISSUED'],
        ['kk', 'VERIFYING'],
      ]);
      return only;
    });
    expect(bundles).toMatchObject({
      bundleCaseId: bundle.bundleCaseId,
      open: true,
      submittedAt: expect.stringMatching(ZONED) as string,
    });
    expect(bundles.steps[0]).toMatchObject({
      trackingNo: first.trackingNo,
      agencyCode: 'DUKCAPIL',
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      bundle: { bundleCaseId: bundle.bundleCaseId, stepKey: 'akta' },
      expected: { action: 'COLLECT' },
    });
    expect(bundles.steps[1]).toMatchObject({
      agencyCode: 'DUKCAPIL',
      serviceCode: 'DUKCAPIL-KK',
      bundle: { bundleCaseId: bundle.bundleCaseId, stepKey: 'kk' },
      expected: { action: 'NONE' },
    });

    // Among her cases, each step says which bundle it belongs to; her single cases do not.
    const mine = await page(siti, '/v1/me/cases');
    expect(mine.items.map((item) => [item.trackingNo, item.bundle?.stepKey])).toEqual([
      [bundles.steps[1].trackingNo, 'kk'],
      [first.trackingNo, 'akta'],
      [pbg.trackingNo, undefined],
      [akta.trackingNo, undefined],
    ]);
    expect((await page(siti, '/v1/me/cases?open=false')).items.map((i) => i.trackingNo)).toEqual([
      first.trackingNo,
    ]);
    // Budi has no bundle.
    expect((await page(budi, '/v1/me/bundles')).items).toEqual([]);
  });

  it("shows an agency's cases to its officers and the mall admin, not to another agency's", async () => {
    const dukcapil = await allPages(dukVerifier, '/v1/agencies/DUKCAPIL/tracked-cases?limit=2');
    const revised = dukcapil.find((item) => item.trackingNo === akta.trackingNo);
    expect(revised).toMatchObject({
      agencyCode: 'DUKCAPIL',
      status: 'NEEDS_REVISION',
      paused: true,
      deadline: expect.stringMatching(ZONED) as string,
      revisions: 1,
    });
    // Paused: its clock does not run, so it is neither at risk nor on track.
    expect(revised).not.toHaveProperty('risk');
    expect(revised).not.toHaveProperty('expected');
    expect(dukcapil.every((item) => item.agencyCode === 'DUKCAPIL')).toBe(true);
    expect(dukcapil.map((item) => item.trackingNo)).not.toContain(pbg.trackingNo);
    // Newest first, across pages.
    const submitted = dukcapil.map((item) => Date.parse(item.submittedAt));
    expect(submitted).toEqual([...submitted].sort((a, b) => b - a));

    const refused = await call(puprVerifier, '/v1/agencies/DUKCAPIL/tracked-cases');
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    const applicant = await call(siti, '/v1/agencies/DUKCAPIL/tracked-cases');
    expect(applicant.status).toBe(403);

    for (const [agency, trackingNo] of [
      ['DUKCAPIL', akta.trackingNo],
      ['PUPR', pbg.trackingNo],
    ]) {
      const all = await allPages(mallAdmin, `/v1/agencies/${agency}/tracked-cases?limit=100`);
      expect(all.map((item) => item.trackingNo)).toContain(trackingNo);
    }

    const awaiting = await page(
      puprFrontDesk,
      '/v1/agencies/PUPR/tracked-cases?status=AWAITING_PAYMENT&serviceCode=PUPR-PBG&limit=100',
    );
    expect(awaiting.items.every((item) => item.status === 'AWAITING_PAYMENT')).toBe(true);
    expect(awaiting.items.map((item) => item.trackingNo)).toContain(pbg.trackingNo);
    expect(awaiting.items.map((item) => item.trackingNo)).not.toContain(budiCases[0].trackingNo);
    const otherService = await page(
      puprVerifier,
      '/v1/agencies/PUPR/tracked-cases?serviceCode=PUPR-SLF&limit=100',
    );
    expect(otherService.items.map((item) => item.trackingNo)).not.toContain(pbg.trackingNo);
  });

  it('lists the cases at risk and overdue now', async () => {
    const [late, close] = budiCases;
    // Budi's cases run their clocks (VERIFYING); time is moved on in the read model for them:
    // one past its deadline, one past its at-risk instant only.
    await queryServiceDb(
      ['tracking'],
      `UPDATE case_views SET at_risk_from = now() - interval '2 days', deadline = now() - interval '1 hour'
        WHERE application_id = $1`,
      [late.applicationId],
    );
    await queryServiceDb(
      ['tracking'],
      `UPDATE case_views SET at_risk_from = now() - interval '1 hour', deadline = now() + interval '1 day'
        WHERE application_id = $1`,
      [close.applicationId],
    );
    const overdue = await allPages(puprVerifier, '/v1/agencies/PUPR/tracked-cases?risk=OVERDUE');
    expect(overdue.map((item) => item.trackingNo)).toContain(late.trackingNo);
    expect(overdue.map((item) => item.trackingNo)).not.toContain(close.trackingNo);
    expect(overdue.every((item) => item.risk === 'OVERDUE')).toBe(true);

    const atRisk = await allPages(puprVerifier, '/v1/agencies/PUPR/tracked-cases?risk=AT_RISK');
    expect(atRisk.map((item) => item.trackingNo)).toContain(close.trackingNo);
    expect(atRisk.map((item) => item.trackingNo)).not.toContain(late.trackingNo);
    expect(atRisk.every((item) => item.risk === 'AT_RISK')).toBe(true);
    // Waiting on the applicant: in neither list.
    expect([...overdue, ...atRisk].map((item) => item.trackingNo)).not.toContain(pbg.trackingNo);

    const all = await allPages(mallAdmin, '/v1/agencies/PUPR/tracked-cases?limit=100');
    expect(all.find((item) => item.trackingNo === close.trackingNo)).toMatchObject({
      risk: 'AT_RISK',
      atRiskFrom: expect.stringMatching(ZONED) as string,
      status: 'VERIFYING',
      paused: false,
    });

    const bad = await call(puprVerifier, '/v1/agencies/PUPR/tracked-cases?risk=LATE');
    expect(bad.status).toBe(400);
  });

  it('lets a front-desk officer of another agency look a case up by number: its status, agency, service, deadline', async () => {
    const looked = await call(puprFrontDesk, `/v1/applications/${akta.trackingNo}/timeline`);
    expect(looked.status).toBe(200);
    expect(looked.body).toMatchObject({
      trackingNo: akta.trackingNo,
      status: 'NEEDS_REVISION',
      agencyCode: 'DUKCAPIL',
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      deadline: expect.stringMatching(ZONED) as string,
      paused: true,
    });
    const [view] = await queryServiceDb<{ deadline: Date }>(
      ['tracking'],
      'SELECT deadline FROM case_views WHERE application_id = $1',
      [akta.applicationId],
    );
    expect(Date.parse(looked.body.deadline as string)).toBe(view.deadline.getTime());
    // Not a front-desk officer: another agency's case is a number nobody has.
    const verifier = await call(puprVerifier, `/v1/applications/${akta.trackingNo}/timeline`);
    expect([verifier.status, verifier.body.code]).toEqual([404, 'application_not_found']);
  });
});
