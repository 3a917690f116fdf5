import { randomUUID } from 'node:crypto';
import {
  ApplicantProfileChanged,
  BusinessProfileChanged,
  type Principal,
} from '@satupintu/contracts';
import {
  callGateway,
  ServiceProcess,
  TestTokenIssuer,
  anApiClient,
  anApplicant,
  anOfficer,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';

type Answer = { code?: string; status?: string; errors?: unknown[] } & Record<string, unknown>;

const AGENCY = 'DPMPTSP';
const SITI_NIK = '3201014506900001';

/**
 * DPMPTSP's own rule across the real gateway, intake and agency (ADR 0019): a business service
 * leaves verification only for a business with a valid NIB whose KBLI includes the one its form
 * names. The form is intake's: the agency asks intake's case file for it as the officer or the
 * agency's system that completes verification, before it locks the case. Warung Makan Sejahtera
 * holds KBLI 56101 (restaurants); a form naming 10710 (bakery) is refused, naming the field, and
 * nothing is written. With intake away, the transition answers 503 with Retry-After and writes
 * nothing.
 */
describe("the agency's own rules on intake's form: DPMPTSP's KBLI", () => {
  let services: ServiceProcess[] = [];
  let intake: ServiceProcess;
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  const env = testEnvironment();
  const siti = anApplicant();
  const verifier = anOfficer(AGENCY, ['VERIFIER']);
  const system = anApiClient([`agency:${AGENCY}:work`]);
  const auth = new Map<Principal, string>();
  const businessId = randomUUID();
  const nib = `9${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    for (const principal of [siti, verifier, system])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
      ServiceProcess.start('agency', { AGENCY_CODE: AGENCY, DEMO_SEED: 'true' }),
    ]);
    [intake, gateway] = services;
    // Siti and her business, as identity publishes them: intake knows she acts for it, and the
    // agency keeps a copy of the business once a case names it.
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
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, BusinessProfileChanged, [
      {
        businessId,
        version: 1,
        nib,
        name: 'Warung Makan Sejahtera',
        kbli: ['56101'],
        address: { line: 'Jl. Raya Cibinong No. 12', districtCode: '32.01.01' },
        members: [{ applicantId: siti.subject!, role: 'OWNER' }],
        changedAt: new Date().toISOString(),
      },
    ]);
    await eventually(async () => {
      const [member] = await queryServiceDb(
        ['intake'],
        'SELECT 1 FROM business_members WHERE business_id = $1 AND applicant_id = $2',
        [businessId, siti.subject],
      );
      const [standard] = await queryServiceDb(
        ['agency', AGENCY],
        "SELECT 1 FROM service_standards WHERE code = 'DPMPTSP-NIB'",
      );
      expect([member, standard]).toEqual([{ '?column?': 1 }, { '?column?': 1 }]);
    });
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  async function call(who: Principal, method: string, path: string, body?: unknown) {
    const answer = await callGateway<Answer>(gateway.url, auth.get(who)!, method, path, body);
    return { ...answer, retryAfter: answer.headers.get('retry-after') };
  }

  type Application = { applicationId: string; trackingNo: string };

  /** Siti applies for an NIB for her business, naming a KBLI; the agency verifies it. */
  async function sitiApplies(kbli: string): Promise<Application> {
    const { status, body } = await call(siti, 'POST', '/v1/applications', {
      serviceCode: 'DPMPTSP-NIB',
      businessId,
      form: {
        businessName: 'Warung Makan Sejahtera',
        kbli,
        businessScale: 'MIKRO',
        capital: 25_000_000,
        businessAddress: 'Jl. Raya Cibinong No. 12',
        phone: '+6281234567890',
        email: 'warung.sejahtera@example.id',
      },
    });
    expect(status).toBe(201);
    const application = body as unknown as Application;
    await eventually(async () => {
      // The case, and the agency's copy of the business it is for.
      const rows = await queryServiceDb<{ status: string; kbli: string[] | null }>(
        ['agency', AGENCY],
        `SELECT c.status, b.kbli FROM cases c JOIN businesses b ON b.id = c.business_id
          WHERE c.tracking_no = $1 AND b.version > 0`,
        [application.trackingNo],
      );
      expect(rows).toEqual([{ status: 'VERIFYING', kbli: ['56101'] }]);
    });
    return application;
  }

  const complete = (who: Principal, application: Application) =>
    call(who, 'POST', `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/transitions`, {
      action: 'COMPLETE_VERIFICATION',
    });

  const caseRow = async (application: Application) =>
    (
      await queryServiceDb<{ status: string; sequence: number }>(
        ['agency', AGENCY],
        'SELECT status, sequence FROM cases WHERE application_id = $1',
        [application.applicationId],
      )
    )[0];

  it('refuses a KBLI the business does not hold, naming the field, and writes nothing', async () => {
    const bakery = await sitiApplies('10710');
    for (const who of [verifier, system]) {
      const refused = await complete(who, bakery);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'agency_rules_unmet',
        errors: [
          {
            field: 'kbli',
            code: 'kbli_not_held',
            message: 'the business does not hold KBLI 10710',
          },
        ],
      });
      expect(refused.body.detail).toContain('dpmptsp.business-nib-and-kbli');
    }
    expect(await caseRow(bakery)).toEqual({ status: 'VERIFYING', sequence: 1 });
  });

  it('moves a case whose form names a KBLI the business holds, for an officer or the system', async () => {
    for (const who of [verifier, system]) {
      const restaurant = await sitiApplies('56101');
      const moved = await complete(who, restaurant);
      expect([moved.status, moved.body.status]).toEqual([200, 'IN_REVIEW']);
      expect(await caseRow(restaurant)).toEqual({ status: 'IN_REVIEW', sequence: 2 });
    }
  });

  it('answers 503 with Retry-After while intake is away, and writes nothing', async () => {
    const restaurant = await sitiApplies('56101');
    await intake.stop();
    const away = await complete(verifier, restaurant);
    expect([away.status, away.body.code]).toEqual([503, 'service_unavailable']);
    expect(away.body.detail).toBe('The intake service is not answering. Try again in 5 seconds.');
    expect(away.retryAfter).toBe('5');
    expect(await caseRow(restaurant)).toEqual({ status: 'VERIFYING', sequence: 1 });
  });
});
