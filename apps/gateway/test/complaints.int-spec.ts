import { ApplicantProfileChanged, type Principal } from '@satupintu/contracts';
import {
  ServiceProcess,
  TestTokenIssuer,
  aPdf,
  anApplicant,
  anOfficer,
  callGateway,
  deleteNamespaceStreams,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

const PER_NUMBER = 4;

/**
 * Complaints through the gateway: an anonymous submission made safe to retry by its
 * Idempotency-Key (the replay gives the same follow secret back), followed by number and secret
 * with the number's own limit, a complaint about a real application routed to its agency, and
 * each route refusing who may not use it (the gateway early, surveys on the complaint's agency).
 */
describe('/v1/complaints', () => {
  const env = testEnvironment();
  const own = { SP_NAMESPACE: `${env.SP_NAMESPACE}gc`, DB_PREFIX: `${env.DB_PREFIX}_gc` };
  const running: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  const auth = new Map<Principal, string>();
  const nobody: Principal = { kind: 'anonymous', roles: [], scopes: [] };
  const siti = anApplicant();
  const budi = anApplicant();
  const mallAdmin = anOfficer('DPMPTSP', ['MALL_ADMIN']);
  const verifier = anOfficer('DUKCAPIL', ['VERIFIER']);
  const puprAdmin = anOfficer('PUPR', ['AGENCY_ADMIN']);

  const call = (who: Principal, method: string, path: string, body?: unknown) =>
    callGateway<Record<string, unknown>>(gateway.url, auth.get(who) ?? '', method, path, body);
  const submitAnonymously = (body: unknown, key: string) =>
    fetch(`${gateway.url}/v1/complaints`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': key,
        'accept-language': 'en',
      },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start({ natsUrl: env.NATS_URL, namespace: own.SP_NAMESPACE });
    for (const principal of [siti, budi, mallAdmin, verifier, puprAdmin])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    running.push(
      ...(await Promise.all([
        ServiceProcess.start('intake', { ...own, DEMO_SEED: 'true' }),
        ServiceProcess.start('surveys', own),
        ServiceProcess.start('gateway', {
          ...own,
          RATE_LIMIT_LOOKUP_PER_NUMBER: String(PER_NUMBER),
          RATE_LIMIT_WINDOW_SECONDS: '1000000',
        }),
      ])),
    );
    gateway = running[2];
    await publishEvents(env.NATS_URL, own.SP_NAMESPACE, ApplicantProfileChanged, [
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
  }, 120_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await issuer?.stop();
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  const body = {
    kind: 'PENGADUAN',
    subjectKind: 'SERVICE',
    serviceCode: 'DUKCAPIL-AKTA-LAHIR',
    text: 'Petugas loket meminta biaya tambahan.',
  };

  it('takes an anonymous complaint once per Idempotency-Key, and lets it be followed by number and secret', async () => {
    const key = randomUUID();
    const first = await submitAnonymously(body, key);
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as { complaintNo: string; followSecret: string };
    expect(receipt.complaintNo).toMatch(/^ADU[0-9A-HJKMNP-TV-Z]{9}$/);

    const replay = await submitAnonymously(body, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(receipt);
    expect((await submitAnonymously({ ...body, text: `${body.text} Lagi.` }, key)).status).toBe(
      422,
    );
    // The kept answer holds the secret sealed, not as it was given.
    const kept = await queryServiceDb<{ response: string }>(
      ['surveys'],
      'SELECT response::text AS response FROM idempotency_keys WHERE key = $1',
      [key],
      own.DB_PREFIX,
    );
    expect(kept).toHaveLength(1);
    expect(kept[0].response).toContain(receipt.complaintNo);
    expect(kept[0].response).not.toContain(receipt.followSecret);

    const typed =
      `${receipt.complaintNo.slice(0, 3)}-${receipt.complaintNo.slice(3, 7)}-${receipt.complaintNo.slice(7)}`.toLowerCase();
    const followed = await call(nobody, 'POST', '/v1/complaints/lookups', {
      complaintNo: typed,
      followSecret: receipt.followSecret,
    });
    expect(followed.status).toBe(200);
    expect(followed.headers.get('cache-control')).toBe('no-store');
    expect(followed.body).toMatchObject({
      complaintNo: receipt.complaintNo,
      status: 'SUBMITTED',
      agencyCode: 'DUKCAPIL',
      steps: [{ step: 'SUBMITTED' }],
    });
    const wrongSecret = `${receipt.followSecret.slice(0, 21)}${receipt.followSecret[21] === 'A' ? 'B' : 'A'}`;
    const wrong = await call(nobody, 'POST', '/v1/complaints/lookups', {
      complaintNo: receipt.complaintNo,
      followSecret: wrongSecret,
    });
    expect(wrong.status).toBe(404);
    const mistyped = `${receipt.complaintNo.slice(0, 11)}${receipt.complaintNo[11] === '0' ? '1' : '0'}`;
    expect(
      await call(nobody, 'POST', '/v1/complaints/lookups', {
        complaintNo: mistyped,
        followSecret: receipt.followSecret,
      }),
    ).toMatchObject({ status: 400, body: { code: 'invalid_complaint_number' } });
    // The number's own limit: two lookups so far, two more, then refused from anywhere.
    for (let i = 0; i < PER_NUMBER - 2; i++)
      expect(
        (
          await call(nobody, 'POST', '/v1/complaints/lookups', {
            complaintNo: receipt.complaintNo,
            followSecret: wrongSecret,
          })
        ).status,
      ).toBe(404);
    const limited = await call(nobody, 'POST', '/v1/complaints/lookups', {
      complaintNo: receipt.complaintNo,
      followSecret: receipt.followSecret,
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("routes a complaint about one step of a bundle to that step's agency", async () => {
    const form = new FormData();
    form.append('file', new Blob([aPdf(4000)], { type: 'application/pdf' }), 'scan.pdf');
    const upload = await fetch(`${gateway.url}/v1/documents`, {
      method: 'POST',
      headers: { authorization: auth.get(siti)! },
      body: form,
    });
    expect(upload.status).toBe(201);
    const { documentId } = (await upload.json()) as { documentId: string };
    const bundle = await call(siti, 'POST', '/v1/bundles/BIRTH-OF-A-CHILD/applications', {
      form: { childName: 'Ayu', birthWeightGrams: 3100, marriageRecorded: true },
      documents: [{ requirement: 'SURAT_KETERANGAN_LAHIR', documentId }],
    });
    expect(bundle.status).toBe(201);
    const steps = bundle.body.steps as {
      key: string;
      agencyCode: string;
      application?: { trackingNo: string };
    }[];
    const open = steps.find((step) => step.application)!;
    const complaint = await call(siti, 'POST', '/v1/complaints', {
      kind: 'PENGADUAN',
      subjectKind: 'BUNDLE_STEP',
      trackingNo: open.application!.trackingNo,
      text: 'Langkah ini tidak bergerak sejak diajukan.',
    });
    expect(complaint).toMatchObject({ status: 201, body: { agencyCode: open.agencyCode } });
    const [row] = await queryServiceDb<{ bundle_case_id: string; step_key: string }>(
      ['surveys'],
      'SELECT bundle_case_id, step_key FROM complaints WHERE complaint_no = $1',
      [complaint.body.complaintNo],
      own.DB_PREFIX,
    );
    expect(row).toEqual({ bundle_case_id: bundle.body.bundleCaseId, step_key: open.key });
  });

  it('routes a complaint about an application to its agency, and lets each party do only its part', async () => {
    const applied = await eventually(async () => {
      const answer = await call(siti, 'POST', '/v1/applications', { serviceCode: 'DUKCAPIL-KK' });
      expect(answer.status).toBe(201);
      return answer.body.trackingNo as string;
    });
    const submitted = await call(siti, 'POST', '/v1/complaints', {
      kind: 'PERMINTAAN_INFORMASI',
      subjectKind: 'APPLICATION',
      trackingNo: `${applied.slice(0, 4)}-${applied.slice(4, 8)}-${applied.slice(8)}`.toLowerCase(),
      text: 'Sudah dua minggu belum ada kabar.',
    });
    expect(submitted).toMatchObject({ status: 201, body: { agencyCode: 'DUKCAPIL' } });
    const no = submitted.body.complaintNo as string;
    const path = `/v1/complaints/${no}`;

    expect((await call(siti, 'GET', path)).body).toMatchObject({
      subjectKind: 'APPLICATION',
      trackingNo: applied,
      serviceCode: 'DUKCAPIL-KK',
    });
    expect((await call(budi, 'GET', path)).status).toBe(404);
    expect((await call(nobody, 'GET', path)).status).toBe(401);
    const note = { text: 'Diteruskan.' };
    // The gateway refuses early who may never route or answer; surveys checks the agency.
    expect((await call(verifier, 'POST', `${path}/route`, note)).status).toBe(403);
    expect((await call(mallAdmin, 'POST', `${path}/route`, note)).body).toMatchObject({
      status: 'ROUTED',
    });
    expect((await call(mallAdmin, 'POST', `${path}/answer`, note)).status).toBe(403);
    expect((await call(puprAdmin, 'POST', `${path}/answer`, note)).status).toBe(404);
    expect((await call(verifier, 'POST', `${path}/answer`, note)).body).toMatchObject({
      status: 'ANSWERED',
      disputable: true,
    });
    expect((await call(budi, 'POST', `${path}/dispute`, note)).status).toBe(404);
    expect((await call(siti, 'POST', `${path}/dispute`, note)).body).toMatchObject({
      status: 'REOPENED',
    });

    expect((await call(verifier, 'GET', '/v1/complaints?agencyCode=DUKCAPIL&limit=5')).status).toBe(
      200,
    );
    expect((await call(siti, 'GET', '/v1/complaints')).status).toBe(403);
    expect((await call(puprAdmin, 'GET', '/v1/complaints?agencyCode=DUKCAPIL')).status).toBe(403);
    expect((await call(mallAdmin, 'GET', '/v1/complaint-escalations')).body).toEqual({
      items: [],
    });
    expect((await call(verifier, 'GET', '/v1/complaint-escalations')).status).toBe(403);
    expect(
      (
        await call(
          puprAdmin,
          'GET',
          '/v1/dashboards/complaints?from=2026-01-01&to=2027-01-01&agencyCode=DUKCAPIL',
        )
      ).status,
    ).toBe(403);
    expect(
      (await call(mallAdmin, 'GET', '/v1/dashboards/complaints?from=2027-01-01&to=2026-01-01'))
        .body,
    ).toMatchObject({ status: 400, errors: [{ field: 'to', code: 'invalid_range' }] });
    const figures = await call(
      mallAdmin,
      'GET',
      '/v1/dashboards/complaints?from=2026-01-01&to=2027-01-01',
    );
    expect(figures.body.agencies).toEqual([
      {
        agencyCode: 'DUKCAPIL',
        received: 3,
        routedOnTime: 1,
        answeredOnTime: 1,
        escalated: 0,
        medianAnswerWorkingDays: 0,
      },
    ]);
  });
});
