import type { Principal } from '@satupintu/contracts';
import { signPaymentCallback } from '@satupintu/domain';
import { JetStreamDocumentStore } from '@satupintu/messaging';
import {
  ServiceProcess,
  TestTokenIssuer,
  anApplicant,
  anOfficer,
  eventually,
  queryServiceDb,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';
import { createHash } from 'node:crypto';

type Answer = { status?: number | string; code?: string } & Record<string, unknown>;
type Application = { applicationId: string; trackingNo: string };
type Output = { number: string; documentId?: string };
type Step = { key: string; status: string; application?: Application; output?: Output };
type BundleCase = { trackingNo: string; status: string; steps: Step[] };
type StatusChange = {
  applicationId: string;
  to: string;
  output?: { number: string; documentId?: string; size?: number; sha256?: string };
};

const AGENCIES = ['DPMPTSP', 'PUPR', 'BPJSKES'] as const;
type Agency = (typeof AGENCIES)[number];
const PAYMENT_SECRET = 'the-secret-shared-with-the-bank-in-this-test';
const PBG_LEVY = 2_500_000;

/**
 * Issued outputs delivered to the mall (ADR 0021) across the real gateway, intake and three
 * agency deployments of one build (DPMPTSP, PUPR, BPJS Kesehatan, told apart by AGENCY_CODE):
 * the demo bundle "start a small business" walked by each agency's own officers to COMPLETED.
 * Each ISSUED output's signed PDF becomes a document of the application: its applicant, the
 * issuing agency's officers and the officers of the steps that take it can download it (the
 * bytes whose SHA-256 verification publishes), an agency whose step does not take it cannot.
 * And the delivery survives the agency dying between storing the PDF and publishing ISSUED:
 * once restarted it publishes once, and intake registers one document.
 */
describe('issued outputs delivered to intake: a bundle through three agencies', () => {
  const env = testEnvironment();
  const core: ServiceProcess[] = [];
  const agencies = new Map<Agency, ServiceProcess>();
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  const store = new JetStreamDocumentStore({
    natsUrl: env.NATS_URL,
    namespace: env.SP_NAMESPACE,
    connectionName: 'output-delivery-test',
  });
  const siti = anApplicant();
  const officers = Object.fromEntries(
    AGENCIES.map((agency) => [
      agency,
      {
        verifier: anOfficer(agency, ['VERIFIER']),
        approver: anOfficer(agency, ['APPROVER']),
      },
    ]),
  ) as Record<Agency, { verifier: Principal; approver: Principal }>;
  const auth = new Map<Principal, string>();

  const startAgency = (agency: Agency, extra: Record<string, string> = {}) =>
    ServiceProcess.start('agency', {
      AGENCY_CODE: agency,
      DEMO_SEED: 'true',
      PAYMENT_CALLBACK_SECRETS: PAYMENT_SECRET,
      ...extra,
    });

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    for (const principal of [siti, ...AGENCIES.flatMap((a) => Object.values(officers[a]))])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    const started = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
      ...AGENCIES.map((agency) => startAgency(agency)),
    ]);
    core.push(started[0], started[1]);
    gateway = started[1];
    AGENCIES.forEach((agency, i) => agencies.set(agency, started[2 + i]));
    // Each agency's own standards (terms, fee) are there before any case.
    await eventually(async () => {
      for (const agency of AGENCIES) {
        const rows = await queryServiceDb(['agency', agency], 'SELECT 1 FROM service_standards');
        expect(rows.length).toBeGreaterThan(0);
      }
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...core, ...agencies.values()].map((service) => service.stop()));
    await store.close();
    await issuer.stop();
  });

  async function call(who: Principal | undefined, method: string, path: string, body?: unknown) {
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers: {
        ...(who ? { authorization: auth.get(who)! } : {}),
        'accept-language': 'en',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Answer };
  }

  async function download(who: Principal, documentId: string) {
    const response = await fetch(`${gateway.url}/v1/documents/${documentId}`, {
      headers: { authorization: auth.get(who)!, 'accept-language': 'en' },
    });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  async function submitBundle(): Promise<BundleCase> {
    const submitted = await call(siti, 'POST', '/v1/bundles/START-SMALL-BUSINESS/applications', {
      form: { businessName: 'Warung Siti', capital: 15_000_000 },
      documents: [],
    });
    expect(submitted.status).toBe(201);
    return submitted.body as unknown as BundleCase;
  }

  const bundleNow = async (bundle: BundleCase) => {
    const now = await call(siti, 'GET', `/v1/bundles/applications/${bundle.trackingNo}`);
    expect(now.status).toBe(200);
    return now.body as unknown as BundleCase;
  };

  /** The step's application once it is open and its agency has the case. */
  async function opened(bundle: BundleCase, key: string, agency: Agency): Promise<Application> {
    return eventually(async () => {
      const step = (await bundleNow(bundle)).steps.find((s) => s.key === key)!;
      expect(step.status).toBe('OPEN');
      const rows = await queryServiceDb(
        ['agency', agency],
        'SELECT 1 FROM cases WHERE application_id = $1',
        [step.application!.applicationId],
      );
      expect(rows).toHaveLength(1);
      return step.application!;
    });
  }

  const move = (agency: Agency, who: Principal, application: Application, body: object) =>
    call(who, 'POST', `/v1/agencies/${agency}/cases/${application.trackingNo}/transitions`, body);

  /** The agency's verifier and approver take the case from VERIFYING to ISSUED. */
  async function walkToIssued(agency: Agency, application: Application): Promise<void> {
    const { verifier, approver } = officers[agency];
    const verified = await move(agency, verifier, application, { action: 'COMPLETE_VERIFICATION' });
    expect(verified.status).toBe(200);
    for (const action of ['APPROVE', 'ISSUE'])
      expect((await move(agency, approver, application, { action })).status).toBe(200);
  }

  /** PUPR's building approval charges a levy: assessed, paid at the bank, then decided. */
  async function walkPbgToIssued(application: Application): Promise<void> {
    const { verifier, approver } = officers.PUPR;
    const verified = await move('PUPR', verifier, application, {
      action: 'COMPLETE_VERIFICATION',
      amount: PBG_LEVY,
    });
    expect([verified.status, verified.body.status]).toEqual([200, 'AWAITING_PAYMENT']);
    const { code } = verified.body.payment as { code: string };
    const report = JSON.stringify({
      paymentCode: code,
      amount: PBG_LEVY,
      reference: 'BNI-20261203-000777',
      paidAt: new Date().toISOString(),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const paid = await fetch(`${gateway.url}/v1/agencies/PUPR/payments/callback`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'payment-timestamp': String(timestamp),
        'payment-signature': signPaymentCallback(PAYMENT_SECRET, timestamp, report),
      },
      body: report,
    });
    expect(paid.status).toBe(200);
    for (const action of ['APPROVE', 'ISSUE'])
      expect((await move('PUPR', approver, application, { action })).status).toBe(200);
  }

  const statusChangesOf = async (application: Application): Promise<StatusChange[]> =>
    (await readStreams(env.NATS_URL, `${env.SP_NAMESPACE.toUpperCase()}_AGENCY`))
      .map((message) => JSON.parse(message.data) as StatusChange)
      .filter((change) => change.applicationId === application.applicationId);

  /** The output as the applicant's application shows it, once intake has followed ISSUED. */
  async function deliveredOutput(application: Application): Promise<Required<Output>> {
    return eventually(async () => {
      const read = await call(siti, 'GET', `/v1/applications/${application.trackingNo}`);
      expect(read.body).toMatchObject({
        status: 'ISSUED',
        output: { number: expect.any(String) as string, documentId: expect.any(String) as string },
      });
      return read.body.output as Required<Output>;
    });
  }

  /** The bytes verification vouches for: the SHA-256 in the signed statement. */
  async function publishedDigest(documentNo: string): Promise<string> {
    const verified = await call(undefined, 'GET', `/v1/verify/${documentNo}`);
    expect([verified.status, verified.body.status]).toEqual([200, 'VALID']);
    return (verified.body.signed as { pdfSha256: string }).pdfSha256;
  }

  it("walks 'start a small business' to COMPLETED, each downstream step holding the upstream PDF", async () => {
    const bundle = await submitBundle();

    // NIB at DPMPTSP first; the JKN enrolment at BPJS Kesehatan waits on nothing.
    const nib = await opened(bundle, 'nib', 'DPMPTSP');
    const jkn = await opened(bundle, 'jkn', 'BPJSKES');
    await walkToIssued('DPMPTSP', nib);
    const nibOutput = await deliveredOutput(nib);
    expect(nibOutput.number).toMatch(/^DPMPTSP-\d{4}-\d{6,}$/);
    const nibDigest = await publishedDigest(nibOutput.number);

    // Its applicant downloads the signed PDF verification vouches for, and so do the issuing
    // agency's officers.
    const mine = await download(siti, nibOutput.documentId);
    expect(mine.status).toBe(200);
    expect(mine.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256(mine.bytes)).toBe(nibDigest);
    expect(sha256((await download(officers.DPMPTSP.verifier, nibOutput.documentId)).bytes)).toBe(
      nibDigest,
    );

    // PBG (PUPR) and the signboard permit (DPMPTSP) open with the NIB attached: its document.
    const pbg = await opened(bundle, 'pbg', 'PUPR');
    const reklame = await opened(bundle, 'reklame', 'DPMPTSP');
    for (const step of [pbg, reklame]) {
      const read = await call(siti, 'GET', `/v1/applications/${step.trackingNo}`);
      expect((read.body.requirements as { documents: unknown[] }).documents).toContainEqual({
        requirement: 'NIB',
        mandatory: expect.any(Boolean) as boolean,
        state: 'FROM_STEP',
        fromStep: 'nib',
        outputNumber: nibOutput.number,
        documentId: nibOutput.documentId,
      });
    }
    // PUPR's officer, whose step takes the NIB, opens it; BPJS Kesehatan's, whose does not, is
    // told it does not exist.
    const atPupr = await download(officers.PUPR.verifier, nibOutput.documentId);
    expect([atPupr.status, sha256(atPupr.bytes)]).toEqual([200, nibDigest]);
    expect((await download(officers.BPJSKES.verifier, nibOutput.documentId)).status).toBe(404);

    await walkPbgToIssued(pbg);
    const pbgOutput = await deliveredOutput(pbg);
    expect(pbgOutput.number).toMatch(/^PUPR-\d{4}-\d{6,}$/);
    const slf = await opened(bundle, 'slf', 'PUPR');
    const slfRead = await call(siti, 'GET', `/v1/applications/${slf.trackingNo}`);
    expect((slfRead.body.requirements as { documents: unknown[] }).documents).toContainEqual(
      expect.objectContaining({
        requirement: 'PBG',
        state: 'FROM_STEP',
        outputNumber: pbgOutput.number,
        documentId: pbgOutput.documentId,
      }),
    );
    const pbgAtPupr = await download(officers.PUPR.approver, pbgOutput.documentId);
    expect([pbgAtPupr.status, sha256(pbgAtPupr.bytes)]).toEqual([
      200,
      await publishedDigest(pbgOutput.number),
    ]);

    await walkToIssued('PUPR', slf);
    await walkToIssued('DPMPTSP', reklame);
    await walkToIssued('BPJSKES', jkn);

    const done = await eventually(async () => {
      const now = await bundleNow(bundle);
      expect(now.status).toBe('COMPLETED');
      return now;
    });
    // Every step's output is a delivered document, its bytes the ones its agency signed.
    for (const step of done.steps) {
      expect(step).toMatchObject({
        status: 'ISSUED',
        output: { documentId: expect.any(String) as string },
      });
      const pdf = await download(siti, step.output!.documentId!);
      expect([pdf.status, sha256(pdf.bytes)]).toEqual([
        200,
        await publishedDigest(step.output!.number),
      ]);
    }
    // The events say which document, never whose: no holder data beside the number.
    const [issued] = (await statusChangesOf(nib)).filter((change) => change.to === 'ISSUED');
    expect(issued.output).toEqual({
      number: nibOutput.number,
      documentId: nibOutput.documentId,
      size: mine.bytes.length,
      sha256: nibDigest,
    });
  }, 180_000);

  it('delivers an output exactly once though its agency dies between storing and publishing', async () => {
    const bundle = await submitBundle();
    const nib = await opened(bundle, 'nib', 'DPMPTSP');
    await agencies.get('DPMPTSP')!.stop();
    const doomed = await startAgency('DPMPTSP', { SP_FAILPOINT: 'output-stored-before-publish' });
    agencies.set('DPMPTSP', doomed);

    // The move commits and answers; its delivery stores the PDF, then the process dies.
    await walkToIssued('DPMPTSP', nib);
    expect(await doomed.exited()).toMatchObject({ signal: 'SIGKILL' });
    const [caseRow] = await queryServiceDb<{ status: string }>(
      ['agency', 'DPMPTSP'],
      'SELECT status FROM cases WHERE application_id = $1',
      [nib.applicationId],
    );
    expect(caseRow.status).toBe('ISSUED');
    const pending = () =>
      queryServiceDb<{ payload: { documentId: string } }>(
        ['agency', 'DPMPTSP'],
        `SELECT payload FROM jobs WHERE kind = 'outputs.deliver' AND payload->'change'->>'applicationId' = $1`,
        [nib.applicationId],
      );
    const [job] = await pending();
    const { documentId } = job.payload;
    expect((await store.list()).map((object) => object.name)).toContain(documentId);
    expect((await statusChangesOf(nib)).map((change) => change.to)).not.toContain('ISSUED');

    // Restarted, it runs the job again: the same object, one ISSUED, one document.
    agencies.set('DPMPTSP', await startAgency('DPMPTSP'));
    const output = await deliveredOutput(nib);
    expect(output.documentId).toBe(documentId);
    await eventually(async () => expect(await pending()).toHaveLength(0));
    const issued = (await statusChangesOf(nib)).filter((change) => change.to === 'ISSUED');
    expect(issued).toHaveLength(1);
    expect(issued[0].output?.documentId).toBe(documentId);
    expect(
      await queryServiceDb(['intake'], 'SELECT id FROM documents WHERE output_of = $1', [
        nib.applicationId,
      ]),
    ).toEqual([{ id: documentId }]);
    expect((await store.list()).filter((object) => object.name === documentId)).toHaveLength(1);
    const pdf = await download(siti, documentId);
    expect([pdf.status, sha256(pdf.bytes)]).toEqual([200, await publishedDigest(output.number)]);
    // The bundle goes on: the steps that take the NIB open holding it.
    await opened(bundle, 'pbg', 'PUPR');
  }, 180_000);
});
