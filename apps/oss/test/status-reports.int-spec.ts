import type { Principal } from '@satupintu/contracts';
import {
  FakeOss,
  ServiceProcess,
  TestTokenIssuer,
  aPdf,
  anApplicant,
  anOfficer,
  callGateway,
  eventually,
  piaNibExample,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { signPaymentCallback } from '@satupintu/domain';
import { databaseName, databaseUrl } from '@satupintu/persistence';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';

type Answer = { status?: string; sequence?: number } & Record<string, unknown>;
type Application = { applicationId: string; trackingNo: string };

const AGENCY = 'DUKCAPIL';
/** PUPR's building permit charges an assessed fee, paid against a payment code (ADR 0022). */
const FEE_AGENCY = 'PUPR';
const BANK_SECRET = 'the-secret-shared-with-the-bank-in-this-test';
const USER_KEY = 'uk-test-7f3a';
/** What OSS and the mall agreed on for receiveNIB's Token. */
const OSS_CREDENTIALS = { username: 'OSS000', password: 'kata-sandi-uji' };
const BIRTH_FORM = {
  childName: 'Ayu',
  childSex: 'PEREMPUAN',
  birthDate: '2026-11-02',
  birthPlace: 'Cibinong',
  motherNik: '3201014506900001',
  marriageRecorded: true,
};
/** A case's life through a revision, as OSS hears it (docs/oss-kd-status.md). */
const LIFE = ['09', '11', '41', '42', '10', '20', '50'];

/**
 * Status reports to OSS (issue 10, ADR 0031) across the real gateway, intake, agency and oss
 * services, with the fake OSS of the PIA as the receiver: a case that came from an OSS permit,
 * moved by its officers from verification to issue through a revision, is reported with the
 * `kd_status` codes of its life in order, then the permit with receiveLicense, every body as the
 * PIA lists it and with the `user_key`; with OSS failing (HTTP 503, then an error `kode` in an
 * HTTP 200, then hanging) while the case moves, OSS receives every report once it is back, in
 * order, each acknowledged once, and every attempt is kept with OSS's reply. A building permit's
 * fee is reported as due (30, with its billing) and as confirmed by the bank (31). And the whole
 * loop: the fake OSS sends the PIA's receiveNIB example (filled in) with its Token, the oss
 * service opens the permit's application, its case moves, and OSS hears every step.
 *
 * The permit's row is written here as the inbound half's opening job writes it (OPENING, locked
 * while intake opens its application, then OPENED with it), so this test does not depend on
 * receiveNIB's payload (apps/oss/test/receive-from-oss.int-spec.ts covers that).
 */
describe('status reports to OSS', () => {
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  let oss: FakeOss;
  const siti = anApplicant();
  const verifier = anOfficer(AGENCY, ['VERIFIER']);
  const approver = anOfficer(AGENCY, ['APPROVER']);
  const mallAdmin = anOfficer('MPP', ['MALL_ADMIN']);
  const agencyAdmin = anOfficer(AGENCY, ['AGENCY_ADMIN']);
  const puprVerifier = anOfficer(FEE_AGENCY, ['VERIFIER']);
  const puprApprover = anOfficer(FEE_AGENCY, ['APPROVER']);
  const auth = new Map<Principal, string>();

  beforeAll(async () => {
    oss = await new FakeOss(USER_KEY).start();
    issuer = await TestTokenIssuer.start();
    for (const principal of [
      siti,
      verifier,
      approver,
      mallAdmin,
      agencyAdmin,
      puprVerifier,
      puprApprover,
    ])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
      ServiceProcess.start('agency', { AGENCY_CODE: AGENCY, DEMO_SEED: 'true' }),
      ServiceProcess.start('agency', {
        AGENCY_CODE: FEE_AGENCY,
        DEMO_SEED: 'true',
        PAYMENT_CALLBACK_SECRETS: BANK_SECRET,
      }),
      ServiceProcess.start('oss', {
        OSS_USERNAME: OSS_CREDENTIALS.username,
        OSS_PASSWORD: OSS_CREDENTIALS.password,
        OSS_BASE_URL: oss.baseUrl(),
        OSS_USER_KEY: USER_KEY,
        OSS_KD_INSTANSI: '001',
        OSS_KD_DAERAH: '3201000000',
        // 5 ms doubling to 3.6 s, for 86 s: hours of retries in seconds.
        WEBHOOK_RETRY_SCALE: '0.001',
        WEBHOOK_TIMEOUT_SECONDS: '1',
      }),
    ]);
    gateway = services[1];
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', AGENCY],
        "SELECT 1 FROM service_standards WHERE code = 'DUKCAPIL-AKTA-LAHIR'",
      );
      expect(rows).toHaveLength(1);
      const fee = await queryServiceDb(
        ['agency', FEE_AGENCY],
        "SELECT 1 FROM service_standards WHERE code = 'PUPR-PBG'",
      );
      expect(fee).toHaveLength(1);
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
    await oss.stop();
  });

  const call = (who: Principal, method: string, path: string, body?: unknown) =>
    callGateway<Answer>(gateway.url, auth.get(who)!, method, path, body);

  async function move(who: Principal, application: Application, body: Record<string, unknown>) {
    const moved = await call(
      who,
      'POST',
      `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/transitions`,
      body,
    );
    expect(moved.status).toBe(200);
    return moved.body;
  }

  async function upload(): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([aPdf(20_000)], { type: 'application/pdf' }), 'kk.pdf');
    const uploaded = await fetch(`${gateway.url}/v1/documents`, {
      method: 'POST',
      headers: { authorization: auth.get(siti)! },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    return ((await uploaded.json()) as { documentId: string }).documentId;
  }

  const intakeStatusOf = async (application: Application) =>
    (
      await queryServiceDb<{ status: string }>(
        ['intake'],
        'SELECT status FROM applications WHERE id = $1',
        [application.applicationId],
      )
    )[0]?.status;

  /**
   * An application opened for an OSS permit as the inbound half's job opens it: the permit's row
   * locked (OPENING) from before intake is asked until OPENED is committed, here held until the
   * agency has opened the case and told of it, so that the oss service hears of the case's first
   * move before it knows the application is OSS's (and must wait for the job).
   */
  async function applicationFromOss(
    serviceCode = 'DUKCAPIL-AKTA-LAHIR',
  ): Promise<{ application: Application; idIzin: string }> {
    const nib = `81${String(randomInt(10 ** 10)).padStart(11, '0')}`;
    const idIzin = `I-${Date.now()}${randomInt(1000)}`.slice(0, 25);
    await queryServiceDb(['oss'], `INSERT INTO oss_nibs (nib, oss_id, data) VALUES ($1, $2, $3)`, [
      nib,
      'P02-201912162112383010001',
      { data_checklist: [{ id_izin: idIzin, kd_izin: '033000000001', kd_daerah: '3201010000' }] },
    ]);
    await queryServiceDb(
      ['oss'],
      `INSERT INTO oss_permits (nib, id_izin, kd_izin, id_proyek, nama_izin, service_code, state)
       VALUES ($1, $2, '033000000001', 'R-202112141140213930001', 'Akta Kelahiran', $3,
               'OPENING')`,
      [nib, idIzin, serviceCode],
    );
    const env = testEnvironment();
    const job = new Client({
      connectionString: databaseUrl(env.DATABASE_URL, databaseName(env.DB_PREFIX, 'oss')),
    });
    await job.connect();
    try {
      await job.query('BEGIN');
      await job.query('SELECT 1 FROM oss_permits WHERE nib = $1 AND id_izin = $2 FOR UPDATE', [
        nib,
        idIzin,
      ]);
      const { status, body } = await call(
        siti,
        'POST',
        '/v1/applications',
        serviceCode === 'DUKCAPIL-AKTA-LAHIR'
          ? {
              serviceCode,
              form: BIRTH_FORM,
              documents: [{ requirement: 'KK', documentId: await upload() }],
            }
          : { serviceCode },
      );
      expect(status).toBe(201);
      const application = body as unknown as Application;
      // The agency told of the new case (intake followed it) while the job is still open.
      await eventually(async () => expect(await intakeStatusOf(application)).toBe('VERIFYING'));
      await job.query(
        `UPDATE oss_permits SET state = 'OPENED', application_id = $3, tracking_no = $4,
                opened_at = now()
          WHERE nib = $1 AND id_izin = $2`,
        [nib, idIzin, application.applicationId, application.trackingNo],
      );
      await job.query('COMMIT');
      return { application, idIzin };
    } finally {
      await job.end();
    }
  }

  /** Through a revision to issue, as officers and the applicant move it. */
  async function live(
    application: Application,
    before: (step: number) => Promise<void> = async () => {},
  ) {
    await before(1);
    await move(verifier, application, {
      action: 'REQUEST_REVISION',
      reason: 'Scan KK tidak terbaca.',
      requirements: ['KK'],
    });
    await eventually(async () => expect(await intakeStatusOf(application)).toBe('NEEDS_REVISION'));
    await before(2);
    const corrected = await call(
      siti,
      'POST',
      `/v1/applications/${application.trackingNo}/resubmit`,
      {
        documents: [{ requirement: 'KK', documentId: await upload() }],
      },
    );
    expect(corrected.status).toBe(200);
    await eventually(async () => expect(await intakeStatusOf(application)).toBe('VERIFYING'));
    await before(3);
    expect(await move(verifier, application, { action: 'COMPLETE_VERIFICATION' })).toMatchObject({
      status: 'IN_REVIEW',
    });
    expect(await move(approver, application, { action: 'APPROVE' })).toMatchObject({
      status: 'APPROVED',
    });
    expect(await move(approver, application, { action: 'ISSUE' })).toMatchObject({
      status: 'ISSUED',
    });
  }

  /** The bank's signed callback: the fee is paid (ADR 0022). */
  async function bankPays(payment: { code: string; amount: number }): Promise<void> {
    const raw = JSON.stringify({
      reference: `BANK-${payment.code}`,
      amount: payment.amount,
      paymentCode: payment.code,
      paidAt: new Date().toISOString(),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const paid = await fetch(`${gateway.url}/v1/agencies/${FEE_AGENCY}/payments/callback`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'payment-timestamp': String(timestamp),
        'payment-signature': signPaymentCallback(BANK_SECRET, timestamp, raw),
      },
      body: raw,
    });
    expect(paid.status).toBe(200);
  }

  /** What OSS acknowledged of a permit, in order: its status codes, then `license`. */
  const acknowledgedOf = (idIzin: string) =>
    oss
      .acknowledged()
      .map((c) => c.json as Record<string, Record<string, string>>)
      .filter((b) => (b.IZINSTATUS ?? b.IZINFINAL).id_izin === idIzin)
      .map((b) => (b.IZINSTATUS ? b.IZINSTATUS.kd_status : `license ${b.IZINFINAL.nomor_izin}`));

  const deliveriesOf = (applicationId: string) =>
    queryServiceDb<{ status: string; attempts: number; last_answer: string | null }>(
      ['oss'],
      `SELECT status, attempts, last_answer FROM webhook_deliveries
        WHERE ordering_key = $1 ORDER BY seq`,
      [applicationId],
    );

  it("reports a case's life to OSS in order, the permit last, every body as the PIA lists it", async () => {
    const { application, idIzin } = await applicationFromOss();
    await live(application);
    await eventually(() =>
      expect(acknowledgedOf(idIzin)).toEqual([
        ...LIFE,
        expect.stringMatching(/^license DUKCAPIL-\d{4}-\d+$/) as string,
      ]),
    );
    const calls = oss.calls.filter((c) => c.body.includes(idIzin));
    // Every call as the PIA has it: the user_key, the field list, the agency wall clock.
    expect(calls.every((c) => c.userKey === USER_KEY && c.problems.length === 0)).toBe(true);
    const revision = calls.find((c) => c.body.includes('"kd_status":"11"'))!.json;
    expect(revision).toMatchObject({
      IZINSTATUS: {
        id_izin: idIzin,
        kd_izin: '033000000001',
        kd_instansi: '001',
        oss_id: 'P02-201912162112383010001',
        id_proyek: 'R-202112141140213930001',
        keterangan: 'Scan KK tidak terbaca.',
        tgl_status: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) as string,
      },
    });
    const license = calls.find((c) => c.method === 'receiveLicense')!.json as {
      IZINFINAL: Record<string, string>;
    };
    expect(license.IZINFINAL).toMatchObject({
      status_izin: '50',
      kd_daerah: '3201010000',
      nomenklatur_nomor_izin: 'Akta Kelahiran',
      file_izin: `http://127.0.0.1:3000/v1/verify/${license.IZINFINAL.nomor_izin}`,
    });
    // Each sent once: OSS acknowledged it the first time.
    expect(calls).toHaveLength(LIFE.length + 1);
    const deliveries = await deliveriesOf(application.applicationId);
    expect(deliveries.map((d) => [d.status, d.attempts, d.last_answer])).toEqual(
      calls.map(() => ['delivered', 1, '200 Sukses']),
    );
  });

  it('sends every report once OSS is back from failing and hanging, in order, each acknowledged once', async () => {
    const { application, idIzin } = await applicationFromOss();
    // Its first report (09) is acknowledged before OSS goes down.
    await eventually(() => expect(acknowledgedOf(idIzin)).toEqual(['09']));
    const failed = () => oss.calls.filter((c) => c.body.includes(idIzin) && c.kode !== 200);
    // OSS fails each of three ways, in turn, each seen at least once before the next.
    await live(application, async (step) => {
      if (step === 1) oss.mode = { kind: 'http-error', status: 503 };
      if (step === 2) {
        await eventually(() => expect(failed().some((c) => c.httpStatus === 503)).toBe(true));
        oss.mode = { kind: 'pia-error', kode: 500 };
      }
      if (step === 3) {
        await eventually(() =>
          expect(failed().some((c) => c.httpStatus === 200 && c.kode === 500)).toBe(true),
        );
        // Past the 1 s timeout, and never answered: an OSS that took nothing.
        oss.mode = { kind: 'hang', ms: 3000, then: 'drop' };
      }
    });
    await eventually(() => expect(failed().some((c) => c.httpStatus === undefined)).toBe(true));
    expect(acknowledgedOf(idIzin)).toEqual(['09']);
    oss.mode = { kind: 'ok' };
    await eventually(
      () =>
        expect(acknowledgedOf(idIzin)).toEqual([
          ...LIFE,
          expect.stringMatching(/^license DUKCAPIL-/) as string,
        ]),
      60_000,
    );
    const deliveries = await deliveriesOf(application.applicationId);
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
    // The first report held up by the outage was tried again and again; OSS's replies are kept.
    const answers = await queryServiceDb<{ answer: string | null; error: string | null }>(
      ['oss'],
      `SELECT a.answer, a.error FROM webhook_attempts a
         JOIN webhook_deliveries d ON d.id = a.delivery_id
        WHERE d.ordering_key = $1 ORDER BY d.seq, a.attempt`,
      [application.applicationId],
    );
    expect(answers.map((a) => a.answer)).toEqual(
      expect.arrayContaining(['500 Proses Payload Data Di Sistem OSS Gagal', '200 Sukses']),
    );
    expect(answers.some((a) => a.error !== null && /timeout|abort/i.test(a.error))).toBe(true);
  });

  it('reports the fee: 30 with its billing while it is due, 31 once the bank confirmed it', async () => {
    const { application, idIzin } = await applicationFromOss('PUPR-PBG');
    const cases = `/v1/agencies/${FEE_AGENCY}/cases/${application.trackingNo}/transitions`;
    const verified = await call(puprVerifier, 'POST', cases, {
      action: 'COMPLETE_VERIFICATION',
      amount: 1_250_000,
    });
    expect(verified.body).toMatchObject({ status: 'AWAITING_PAYMENT' });
    const payment = verified.body.payment as { code: string; amount: number };
    await bankPays(payment);
    await eventually(async () => expect(await intakeStatusOf(application)).toBe('IN_REVIEW'));
    expect((await call(puprApprover, 'POST', cases, { action: 'APPROVE' })).status).toBe(200);
    expect((await call(puprApprover, 'POST', cases, { action: 'ISSUE' })).status).toBe(200);
    await eventually(() =>
      expect(acknowledgedOf(idIzin)).toEqual([
        '09',
        '10',
        '30',
        '31',
        '20',
        '50',
        expect.stringMatching(/^license PUPR-/) as string,
      ]),
    );
    const due = oss.acknowledged().find((c) => c.body.includes(idIzin) && c.body.includes('"30"'));
    expect(due!.json).toMatchObject({
      IZINSTATUS: {
        kd_status: '30',
        data_pnbp: { kd_billing: payment.code, nominal: String(payment.amount) },
      },
    });
  });

  it("closes the loop: OSS sends the PIA's NIB, the permit's case moves, OSS hears every step", async () => {
    // The PIA's receiveNIB example with what it leaves empty filled in: a NIB, its person
    // responsible by KTP, and one permit the demo map knows (PUPR's building permit).
    const nib = `81${String(randomInt(10 ** 10)).padStart(11, '0')}`;
    const idIzin = `I-LOOP-${randomInt(10 ** 9)}`;
    const body = piaNibExample();
    Object.assign(body.dataNIB, { nib, oss_id: 'P-202612010001' });
    Object.assign(body.dataNIB.penanggung_jwb[0], {
      jns_identitas_penanggung_jwb: '01',
      no_identitas_penanggung_jwb: '3201015506900003',
      nama_penanggung_jwb: 'Siti Rahmawati',
    });
    Object.assign(body.dataNIB.data_proyek[0], { id_proyek: 'R-1', kbli: '41011' });
    body.dataNIB.data_checklist = [
      {
        ...body.dataNIB.data_checklist[0],
        id_izin: idIzin,
        id_proyek: 'R-1',
        kd_izin: '032000000001',
      },
    ];
    const sent = await FakeOss.sendNib(
      `${gateway.url}/v1/oss/receiveNIB`,
      JSON.stringify(body),
      OSS_CREDENTIALS,
    );
    expect(sent).toEqual({
      status: 200,
      body: '{"responreceiveNIB":{"status":"1","keterangan":"Berhasil menyimpan data"}}',
    });
    const [permit] = await eventually(async () => {
      const rows = await queryServiceDb<{ state: string; tracking_no: string }>(
        ['oss'],
        'SELECT state, tracking_no FROM oss_permits WHERE nib = $1 AND id_izin = $2',
        [nib, idIzin],
      );
      expect(rows).toEqual([{ state: 'OPENED', tracking_no: expect.any(String) as string }]);
      return rows;
    }, 30_000);
    const cases = `/v1/agencies/${FEE_AGENCY}/cases/${permit.tracking_no}/transitions`;
    const intakeSays = (status: string) =>
      eventually(async () => {
        const [row] = await queryServiceDb<{ status: string }>(
          ['intake'],
          'SELECT status FROM applications WHERE tracking_no = $1',
          [permit.tracking_no],
        );
        expect(row?.status).toBe(status);
      });
    await intakeSays('VERIFYING');
    const moved = await call(puprVerifier, 'POST', cases, {
      action: 'COMPLETE_VERIFICATION',
      amount: 500_000,
    });
    expect(moved.body).toMatchObject({ status: 'AWAITING_PAYMENT' });
    await bankPays(moved.body.payment as { code: string; amount: number });
    await intakeSays('IN_REVIEW');
    expect((await call(puprApprover, 'POST', cases, { action: 'APPROVE' })).status).toBe(200);
    expect((await call(puprApprover, 'POST', cases, { action: 'ISSUE' })).status).toBe(200);
    await eventually(() =>
      expect(acknowledgedOf(idIzin)).toEqual([
        '09',
        '10',
        '30',
        '31',
        '20',
        '50',
        expect.stringMatching(/^license PUPR-/) as string,
      ]),
    );
    const first = oss.acknowledged().find((c) => c.body.includes(idIzin))!.json;
    expect(first).toMatchObject({
      IZINSTATUS: { nib, oss_id: 'P-202612010001', kd_izin: '032000000001' },
    });
  });

  it("shows a mall admin every report with every attempt and OSS's reply, a page at a time", async () => {
    const refused = await call(agencyAdmin, 'GET', '/v1/oss/deliveries');
    expect(refused.status).toBe(403);
    // The outage test's case: its first report after 09 was refused, then acknowledged.
    const seen: Array<Record<string, unknown>> = [];
    let cursor: string | undefined;
    do {
      const page = await call(
        mallAdmin,
        'GET',
        `/v1/oss/deliveries?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      const items = page.body.items as Array<Record<string, unknown>>;
      expect(items.length).toBeLessThanOrEqual(5);
      seen.push(...items);
      cursor = page.body.nextCursor as string | undefined;
    } while (cursor);
    // The four cases: 2 × (7 statuses and the permit), and twice a fee's 6 and its permit.
    expect(seen).toHaveLength(2 * (LIFE.length + 1) + 2 * 7);
    expect(seen.every((d) => d.status === 'delivered')).toBe(true);
    const retried = seen.find((d) => d.kdStatus === '11' && (d.attempts as unknown[]).length > 1)!;
    const attempts = retried.attempts as Array<Record<string, unknown>>;
    expect(attempts[0]).toMatchObject({ attempt: 1, httpStatus: 503 });
    expect(attempts.at(-1)).toMatchObject({ httpStatus: 200, answer: '200 Sukses' });
    expect(retried).toMatchObject({
      method: 'receiveLicenseStatus',
      trackingNo: expect.stringMatching(/^[0-9A-Z]{9}$/) as string,
      idIzin: expect.stringMatching(/^I-/) as string,
    });
    expect(seen.filter((d) => d.method === 'receiveLicense')).toHaveLength(4);
  });
});
