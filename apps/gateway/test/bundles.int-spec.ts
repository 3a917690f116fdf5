import type { ApiClient, ApiSchemas } from '@satupintu/api-client';
import { ApplicationStatusChanged, type Principal } from '@satupintu/contracts';
import {
  ServiceProcess,
  TestTokenIssuer,
  aPdf,
  anApplicant,
  anOfficer,
  eventually,
  publishEvents,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

type Problem = ApiSchemas['Problem'];

/**
 * The bundle routes over HTTP, gateway → intake as real processes: who may define, read,
 * submit and follow a bundle, and what the API answers (the orchestration itself is proven in
 * intake's own suite).
 */
describe('/v1/bundles', () => {
  const env = testEnvironment();
  const sitiHerself = anApplicant();
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  let mallAdmin: ApiClient;
  let siti: ApiClient;
  let budi: ApiClient;
  const code = `TEST-HTTP-${randomUUID().slice(0, 6).toUpperCase()}`;

  const definition: ApiSchemas['DefineBundleRequest'] = {
    nameId: 'Kelahiran anak',
    nameEn: 'Birth of a child',
    steps: [
      {
        key: 'kk',
        serviceCode: 'DUKCAPIL-KK',
        dependsOn: ['akta'],
        inputs: [{ fromStep: 'akta', asRequirement: 'AKTA_KELAHIRAN' }],
      },
      { key: 'akta', serviceCode: 'DUKCAPIL-AKTA-LAHIR', dependsOn: [], inputs: [] },
    ],
  };

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
    ]);
    gateway = services[1];
    mallAdmin = await issuer.apiClient(gateway.url, anOfficer('DPMPTSP', ['MALL_ADMIN']));
    siti = await issuer.apiClient(gateway.url, sitiHerself);
    budi = await issuer.apiClient(gateway.url, anApplicant());
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  const define = (client: ApiClient, body = definition, bundleCode = code) =>
    client.PUT('/v1/bundles/{code}', { params: { path: { code: bundleCode } }, body });

  const auth = (principal: Principal) =>
    issuer.authorization(principal, { expiresInSeconds: 3600 });

  /** Uploads a small PDF as the principal; answers its document id. */
  async function uploaded(principal: Principal): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([aPdf(4000)], { type: 'application/pdf' }), 'scan.pdf');
    const response = await fetch(`${gateway.url}/v1/documents`, {
      method: 'POST',
      headers: await auth(principal),
      body: form,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { documentId: string }).documentId;
  }

  const downloadStatus = async (principal: Principal, documentId: string) =>
    (await fetch(`${gateway.url}/v1/documents/${documentId}`, { headers: await auth(principal) }))
      .status;

  it('lets a mall admin define a bundle, and anyone read it, steps in dependency order', async () => {
    const { data, response } = await define(mallAdmin);
    expect(response.status).toBe(200);
    expect(data?.steps.map((step) => [step.key, step.agencyCode])).toEqual([
      ['akta', 'DUKCAPIL'],
      ['kk', 'DUKCAPIL'],
    ]);

    const anonymous = await fetch(`${gateway.url}/v1/bundles/${code}`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual(data);
    const list = await fetch(`${gateway.url}/v1/bundles?limit=100`);
    expect(((await list.json()) as { items: { code: string }[] }).items.map((b) => b.code)).toEqual(
      expect.arrayContaining([code, 'BIRTH-OF-A-CHILD']),
    );
  });

  it('refuses a definition from anyone but a mall admin', async () => {
    const { response } = await define(siti);
    expect(response.status).toBe(403);
    const agencyAdmin = await issuer.apiClient(gateway.url, anOfficer('PUPR', ['AGENCY_ADMIN']));
    expect((await define(agencyAdmin)).response.status).toBe(403);
  });

  it('answers a cycle with 422 problem+json naming the fields', async () => {
    const { error, response } = await define(mallAdmin, {
      ...definition,
      steps: [
        { key: 'a', serviceCode: 'DUKCAPIL-KK', dependsOn: ['b'], inputs: [] },
        { key: 'b', serviceCode: 'DUKCAPIL-AKTA-LAHIR', dependsOn: ['a'], inputs: [] },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((error as Problem).errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
      'steps.0.dependsOn:dependency_cycle',
      'steps.1.dependsOn:dependency_cycle',
    ]);
  });

  it('takes one submission, answers the case with its Location, and shows it only to its applicant', async () => {
    await define(mallAdmin);
    const { data, response } = await siti.POST('/v1/bundles/{code}/applications', {
      params: { path: { code } },
      body: {
        form: { childName: 'Ayu', birthWeightGrams: 3100, marriageRecorded: true },
        documents: [
          { requirement: 'SURAT_KETERANGAN_LAHIR', documentId: await uploaded(sitiHerself) },
        ],
      },
    });
    expect(response.status).toBe(201);
    if (!data) throw new Error('not accepted');
    expect(data.steps.map((step) => [step.key, step.status])).toEqual([
      ['akta', 'OPEN'],
      ['kk', 'WAITING'],
    ]);
    expect(response.headers.get('location')).toBe(`/v1/bundles/applications/${data.trackingNo}`);

    // As a person types it: lower case, with hyphens.
    const typed = `${data.trackingNo.slice(0, 4)}-${data.trackingNo.slice(4)}`.toLowerCase();
    const mine = await siti.GET('/v1/bundles/applications/{trackingNo}', {
      params: { path: { trackingNo: typed } },
    });
    expect(mine.data).toEqual(data);
    const theirs = await budi.GET('/v1/bundles/applications/{trackingNo}', {
      params: { path: { trackingNo: data.trackingNo } },
    });
    expect(theirs.response.status).toBe(404);
  });

  it("shows a bundle's document to the officers of each step's agency once the step is open, to no other agency", async () => {
    // Birth certificate at Dukcapil, then BPJS enrolment: two agencies, one after the other.
    const twoAgencies = `${code}-B`;
    const defined = await define(
      mallAdmin,
      {
        nameId: 'Akta lalu BPJS',
        nameEn: 'Certificate, then BPJS',
        steps: [
          { key: 'akta', serviceCode: 'DUKCAPIL-AKTA-LAHIR', dependsOn: [], inputs: [] },
          { key: 'bpjs', serviceCode: 'BPJSKES-DAFTAR', dependsOn: ['akta'], inputs: [] },
        ],
      },
      twoAgencies,
    );
    expect(defined.response.status).toBe(200);
    const notice = await uploaded(sitiHerself);
    const { data } = await siti.POST('/v1/bundles/{code}/applications', {
      params: { path: { code: twoAgencies } },
      body: {
        form: {},
        documents: [{ requirement: 'SURAT_KETERANGAN_LAHIR', documentId: notice }],
      },
    });
    if (!data) throw new Error('not accepted');

    const dukcapil = anOfficer('DUKCAPIL', ['VERIFIER']);
    const bpjs = anOfficer('BPJSKES', ['VERIFIER']);
    const pupr = anOfficer('PUPR', ['VERIFIER']);
    expect(await downloadStatus(sitiHerself, notice)).toBe(200);
    expect(await downloadStatus(dukcapil, notice)).toBe(200);
    // BPJS's step waits for the certificate; PUPR is in no step of the bundle.
    expect(await downloadStatus(bpjs, notice)).toBe(404);
    expect(await downloadStatus(pupr, notice)).toBe(404);
    expect(await downloadStatus(anApplicant(), notice)).toBe(404);

    const akta = data.steps.find((step) => step.key === 'akta')!.application!;
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicationStatusChanged, [
      {
        applicationId: akta.applicationId,
        trackingNo: akta.trackingNo,
        agencyCode: 'DUKCAPIL',
        agencyTimeZone: 'Asia/Jakarta',
        from: 'APPROVED',
        to: 'ISSUED',
        changedAt: new Date().toISOString(),
        output: { number: '3201-LT-23112026-0042' },
      },
    ]);
    await eventually(async () => {
      const now = await siti.GET('/v1/bundles/applications/{trackingNo}', {
        params: { path: { trackingNo: data.trackingNo } },
      });
      expect(now.data?.steps.find((step) => step.key === 'bpjs')?.status).toBe('OPEN');
    });
    expect(await downloadStatus(bpjs, notice)).toBe(200);
    expect(await downloadStatus(pupr, notice)).toBe(404);
  });

  it('refuses documents the bundle cannot take, attaching none', async () => {
    const mine = await uploaded(sitiHerself);
    const theirs = await uploaded(anApplicant());
    const refused = await siti.POST('/v1/bundles/{code}/applications', {
      params: { path: { code } },
      body: {
        form: {},
        documents: [
          { requirement: 'NPWP', documentId: mine },
          { requirement: 'KK', documentId: theirs },
        ],
      },
    });
    expect(refused.response.status).toBe(422);
    expect((refused.error as Problem).errors).toEqual([
      expect.objectContaining({ field: 'documents[1].documentId', code: 'document_not_found' }),
      expect.objectContaining({ field: 'documents[0].requirement', code: 'unknown_requirement' }),
    ]);
    // Still free: it can be given to a submission that takes it.
    const accepted = await siti.POST('/v1/bundles/{code}/applications', {
      params: { path: { code } },
      body: { form: {}, documents: [{ requirement: 'KK', documentId: mine }] },
    });
    expect(accepted.response.status).toBe(201);
  });

  it('refuses a nested form value, an unknown field, and an unknown bundle', async () => {
    const post = (path: string, body: unknown) =>
      siti.POST('/v1/bundles/{code}/applications', {
        params: { path: { code: path } },
        body: body as ApiSchemas['SubmitBundleRequest'],
      });
    const nested = await post(code, { form: { child: { name: 'Ayu' } }, documents: [] });
    expect(nested.response.status).toBe(422);
    expect((nested.error as Problem).errors).toEqual([
      expect.objectContaining({ field: 'form.child', code: 'form_value' }),
    ]);
    const unknownField = await post(code, { form: {}, documents: [], priority: 'high' });
    expect(unknownField.response.status).toBe(400);
    const unknownBundle = await post('NO-SUCH-BUNDLE', { form: {}, documents: [] });
    expect(unknownBundle.response.status).toBe(422);
    expect((unknownBundle.error as Problem).errors).toEqual([
      expect.objectContaining({ field: 'bundleCode', code: 'unknown_bundle' }),
    ]);
  });
});
