import { ApplicantProfileChanged, type Principal } from '@satupintu/contracts';
import {
  callGateway,
  ServiceProcess,
  TestTokenIssuer,
  uploadPdf,
  anApplicant,
  anOfficer,
  eventually,
  pdfTextOf,
  publishEvents,
  queryServiceDb,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

type Answer = {
  status?: number | string;
  code?: string;
  detail?: string;
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
 * The agency's workflow across the real gateway, intake, agency and tracking (ADR 0019): its
 * verifier and approver walk a birth certificate (a service without a fee) from verification to
 * issue, through a revision the applicant answers; each step is a record of the case's
 * hash-chained history and a status on the applicant's timeline, in order. Refusals change
 * nothing: a verifier approving (403), an action the status does not allow (409 naming it), a
 * rejection without a reason (422). Issuing issues the agency's numbered output in the same
 * move, and a bundle's next step opens with its number.
 */
describe('the agency workflow: transitions and the history check', () => {
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  const siti = anApplicant();
  const verifier = anOfficer(AGENCY, ['VERIFIER']);
  const approver = anOfficer(AGENCY, ['APPROVER']);
  const otherVerifier = anOfficer(AGENCY, ['VERIFIER']);
  const frontDesk = anOfficer(AGENCY, ['FRONT_DESK']);
  const admin = anOfficer(AGENCY, ['AGENCY_ADMIN']);
  const mallAdmin = anOfficer('MPP', ['MALL_ADMIN']);
  const auth = new Map<Principal, string>();

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    for (const principal of [siti, verifier, otherVerifier, approver, frontDesk, admin, mallAdmin])
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
    // Siti's profile, as identity publishes it: the agency keeps a copy once it serves her.
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
    // The agency's own standards (terms, fee, requirement keys) are there before any case.
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', AGENCY],
        "SELECT 1 FROM service_standards WHERE code = 'DUKCAPIL-AKTA-LAHIR'",
      );
      expect(rows).toHaveLength(1);
    });
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  const call = (who: Principal, method: string, path: string, body?: unknown) =>
    callGateway<Answer>(gateway.url, auth.get(who)!, method, path, body);

  const move = (who: Principal, application: Application, body: Record<string, unknown>) =>
    call(who, 'POST', `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/transitions`, body);

  const upload = (by: Principal = siti) => uploadPdf(gateway.url, auth.get(by)!);

  async function sitiApplies(): Promise<Application> {
    const { status, body } = await call(siti, 'POST', '/v1/applications', {
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      form: BIRTH_FORM,
      documents: [{ requirement: 'KK', documentId: await upload() }],
    });
    expect(status).toBe(201);
    const application = body as unknown as Application;
    await agencyHasCase(application);
    return application;
  }

  /** Waits until the agency has opened the application's case. */
  const agencyHasCase = (application: Application) =>
    eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', AGENCY],
        'SELECT 1 FROM cases WHERE application_id = $1',
        [application.applicationId],
      );
      expect(rows).toHaveLength(1);
    });

  async function intakeStatusOf(application: Application): Promise<string> {
    const [row] = await queryServiceDb<{ status: string }>(
      ['intake'],
      'SELECT status FROM applications WHERE id = $1',
      [application.applicationId],
    );
    return row.status;
  }

  const history = (application: Application) =>
    queryServiceDb<{
      sequence: number;
      from_status: string;
      to_status: string;
      action: string;
      actor_kind: string;
      actor_subject: string | null;
      actor_role: string | null;
      reason: string | null;
      requirements: string[] | null;
      deadline: Date | null;
    }>(
      ['agency', AGENCY],
      `SELECT sequence, from_status, to_status, action, actor_kind, actor_subject, actor_role,
              reason, requirements, deadline
         FROM case_history WHERE application_id = $1 ORDER BY sequence`,
      [application.applicationId],
    );

  it('walks a case from verification to issue, through a revision, on the timeline in order', async () => {
    const application = await sitiApplies();

    const sentBack = await move(verifier, application, {
      action: 'REQUEST_REVISION',
      reason: 'The family card scan is unreadable.',
      requirements: ['KK', 'birthDate'],
    });
    expect(sentBack.status).toBe(200);
    expect(sentBack.body).toMatchObject({
      agencyCode: AGENCY,
      applicationId: application.applicationId,
      trackingNo: application.trackingNo,
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      status: 'NEEDS_REVISION',
      sequence: 2,
      deadline: expect.stringMatching(/\+07:00$/) as string,
      paused: true,
      changedAt: expect.stringMatching(/\+07:00$/) as string,
    });
    await eventually(async () => expect(await intakeStatusOf(application)).toBe('NEEDS_REVISION'));

    // The work queue shows it paused, with its deadline, among the cases waiting on applicants.
    const queue = await call(
      verifier,
      'GET',
      `/v1/agencies/${AGENCY}/work-queue?status=NEEDS_REVISION&serviceCode=DUKCAPIL-AKTA-LAHIR&limit=100`,
    );
    expect(queue.status).toBe(200);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({
        trackingNo: application.trackingNo,
        status: 'NEEDS_REVISION',
        deadline: sentBack.body.deadline,
        paused: true,
      }),
    );

    const corrected = await call(
      siti,
      'POST',
      `/v1/applications/${application.trackingNo}/resubmit`,
      {
        form: { birthDate: '2026-11-03' },
        documents: [{ requirement: 'KK', documentId: await upload() }],
      },
    );
    expect(corrected.status).toBe(200);
    await eventually(async () => expect(await intakeStatusOf(application)).toBe('VERIFYING'));

    const verified = await move(verifier, application, { action: 'COMPLETE_VERIFICATION' });
    expect(verified.body).toMatchObject({ status: 'IN_REVIEW', sequence: 4, paused: false });
    const approved = await move(approver, application, {
      action: 'APPROVE',
      reason: 'All in order.',
    });
    expect(approved.body).toMatchObject({ status: 'APPROVED', sequence: 5 });
    const issued = await move(approver, application, { action: 'ISSUE' });
    expect([issued.status, issued.body.status, issued.body.sequence]).toEqual([200, 'ISSUED', 6]);

    const records = await history(application);
    expect(
      records.map((r) => [
        r.sequence,
        r.from_status,
        r.to_status,
        r.action,
        r.actor_kind,
        r.actor_role,
      ]),
    ).toEqual([
      [1, 'SUBMITTED', 'VERIFYING', 'START_VERIFICATION', 'system', null],
      [2, 'VERIFYING', 'NEEDS_REVISION', 'REQUEST_REVISION', 'officer', 'VERIFIER'],
      [3, 'NEEDS_REVISION', 'VERIFYING', 'RESUBMIT', 'system', null],
      [4, 'VERIFYING', 'IN_REVIEW', 'COMPLETE_VERIFICATION', 'officer', 'VERIFIER'],
      [5, 'IN_REVIEW', 'APPROVED', 'APPROVE', 'officer', 'APPROVER'],
      [6, 'APPROVED', 'ISSUED', 'ISSUE', 'officer', 'APPROVER'],
    ]);
    expect(records[1]).toMatchObject({
      actor_subject: verifier.subject,
      reason: 'The family card scan is unreadable.',
      requirements: ['KK', 'birthDate'],
    });
    expect(records[4].actor_subject).toBe(approver.subject);
    expect(records.slice(1).every((r) => r.deadline !== null)).toBe(true);
    const [kept] = await queryServiceDb<{ status: string; sequence: number }>(
      ['agency', AGENCY],
      'SELECT status, sequence FROM cases WHERE application_id = $1',
      [application.applicationId],
    );
    expect(kept).toEqual({ status: 'ISSUED', sequence: 6 });

    // The move issued the case's output in its transaction (ADR 0021), by the approver, named
    // by the agency's standard; the ISSUED change on the timeline carries its number.
    const outputs = await queryServiceDb<{
      document_no: string;
      issued_by: string;
      agency_name: string;
      service_name: { id: string; en: string };
    }>(
      ['agency', AGENCY],
      'SELECT document_no, issued_by, agency_name, service_name FROM outputs WHERE application_id = $1',
      [application.applicationId],
    );
    expect(outputs).toHaveLength(1);
    expect(outputs[0]).toMatchObject({
      document_no: expect.stringMatching(/^DUKCAPIL-\d{4}-\d+$/) as string,
      issued_by: approver.subject,
      agency_name: 'Dinas Kependudukan dan Pencatatan Sipil',
      service_name: { id: expect.any(String) as string, en: expect.any(String) as string },
    });
    // Its ISSUED change is published once the PDF is delivered as a document (ADR 0021).
    const env = testEnvironment();
    await eventually(async () => {
      const changes = (await readStreams(env.NATS_URL, `${env.SP_NAMESPACE.toUpperCase()}_AGENCY`))
        .map((m) => JSON.parse(m.data) as { applicationId?: string; to?: string; output?: unknown })
        .filter((change) => change.applicationId === application.applicationId);
      expect(changes.filter((change) => change.output !== undefined)).toEqual([
        expect.objectContaining({
          to: 'ISSUED',
          output: {
            number: outputs[0].document_no,
            documentId: expect.any(String) as string,
            size: expect.any(Number) as number,
            sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
          },
        }),
      ]);
    });

    await eventually(async () => {
      const timeline = await call(
        frontDesk,
        'GET',
        `/v1/applications/${application.trackingNo}/timeline`,
      );
      const entries = timeline.body.entries as { status: string; reason?: string }[];
      expect(entries.map((entry) => entry.status)).toEqual([
        'SUBMITTED',
        'VERIFYING',
        'NEEDS_REVISION',
        'VERIFYING',
        'IN_REVIEW',
        'APPROVED',
        'ISSUED',
      ]);
      expect(entries[2].reason).toBe('The family card scan is unreadable.');
    });
    await eventually(async () => expect(await intakeStatusOf(application)).toBe('ISSUED'));

    // Done: issuing again is a 409 naming where the case is.
    const again = await move(approver, application, { action: 'ISSUE' });
    expect([again.status, again.body.code]).toEqual([409, 'illegal_transition']);
    expect(again.body.detail).toContain('ISSUED');
  });

  it("hands the output the agency issued to the bundle's next step (demo BIRTH-OF-A-CHILD)", async () => {
    const submitted = await call(siti, 'POST', '/v1/bundles/BIRTH-OF-A-CHILD/applications', {
      form: { childName: 'Ayu', birthWeightGrams: 3100, marriageRecorded: true },
      documents: [{ requirement: 'SURAT_KETERANGAN_LAHIR', documentId: await upload() }],
    });
    expect(submitted.status).toBe(201);
    type Step = { key: string; status: string; application?: Application; output?: unknown };
    const bundle = submitted.body as unknown as { trackingNo: string; steps: Step[] };
    const akta = bundle.steps.find((step) => step.key === 'akta')!.application!;
    await agencyHasCase(akta);
    for (const [who, action] of [
      [verifier, 'COMPLETE_VERIFICATION'],
      [approver, 'APPROVE'],
      [approver, 'ISSUE'],
    ] as const)
      expect((await move(who, akta, { action })).status).toBe(200);

    const [output] = await queryServiceDb<{ document_no: string; pdf: Buffer }>(
      ['agency', AGENCY],
      'SELECT document_no, pdf FROM outputs WHERE application_id = $1',
      [akta.applicationId],
    );
    // Issued to Siti from the agency's copy of her profile, her NIK masked.
    expect(await pdfTextOf(output.pdf)).toEqual(
      expect.arrayContaining(['Siti Rahayu', '3201********0001', akta.trackingNo]),
    );
    const kk = await eventually(async () => {
      const now = await call(siti, 'GET', `/v1/bundles/applications/${bundle.trackingNo}`);
      const steps = now.body.steps as Step[];
      expect(steps.find((step) => step.key === 'akta')).toMatchObject({
        status: 'ISSUED',
        output: { number: output.document_no },
      });
      const next = steps.find((step) => step.key === 'kk')!;
      expect(next.status).toBe('OPEN');
      return next.application!;
    });
    const opened = await call(siti, 'GET', `/v1/applications/${kk.trackingNo}`);
    expect(opened.status).toBe(200);
    expect((opened.body.requirements as { documents: unknown[] }).documents).toContainEqual(
      expect.objectContaining({
        requirement: 'AKTA_KELAHIRAN',
        state: 'FROM_STEP',
        fromStep: 'akta',
        outputNumber: output.document_no,
        documentId: expect.any(String) as string,
      }),
    );
  });

  it("keeps a case in verification while Dukcapil's own rule is not met: a walk-in's NIK with no account", async () => {
    // The front desk applies for a walk-in named by a NIK that no account holds.
    const walkInNik = '3201014506900002';
    const submitted = await call(frontDesk, 'POST', '/v1/applications', {
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      applicant: { nik: walkInNik, name: 'Dewi Lestari', consent: { method: 'SIGNED_FORM' } },
      form: BIRTH_FORM,
      documents: [{ requirement: 'KK', documentId: await upload(frontDesk) }],
    });
    expect(submitted.status).toBe(201);
    const walkIn = submitted.body as unknown as Application;
    await agencyHasCase(walkIn);

    const refused = await move(verifier, walkIn, { action: 'COMPLETE_VERIFICATION' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'agency_rules_unmet',
      errors: [{ field: 'applicant', code: 'nik_not_registered' }],
    });
    expect(refused.body.detail).toContain('dukcapil.registered-applicant');
    expect(JSON.stringify(refused.body)).not.toMatch(/3201014506900002|Dewi/);
    // Nothing written: the case is where it was, with its one record.
    expect((await history(walkIn)).map((record) => record.to_status)).toEqual(['VERIFYING']);
    const [row] = await queryServiceDb<{ status: string; sequence: number }>(
      ['agency', AGENCY],
      'SELECT status, sequence FROM cases WHERE application_id = $1',
      [walkIn.applicationId],
    );
    expect(row).toEqual({ status: 'VERIFYING', sequence: 1 });
    // What the rule names can be asked of the applicant, or the case rejected.
    const rejected = await move(approver, walkIn, {
      action: 'REJECT',
      reason: 'The NIK is not registered; register it at Dukcapil first.',
    });
    expect(rejected.status).toBe(200);

    // Siti applies herself: her NIK is her account's, and her case moves on.
    const registered = await sitiApplies();
    const moved = await move(verifier, registered, { action: 'COMPLETE_VERIFICATION' });
    expect([moved.status, moved.body.status]).toEqual([200, 'IN_REVIEW']);
  });

  it('refuses a verifier approving, an illegal action, a rejection without a reason: nothing changes', async () => {
    const application = await sitiApplies();

    const wrongRole = await move(verifier, application, { action: 'APPROVE' });
    expect([wrongRole.status, wrongRole.body.code]).toEqual([403, 'forbidden']);

    const illegal = await move(approver, application, { action: 'APPROVE' });
    expect([illegal.status, illegal.body.code]).toEqual([409, 'illegal_transition']);
    expect(illegal.body.detail).toBe(
      'The case is VERIFYING; APPROVE cannot be done from that status.',
    );

    const noReason = await move(approver, application, { action: 'REJECT' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors?.map(({ field, code }) => [field, code])).toEqual([
      ['reason', 'required'],
    ]);

    const unknownKey = await move(verifier, application, {
      action: 'REQUEST_REVISION',
      reason: 'Please correct.',
      requirements: ['KTP'],
    });
    expect(unknownKey.status).toBe(422);
    expect(unknownKey.body.errors?.map(({ field, code }) => [field, code])).toEqual([
      ['requirements.0', 'unknown_requirement'],
    ]);

    const badAction = await move(approver, application, { action: 'PUBLISH' });
    expect(badAction.status).toBe(400);

    expect((await history(application)).map((r) => r.to_status)).toEqual(['VERIFYING']);

    const rejected = await move(approver, application, {
      action: 'REJECT',
      reason: 'The child was born in another regency.',
    });
    expect([rejected.status, rejected.body.status, rejected.body.paused]).toEqual([
      200,
      'REJECTED',
      false,
    ]);
    await eventually(async () => expect(await intakeStatusOf(application)).toBe('REJECTED'));
  });

  it('stops the case at the agency when the applicant withdraws: recorded, then refused to act on', async () => {
    const application = await sitiApplies();
    const withdrawn = await call(
      siti,
      'POST',
      `/v1/applications/${application.trackingNo}/withdraw`,
    );
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'WITHDRAWN']);

    await eventually(async () =>
      expect(
        (await history(application)).map((r) => [r.to_status, r.action, r.actor_kind]),
      ).toEqual([
        ['VERIFYING', 'START_VERIFICATION', 'system'],
        ['WITHDRAWN', 'WITHDRAW', 'system'],
      ]),
    );
    expect((await history(application))[1].reason).toBe('withdrawn by the applicant');
    const late = await move(verifier, application, { action: 'COMPLETE_VERIFICATION' });
    expect([late.status, late.body.code]).toEqual([409, 'illegal_transition']);
    expect(await intakeStatusOf(application)).toBe('WITHDRAWN');
  });

  type BrokenCase = {
    applicationId: string;
    trackingNo: string;
    problem: string;
    sequence: number;
  };
  const historyCheck = (who: Principal) => call(who, 'GET', `/v1/agencies/${AGENCY}/history-check`);

  it("finds a case whose history was edited in the agency's database, for its admin or a mall admin", async () => {
    const application = await sitiApplies();
    await move(verifier, application, {
      action: 'REQUEST_REVISION',
      reason: 'The family card scan is unreadable.',
      requirements: ['KK'],
    });
    const before = await historyCheck(admin);
    expect(before.status).toBe(200);
    expect(before.body.agencyCode).toBe(AGENCY);
    expect(before.body.cases).toBeGreaterThan(0);
    const brokenBefore = before.body.broken as BrokenCase[];
    expect(brokenBefore.map((b) => b.applicationId)).not.toContain(application.applicationId);

    // Someone with the database's keys softens the reason, past the append-only trigger.
    await queryServiceDb(
      ['agency', AGENCY],
      `BEGIN; SET LOCAL session_replication_role = replica;
       UPDATE case_history SET reason = 'Looks fine.'
        WHERE application_id = '${application.applicationId}' AND sequence = 2;
       COMMIT;`,
    );

    for (const who of [admin, mallAdmin]) {
      const after = await historyCheck(who);
      expect(after.status).toBe(200);
      expect(after.body.intact).toBe((before.body.intact as number) - 1);
      expect(after.body.broken).toContainEqual({
        applicationId: application.applicationId,
        trackingNo: application.trackingNo,
        problem: 'hash_mismatch',
        sequence: 2,
        expectedSequence: 2,
      });
    }
    const refused = await historyCheck(verifier);
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);

    // The same check from the command line, on the agency's database: exit 1, the case named.
    const env = testEnvironment();
    const run = promisify(execFile)(
      process.execPath,
      [join('dist', 'apps', 'agency', 'src', 'check-history.main.js'), '--agency', AGENCY],
      { env: { ...process.env, DATABASE_URL: env.DATABASE_URL, DB_PREFIX: env.DB_PREFIX } },
    );
    const failed = (await run.then(
      () => undefined,
      (error: unknown) => error,
    )) as { code: number; stdout: string } | undefined;
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain(
      `${application.trackingNo} ${application.applicationId}: hash_mismatch at record 2`,
    );
  });

  it('lets one verifier claim a case at a time, until the claim lapses or is let go', async () => {
    const application = await sitiApplies();
    const path = `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/claim`;
    const claimed = await call(verifier, 'POST', path);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({
      trackingNo: application.trackingNo,
      claimedBy: verifier.subject,
      claimedUntil: expect.stringMatching(/\+07:00$/) as string,
    });

    const taken = await call(otherVerifier, 'POST', path);
    expect([taken.status, taken.body.code]).toEqual([409, 'case_claimed']);
    expect(taken.body.detail).toBe(
      `Case ${application.trackingNo} is being handled by ${verifier.subject} until ${claimed.body.claimedUntil as string}.`,
    );
    const queue = await call(
      verifier,
      'GET',
      `/v1/agencies/${AGENCY}/work-queue?status=VERIFYING&serviceCode=DUKCAPIL-AKTA-LAHIR&limit=100`,
    );
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({
        trackingNo: application.trackingNo,
        claimedBy: verifier.subject,
        claimedUntil: claimed.body.claimedUntil,
      }),
    );
    const frontDeskClaim = await call(frontDesk, 'POST', path);
    expect(frontDeskClaim.status).toBe(403);

    // The first verifier walks away: the claim lapses (its time set past), and it can be taken.
    await queryServiceDb(
      ['agency', AGENCY],
      "UPDATE cases SET claimed_until = now() - interval '1 minute' WHERE application_id = $1",
      [application.applicationId],
    );
    const takenOver = await call(otherVerifier, 'POST', path);
    expect([takenOver.status, takenOver.body.claimedBy]).toEqual([200, otherVerifier.subject]);
    const notTheirs = await call(verifier, 'DELETE', path);
    expect([notTheirs.status, notTheirs.body.code]).toEqual([409, 'case_claimed']);
    const letGo = await call(otherVerifier, 'DELETE', path);
    expect(letGo.status).toBe(204);
    const free = await call(
      verifier,
      'GET',
      `/v1/agencies/${AGENCY}/work-queue?status=VERIFYING&serviceCode=DUKCAPIL-AKTA-LAHIR&limit=100`,
    );
    const item = (free.body.items as { trackingNo: string }[]).find(
      (i) => i.trackingNo === application.trackingNo,
    );
    expect(item).not.toHaveProperty('claimedBy');
  });
});
