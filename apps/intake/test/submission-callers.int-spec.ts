import { runInContext } from '@satupintu/common';
import {
  ANONYMOUS,
  ApplicantProfileChanged,
  BusinessProfileChanged,
  ListApplications,
  SubmitApplication,
  type Principal,
  type SubmitApplicationV2,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import {
  ServiceProcess,
  aCitizen,
  anApplication,
  domainErrorOf,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * Who submits, for whom, as intake decides it from the principal beside the request: an
 * applicant for themself, a front-desk officer or an API client for an applicant named by NIK
 * (linked to their account, which intake follows from identity's profiles), a business only by
 * one who acts for it; and each caller lists only their own applications.
 */
describe('submitting and listing applications as each kind of caller', () => {
  const env = testEnvironment();
  let intake: ServiceProcess;
  let rpc: RpcClient;

  // NIKs no other suite of the run uses: intake's copy keeps one applicant per NIK.
  const siti = { id: randomUUID(), ...aCitizen() };
  const budi = { id: randomUUID(), ...aCitizen() };
  const business = randomUUID();

  const applicant = (id: string): Principal => ({
    kind: 'applicant',
    subject: id,
    roles: [],
    scopes: [],
  });
  const frontDesk: Principal = {
    kind: 'officer',
    subject: randomUUID(),
    roles: ['FRONT_DESK'],
    agency: 'DUKCAPIL',
    scopes: [],
  };
  const client = (clientId: string, scopes: string[]): Principal => ({
    kind: 'client',
    subject: randomUUID(),
    clientId,
    roles: [],
    scopes,
  });
  const portal = client('portal-test', ['applications:submit', 'applications:read']);
  const otherPortal = client('portal-other', ['applications:submit', 'applications:read']);

  const as = <T>(principal: Principal, fn: () => Promise<T>) =>
    runInContext({ requestId: randomUUID(), traceparent: '', principal }, fn);
  const submit = (principal: Principal, body: SubmitApplicationV2) =>
    as(principal, () => rpc.request(SubmitApplication, body));
  const list = (principal: Principal) =>
    as(principal, () => rpc.request(ListApplications, { limit: 100 }));
  const row = async (applicationId: string) =>
    (
      await queryServiceDb<Record<string, string | null>>(
        ['intake'],
        `SELECT applicant_id, applicant_nik, business_id, channel, submitted_by_kind,
                submitted_by_subject, submitted_by_client
           FROM applications WHERE id = $1`,
        [applicationId],
      )
    )[0];

  beforeAll(async () => {
    intake = await ServiceProcess.start('intake', { DEMO_SEED: 'true' });
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace: env.SP_NAMESPACE,
      timeoutMs: 10_000,
      name: 'submission-callers-test',
    });
    const profile = (person: typeof siti) => ({
      applicantId: person.id,
      version: 1,
      nik: person.nik,
      name: 'Siti Rahayu',
      birthDate: person.birthDate,
      sex: person.sex,
      email: `${person.id}@example.id`,
      changedAt: new Date().toISOString(),
    });
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicantProfileChanged, [
      profile(siti),
      profile(budi),
    ]);
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, BusinessProfileChanged, [
      {
        businessId: business,
        version: 1,
        nib: '9120001234567',
        name: 'CV Siti Jaya',
        kbli: ['47111'],
        address: { line: 'Jl. Raya Cibinong 1', districtCode: '32.01.01' },
        members: [{ applicantId: siti.id, role: 'OWNER' }],
        changedAt: new Date().toISOString(),
      },
    ]);
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['intake'],
        `SELECT 1 FROM applicants WHERE id = ANY($1)
         UNION ALL SELECT 1 FROM business_members WHERE business_id = $2`,
        [[siti.id, budi.id], business],
      );
      expect(rows).toHaveLength(3);
    });
  });

  afterAll(async () => {
    if (rpc) await rpc.onApplicationShutdown();
    await intake?.stop();
  });

  it('takes an applicant’s own application, theirs by id, with no personal details kept', async () => {
    const receipt = await submit(applicant(siti.id), { serviceCode: 'DUKCAPIL-KK' });
    expect(receipt.channel).toBe('WEB');
    expect(await row(receipt.applicationId)).toEqual({
      applicant_id: siti.id,
      applicant_nik: null,
      business_id: null,
      channel: 'WEB',
      submitted_by_kind: 'applicant',
      submitted_by_subject: siti.id,
      submitted_by_client: null,
    });
  });

  it("records the applicant's consent to a front-desk submission, and stores nothing without it", async () => {
    const someone = aCitizen();
    const named = { nik: someone.nik, name: 'Rina Putri', birthDate: someone.birthDate };
    const refused = await domainErrorOf(submit(frontDesk, anApplication({ applicant: named })));
    expect([refused.status, refused.errors]).toEqual([
      422,
      [{ field: 'applicant.consent', code: 'consent_required' }],
    ]);
    const stored = await queryServiceDb(
      ['intake'],
      'SELECT 1 FROM applications WHERE applicant_nik = $1',
      [someone.nik],
    );
    expect(stored).toHaveLength(0);

    const receipt = await submit(
      frontDesk,
      anApplication({
        applicant: { ...named, consent: { method: 'VERBAL', reference: 'CALL/2026/0042' } },
      }),
    );
    const [consent] = await queryServiceDb<Record<string, string>>(
      ['intake'],
      `SELECT applicant_consent_method AS method, applicant_consent_reference AS reference
         FROM applications WHERE id = $1`,
      [receipt.applicationId],
    );
    expect(consent).toEqual({ method: 'VERBAL', reference: 'CALL/2026/0042' });
  });

  it("keeps a client's own reference once: sent again, alone or at once, it names the first case", async () => {
    // Clients of their own: the listing test below counts the portal's applications.
    const referencing = client('portal-refs', ['applications:submit']);
    const otherReferencing = client('portal-refs-other', ['applications:submit']);
    const reference = `OSS-${randomUUID()}`;
    const first = await submit(referencing, anApplication({ externalReference: reference }));
    const again = await domainErrorOf(
      submit(referencing, anApplication({ externalReference: reference })),
    );
    expect([again.status, again.code, again.params]).toEqual([
      409,
      'external_reference_exists',
      { externalReference: reference, trackingNo: first.trackingNo },
    ]);
    // Another client's reference space is its own.
    await submit(otherReferencing, anApplication({ externalReference: reference }));

    const racing = `OSS-${randomUUID()}`;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        submit(referencing, anApplication({ externalReference: racing })),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const stored = await queryServiceDb(
      ['intake'],
      'SELECT tracking_no FROM applications WHERE submitted_by_client = $1 AND external_reference = $2',
      ['portal-refs', racing],
    );
    expect(stored).toHaveLength(1);
    for (const outcome of outcomes)
      if (outcome.status === 'rejected')
        expect(outcome.reason).toMatchObject({ status: 409, code: 'external_reference_exists' });
  });

  it('links an application a front-desk officer submits to the registered applicant by NIK', async () => {
    const receipt = await submit(
      frontDesk,
      anApplication({
        applicant: {
          nik: budi.nik,
          name: 'Budi',
          birthDate: budi.birthDate,
          consent: { method: 'SIGNED_FORM' },
        },
      }),
    );
    expect(await row(receipt.applicationId)).toMatchObject({
      applicant_id: budi.id,
      applicant_nik: budi.nik,
      channel: 'COUNTER',
      submitted_by_kind: 'officer',
      submitted_by_subject: frontDesk.subject,
    });
  });

  it('takes an application for someone without an account, keeping what the officer gave', async () => {
    const walkIn = anApplication();
    const receipt = await submit(frontDesk, walkIn);
    expect(await row(receipt.applicationId)).toMatchObject({
      applicant_id: null,
      applicant_nik: walkIn.applicant.nik,
    });
  });

  it('records the API client that submitted', async () => {
    const receipt = await submit(
      portal,
      anApplication({
        applicant: {
          nik: siti.nik,
          name: 'Siti',
          birthDate: siti.birthDate,
          consent: { method: 'SIGNED_FORM' },
        },
      }),
    );
    expect(await row(receipt.applicationId)).toMatchObject({
      applicant_id: siti.id,
      channel: 'PORTAL',
      submitted_by_kind: 'client',
      submitted_by_client: 'portal-test',
    });
  });

  it('lets an applicant apply for a business they act for, and nobody else', async () => {
    const receipt = await submit(applicant(siti.id), {
      serviceCode: 'DPMPTSP-NIB',
      businessId: business,
    });
    expect((await row(receipt.applicationId)).business_id).toBe(business);

    const error = await domainErrorOf(
      submit(applicant(budi.id), { serviceCode: 'DPMPTSP-NIB', businessId: business }),
    );
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([{ field: 'businessId', code: 'not_business_member' }]);
  });

  it.each([
    ['an anonymous caller', 401, ANONYMOUS],
    ['a verifier', 403, { ...frontDesk, roles: ['VERIFIER'] }],
    ['a client without applications:submit', 403, client('kiosk-test', ['surveys:kiosk'])],
  ] as [string, number, Principal][])(
    'refuses %s with %d, storing nothing',
    async (_l, status, who) => {
      // A NIK no other suite of the run submits with.
      const someone = aCitizen();
      const body = anApplication({
        applicant: {
          nik: someone.nik,
          name: 'Rina Putri',
          birthDate: someone.birthDate,
          consent: { method: 'SIGNED_FORM' },
        },
      });
      const error = await domainErrorOf(submit(who, body));
      expect(error.status).toBe(status);
      const stored = await queryServiceDb(
        ['intake'],
        'SELECT 1 FROM applications WHERE applicant_nik = $1',
        [body.applicant.nik],
      );
      expect(stored).toEqual([]);
    },
  );

  it('lists to each caller only their own applications, newest first', async () => {
    const mine = await submit(applicant(budi.id), {
      serviceCode: 'DUKCAPIL-KK',
      channel: 'MOBILE',
    });
    const budis = await list(applicant(budi.id));
    // Budi's own, and the one the front desk submitted for him.
    expect(budis.items.map((item) => item.applicationId)[0]).toBe(mine.applicationId);
    expect(budis.items).toHaveLength(2);
    const portals = await list(portal);
    expect(portals.items).toHaveLength(1);
    expect(portals.items[0]).not.toHaveProperty('applicant');
    expect(await list(otherPortal)).toEqual({ items: [] });
    expect((await domainErrorOf(list(frontDesk))).status).toBe(403);
    expect((await domainErrorOf(list(ANONYMOUS))).status).toBe(401);
  });
});

