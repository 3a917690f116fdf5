import type { ApiClient, ApiSchemas } from '@satupintu/api-client';
import { ServiceProcess, TestTokenIssuer, anApplicant, anOfficer } from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

type Problem = ApiSchemas['Problem'];

/**
 * The bundle routes over HTTP, gateway → intake as real processes: who may define, read,
 * submit and follow a bundle, and what the API answers (the orchestration itself is proven in
 * intake's own suite).
 */
describe('/v1/bundles', () => {
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
    siti = await issuer.apiClient(gateway.url, anApplicant());
    budi = await issuer.apiClient(gateway.url, anApplicant());
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  const define = (client: ApiClient, body = definition) =>
    client.PUT('/v1/bundles/{code}', { params: { path: { code } }, body });

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
        form: { childName: 'Ayu', weightKg: 3.1, bornInHospital: true },
        documents: [{ requirement: 'SURAT_KELAHIRAN', documentId: randomUUID() }],
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
