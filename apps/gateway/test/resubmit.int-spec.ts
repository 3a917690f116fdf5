import type { Principal } from '@satupintu/contracts';
import {
  ServiceProcess,
  TestTokenIssuer,
  aFrontDeskOfficer,
  uploadPdf,
  anApplicant,
  anOfficer,
  eventually,
  queryServiceDb,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

type Answer = {
  status?: string;
  code?: string;
  errors?: { field: string; code: string }[];
} & Record<string, unknown>;
type Application = { applicationId: string; trackingNo: string };

const AGENCY = 'DUKCAPIL';
const BIRTH_FORM = {
  childName: 'Ayu',
  childSex: 'PEREMPUAN',
  birthDate: '2026-11-02',
  birthPlace: 'Cibinong',
  motherNik: '3201014506900001',
  marriageRecorded: true,
};

/**
 * After NEEDS_REVISION the applicant sends only what they corrected, across the real gateway,
 * intake, agency and tracking: intake merges the corrected fields over the stored form, swaps
 * the replaced document, and tells the agency (ApplicationResubmitted), which verifies the case
 * again on the shared timeline. The agency's verifier sends the case back through its workflow.
 */
describe('POST /v1/applications/{trackingNo}/resubmit', () => {
  const env = testEnvironment();
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  const siti = anApplicant();
  const budi = anApplicant();
  const frontDesk = aFrontDeskOfficer(AGENCY);
  const verifier = anOfficer(AGENCY, ['VERIFIER']);
  const auth = new Map<Principal, string>();

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    for (const principal of [siti, budi, frontDesk, verifier])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
      ServiceProcess.start('agency', { AGENCY_CODE: AGENCY, DEMO_SEED: 'true' }),
      ServiceProcess.start('tracking'),
    ]);
    gateway = services[1];
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  async function call(
    who: Principal,
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ) {
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers: {
        authorization: auth.get(who)!,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      replayed: response.headers.get('idempotent-replayed'),
      body: (await response.json()) as Answer,
    };
  }

  const upload = (who: Principal) => uploadPdf(gateway.url, auth.get(who)!);

  async function intakeStatusOf(application: Application): Promise<string> {
    const [row] = await queryServiceDb<{ status: string }>(
      ['intake'],
      'SELECT status FROM applications WHERE id = $1',
      [application.applicationId],
    );
    return row.status;
  }

  /** Siti applies for a birth certificate with a family card scan; the agency starts verifying. */
  async function sitiApplies(documentId: string): Promise<Application> {
    const { status, body } = await call(siti, 'POST', '/v1/applications', {
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      form: BIRTH_FORM,
      documents: [{ requirement: 'KK', documentId }],
    });
    expect(status).toBe(201);
    const application = body as unknown as Application;
    await eventually(async () => expect(await intakeStatusOf(application)).toBe('VERIFYING'));
    return application;
  }

  /** The agency's verifier sends the case back, through its workflow. */
  async function agencySendsBack(application: Application): Promise<void> {
    const sentBack = await call(
      verifier,
      'POST',
      `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/transitions`,
      { action: 'REQUEST_REVISION', reason: 'form', requirements: ['childName', 'KK'] },
    );
    expect([sentBack.status, sentBack.body.status]).toEqual([200, 'NEEDS_REVISION']);
    await eventually(async () => expect(await intakeStatusOf(application)).toBe('NEEDS_REVISION'));
  }

  async function stored(application: Application) {
    const [row] = await queryServiceDb<{
      form: Record<string, unknown>;
      documents: { requirement: string; documentId: string }[];
      resubmitted_at: Date | null;
    }>(['intake'], 'SELECT form, documents, resubmitted_at FROM applications WHERE id = $1', [
      application.applicationId,
    ]);
    return row;
  }

  async function resubmittedEvents(application: Application) {
    const prefix = `${env.SP_NAMESPACE.toUpperCase()}_`;
    return (await readStreams(env.NATS_URL, prefix)).filter(
      (message) =>
        message.subject.includes('intake.application.resubmitted.v1') &&
        message.data.includes(application.applicationId),
    );
  }

  it('merges the corrections, swaps the document, and the agency verifies the case again, once', async () => {
    const firstScan = await upload(siti);
    const application = await sitiApplies(firstScan);
    const path = `/v1/applications/${application.trackingNo}/resubmit`;

    // Not sent back: nothing to correct.
    const early = await call(siti, 'POST', path, { form: { childName: 'Ayu Lestari' } });
    expect([early.status, early.body.code]).toEqual([409, 'application_not_resubmittable']);
    expect(early.body).toMatchObject({ status: 409 });

    await agencySendsBack(application);
    const before = await stored(application);

    // Another applicant is told it does not exist; a bad correction changes nothing.
    const other = await call(budi, 'POST', path, { form: { childName: 'X' } });
    expect([other.status, other.body.code]).toEqual([404, 'application_not_found']);
    const bad = await call(siti, 'POST', path, {
      form: { birthDate: 'kemarin', birthWeightGrams: 10 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map(({ field, code }) => [field, code])).toEqual([
      ['form.birthDate', 'must_be_date'],
      ['form.birthWeightGrams', 'number_min'],
    ]);
    expect(await stored(application)).toEqual(before);

    const secondScan = await upload(siti);
    const key = randomUUID();
    const body = {
      form: { childName: 'Ayu Lestari' },
      documents: [{ requirement: 'KK', documentId: secondScan }],
    };
    const first = await call(siti, 'POST', path, body, key);
    expect([first.status, first.replayed]).toEqual([200, null]);
    expect(first.body).toMatchObject({
      trackingNo: application.trackingNo,
      status: 'NEEDS_REVISION',
      resubmittedAt: expect.stringMatching(/\+07:00$/) as string,
    });
    const again = await call(siti, 'POST', path, body, key);
    expect([again.status, again.replayed, again.body]).toEqual([200, 'true', first.body]);

    // Intake keeps the merged form and the new scan; the replaced one is detached for the sweeper.
    const after = await stored(application);
    expect(after.form).toEqual({ ...BIRTH_FORM, childName: 'Ayu Lestari' });
    expect(after.documents).toEqual([{ requirement: 'KK', documentId: secondScan }]);
    expect(after.resubmitted_at).not.toBeNull();
    const scans = await queryServiceDb<{ id: string; application_id: string | null }>(
      ['intake'],
      'SELECT id, application_id FROM documents WHERE id = ANY($1) ORDER BY id = $2',
      [[firstScan, secondScan], secondScan],
    );
    expect(scans).toEqual([
      { id: firstScan, application_id: null },
      { id: secondScan, application_id: application.applicationId },
    ]);

    // The agency hears what changed, never the values, and verifies the case again.
    await eventually(async () => {
      const timeline = await call(
        frontDesk,
        'GET',
        `/v1/applications/${application.trackingNo}/timeline`,
      );
      expect(timeline.body.status).toBe('VERIFYING');
    });
    const told = await resubmittedEvents(application);
    expect(told).toHaveLength(1);
    expect(told[0].subject.endsWith(`.${AGENCY}`)).toBe(true);
    expect(JSON.parse(told[0].data)).toEqual({
      applicationId: application.applicationId,
      trackingNo: application.trackingNo,
      agencyCode: AGENCY,
      fields: ['childName'],
      requirements: ['KK'],
      resubmittedAt: expect.any(String) as string,
    });
    const changes = await queryServiceDb<{
      from_status: string;
      to_status: string;
      reason: string;
    }>(
      ['agency', AGENCY],
      `SELECT from_status, to_status, reason FROM case_history
        WHERE application_id = $1 ORDER BY sequence`,
      [application.applicationId],
    );
    expect(changes).toEqual([
      { from_status: 'SUBMITTED', to_status: 'VERIFYING', reason: null },
      { from_status: 'VERIFYING', to_status: 'NEEDS_REVISION', reason: 'form' },
      { from_status: 'NEEDS_REVISION', to_status: 'VERIFYING', reason: 'resubmitted' },
    ]);
    await eventually(async () => expect(await intakeStatusOf(application)).toBe('VERIFYING'));

    // Taken up again: no more corrections until the agency sends it back.
    const late = await call(siti, 'POST', path, { form: { childName: 'Ayu L.' } });
    expect([late.status, late.body.code]).toEqual([409, 'application_not_resubmittable']);
    expect(late.body.detail).toContain('VERIFYING');
  });
});