describe("intake's copy of who a NIK is", () => {
  const env = testEnvironment();
  let intake: ServiceProcess;

  beforeAll(async () => {
    intake = await ServiceProcess.start('intake', { DEMO_SEED: 'true' });
  });

  afterAll(async () => {
    await intake?.stop();
  });

  it('follows a NIK to the account that holds it now, and keeps following the stream', async () => {
    const citizen = aCitizen();
    const profile = (applicantId: string) => ({
      applicantId,
      version: 1,
      nik: citizen.nik,
      name: 'Dewi Lestari',
      birthDate: citizen.birthDate,
      sex: citizen.sex,
      phone: citizen.phone,
      changedAt: new Date().toISOString(),
    });
    const [before, after] = [randomUUID(), randomUUID()];
    const later = { ...profile(randomUUID()), ...aCitizen(), name: 'Agus Hidayat' };
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicantProfileChanged, [
      profile(before),
      profile(after),
      later,
    ]);
    await eventually(async () => {
      const rows = await queryServiceDb<{ id: string }>(
        ['intake'],
        'SELECT id FROM applicants WHERE nik = ANY($1) ORDER BY name',
        [[citizen.nik, later.nik]],
      );
      expect(rows.map((row) => row.id)).toEqual([later.applicantId, after]);
    });
  });
});
