import type { ApiClient, ApiSchemas } from '@satupintu/api-client';
import { createApiClient } from '@satupintu/api-client';
import { ServiceStandardPublished, type ServiceStandardPublishedV1 } from '@satupintu/contracts';
import {
  ServiceProcess,
  TestTokenIssuer,
  aFrontDeskOfficer,
  anApplication,
  anOfficer,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

type Standard = ApiSchemas['ServiceStandardRequest'];

/**
 * The mall's catalog across real processes: an agency deployment owns its services' standards
 * and publishes them (PUT through the gateway, the event through its outbox); intake's catalog
 * follows them (newest version wins) and serves them to anyone, searchable and a page at a
 * time; a submission is checked against the standard of its service.
 */
describe('the catalog of service standards', () => {
  const env = testEnvironment();
  // An agency of its own, so no other suite of the run sees or changes its services.
  const AGENCY = `CAT${randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`;
  const [ALPHA, BETA, GAMMA] = ['ALPHA', 'BETA', 'GAMMA'].map((name) => `${AGENCY}-${name}`);
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  let admin: ApiClient;
  let frontDesk: ApiClient;
  let anyone: ApiClient;

  const standard = (names: Standard['names'], overrides: Partial<Standard> = {}): Standard => ({
    active: true,
    names,
    description: {
      id: `Layanan uji ${names.id}, diterbitkan dalam satu hari kerja.`,
      en: `Test service ${names.en}, issued within one working day.`,
    },
    categories: ['BUSINESS'],
    requirements: {
      fields: [
        {
          name: 'businessName',
          label: { id: 'Nama usaha', en: 'Business name' },
          type: 'text',
          required: true,
          maxLength: 100,
        },
        { name: 'kbli', label: { id: 'KBLI', en: 'KBLI' }, type: 'kbli', required: true },
        {
          name: 'capital',
          label: { id: 'Modal', en: 'Capital' },
          type: 'number',
          required: true,
          min: 0,
          max: 5_000_000_000,
        },
        {
          name: 'ownerNik',
          label: { id: 'NIK pemilik', en: "Owner's NIK" },
          type: 'nik',
          required: false,
        },
        {
          name: 'scale',
          label: { id: 'Skala', en: 'Scale' },
          type: 'enum',
          required: false,
          options: ['MIKRO', 'KECIL'],
        },
      ],
      documents: [
        {
          kind: 'KTP_ELEKTRONIK',
          label: { id: 'KTP-el', en: 'ID card' },
          allowedTypes: ['application/pdf', 'image/jpeg'],
          maxBytes: 2_097_152,
          mandatory: true,
        },
      ],
    },
    procedure: { steps: [{ id: 'Petugas memeriksa berkas.', en: 'An officer checks the file.' }] },
    timeLimit: { value: 1, unit: 'WORKING_DAYS' },
    fee: { amount: 0, assessed: false, legalBasis: 'PP No. 5 Tahun 2021' },
    output: { id: 'Izin', en: 'Permit' },
    channels: ['WEB', 'COUNTER'],
    complaintChannel: { id: 'Loket pengaduan', en: 'Complaints desk' },
    ...overrides,
  });

  const publish = (code: string, body: Standard, client = admin) =>
    client.PUT('/v1/agencies/{agencyCode}/services/{serviceCode}', {
      params: { path: { agencyCode: AGENCY, serviceCode: code } },
      body,
    });

  const list = async (query: Record<string, string | number>) => {
    const { data, response } = await anyone.GET('/v1/services', { params: { query } });
    expect(response.status).toBe(200);
    return data!;
  };
  const codes = async (query: Record<string, string | number>) =>
    (await list({ agency: AGENCY, ...query })).items.map((item) => item.code);

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('agency', { AGENCY_CODE: AGENCY }),
      ServiceProcess.start('gateway'),
    ]);
    gateway = services[2];
    admin = await issuer.apiClient(gateway.url, anOfficer(AGENCY, ['AGENCY_ADMIN']));
    frontDesk = await issuer.apiClient(gateway.url, aFrontDeskOfficer(AGENCY));
    // The catalog is public: no token at all.
    anyone = createApiClient(gateway.url);

    for (const [code, names, overrides] of [
      [ALPHA, { id: 'Izin Kedai Kopi', en: 'Coffee shop permit' }, {}],
      [
        BETA,
        { id: 'Surat Keterangan Sehat', en: 'Health certificate' },
        { categories: ['HEALTH'] },
      ],
      [GAMMA, { id: 'Izin Reklame Kopi', en: 'Coffee advertising permit' }, {}],
    ] as const) {
      const { data, response } = await publish(
        code,
        standard(names, overrides as Partial<Standard>),
      );
      expect(response.status).toBe(200);
      expect(data).toMatchObject({ code, agencyCode: AGENCY, version: 1 });
    }
    await eventually(async () => expect(await codes({})).toEqual([ALPHA, BETA, GAMMA]));
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer?.stop();
  });

  it('lists what an agency published, a page at a time, to anyone', async () => {
    const first = await list({ agency: AGENCY, limit: 2 });
    expect(first.items.map((item) => item.code)).toEqual([ALPHA, BETA]);
    expect(first.nextCursor).toBeDefined();
    const second = await list({ agency: AGENCY, limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.code)).toEqual([GAMMA]);
    expect(second.nextCursor).toBeUndefined();
    expect(first.items[0]).toEqual({
      code: ALPHA,
      agencyCode: AGENCY,
      names: { id: 'Izin Kedai Kopi', en: 'Coffee shop permit' },
      description: standard({ id: 'Izin Kedai Kopi', en: 'Coffee shop permit' }).description,
      categories: ['BUSINESS'],
      timeLimit: { value: 1, unit: 'WORKING_DAYS' },
      fee: { amount: 0, assessed: false, legalBasis: 'PP No. 5 Tahun 2021' },
      channels: ['WEB', 'COUNTER'],
      version: 1,
    });
  });

  it('finds services by words in either language, by category and by agency', async () => {
    expect(await codes({ q: 'kopi' })).toEqual([ALPHA, GAMMA]);
    expect(await codes({ q: 'COFFEE advertising' })).toEqual([GAMMA]);
    expect(await codes({ q: 'izin sehat' })).toEqual([]);
    expect(await codes({ q: '100%' })).toEqual([]);
    expect(await codes({ category: 'HEALTH' })).toEqual([BETA]);
    expect(await codes({ q: 'kopi', category: 'BUSINESS', limit: 1 })).toEqual([ALPHA]);
    // The demo catalog is there too, and this agency's services are not among another's.
    const dukcapil = (await list({ agency: 'DUKCAPIL', limit: 100 })).items.map((i) => i.code);
    expect(dukcapil).toEqual(expect.arrayContaining(['DUKCAPIL-KK', 'DUKCAPIL-AKTA-LAHIR']));
    expect(dukcapil).not.toContain(ALPHA);
  });

  it('answers one service with its whole standard, and 404 for an unknown code', async () => {
    const { data, response } = await anyone.GET('/v1/services/{serviceCode}', {
      params: { path: { serviceCode: BETA } },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({
      ...standard(
        { id: 'Surat Keterangan Sehat', en: 'Health certificate' },
        { categories: ['HEALTH'] },
      ),
      code: BETA,
      agencyCode: AGENCY,
      version: 1,
    });
    const unknown = await anyone.GET('/v1/services/{serviceCode}', {
      params: { path: { serviceCode: `${AGENCY}-NONE` } },
    });
    expect(unknown.response.status).toBe(404);
    expect(unknown.error).toMatchObject({ code: 'service_not_found', status: 404 });
  });

  it('replaces a standard with a newer version, and never with an older one', async () => {
    const renamed = standard({ id: 'Izin Kedai Teh', en: 'Tea shop permit' });
    const { data } = await publish(ALPHA, renamed);
    expect(data?.version).toBe(2);
    await eventually(async () => expect(await codes({ q: 'teh' })).toEqual([ALPHA]));
    expect(await codes({ q: 'kopi' })).toEqual([GAMMA]);

    // A stale copy of version 1 arriving late (a replay) changes nothing once handled.
    const stale: ServiceStandardPublishedV1 = {
      ...standard({ id: 'Izin Kedai Kopi', en: 'Coffee shop permit' }),
      code: ALPHA,
      agencyCode: AGENCY,
      version: 1,
      publishedAt: new Date().toISOString(),
    };
    const [eventId] = await publishEvents(
      env.NATS_URL,
      env.SP_NAMESPACE,
      ServiceStandardPublished,
      [stale],
    );
    await eventually(async () =>
      expect(
        await queryServiceDb(['intake'], 'SELECT 1 FROM inbox WHERE message_id = $1', [eventId]),
      ).toHaveLength(1),
    );
    const [row] = await queryServiceDb<{ version: number; name: string }>(
      ['intake'],
      'SELECT version, name FROM services WHERE code = $1',
      [ALPHA],
    );
    expect(row).toEqual({ version: 2, name: 'Izin Kedai Teh' });
  });

  it('lets only the agency admin (or a mall admin) publish, and only codes of the agency', async () => {
    const other = await issuer.apiClient(gateway.url, anOfficer('PUPR', ['AGENCY_ADMIN']));
    const foreign = await publish(ALPHA, standard({ id: 'x', en: 'x' }), other);
    expect(foreign.response.status).toBe(403);
    const verifier = await issuer.apiClient(gateway.url, anOfficer(AGENCY, ['VERIFIER']));
    expect((await publish(ALPHA, standard({ id: 'x', en: 'x' }), verifier)).response.status).toBe(
      403,
    );
    const wrongCode = await admin.PUT('/v1/agencies/{agencyCode}/services/{serviceCode}', {
      params: { path: { agencyCode: AGENCY, serviceCode: 'PUPR-PBG' } },
      body: standard({ id: 'x', en: 'x' }),
    });
    expect(wrongCode.response.status).toBe(422);
    expect(wrongCode.error?.errors).toEqual([
      expect.objectContaining({ field: 'code', code: 'service_code_not_of_agency' }),
    ]);
    const [row] = await queryServiceDb<{ version: number }>(
      ['agency', AGENCY],
      'SELECT version FROM service_standards WHERE code = $1',
      [ALPHA],
    );
    expect(row.version).toBe(2);
  });

  it("refuses form data that does not meet the service's standard, per field, writing nothing", async () => {
    const { response, error } = await frontDesk.POST('/v1/applications', {
      body: anApplication({
        serviceCode: GAMMA,
        form: {
          businessName: '',
          kbli: '5610',
          capital: -5,
          ownerNik: '3201014506900000',
          pet: 'kucing',
        },
      }),
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map(({ field, code }) => [field, code])).toEqual([
      ['form.businessName', 'required'],
      ['form.kbli', 'kbli_format'],
      ['form.capital', 'number_min'],
      ['form.ownerNik', 'nik_serial'],
      ['form.pet', 'unknown_field'],
    ]);
    const byPhone = await frontDesk.POST('/v1/applications', {
      body: anApplication({
        serviceCode: GAMMA,
        channel: 'CALL_CENTER',
        form: { businessName: 'Kopi Cibinong', kbli: '56303', capital: 1e7 },
      }),
    });
    expect(byPhone.response.status).toBe(422);
    expect(byPhone.error?.errors).toEqual([
      expect.objectContaining({ field: 'channel', code: 'channel_not_for_service' }),
    ]);
    expect(
      await queryServiceDb(['intake'], 'SELECT 1 FROM applications WHERE service_code = $1', [
        GAMMA,
      ]),
    ).toHaveLength(0);
  });

  it("has an agency started with DEMO_SEED publish its demo standards over intake's seed", async () => {
    const seeded = () =>
      queryServiceDb<{ version: number }>(
        ['intake'],
        "SELECT version FROM services WHERE agency_code = 'BPJSKES' ORDER BY code",
      );
    // Intake's own demo seed (version 0) makes the catalog usable before any agency is up.
    expect((await seeded()).length).toBeGreaterThan(0);
    const bpjs = await ServiceProcess.start('agency', {
      AGENCY_CODE: 'BPJSKES',
      DEMO_SEED: 'true',
    });
    services.push(bpjs);
    await eventually(async () => {
      const rows = await seeded();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.version === 1)).toBe(true);
    });
    const { data } = await anyone.GET('/v1/services/{serviceCode}', {
      params: { path: { serviceCode: 'BPJSKES-DAFTAR' } },
    });
    expect(data).toMatchObject({
      agencyCode: 'BPJSKES',
      version: 1,
      categories: ['HEALTH', 'BIRTH', 'FAMILY'],
    });
  });

  it('keeps valid form data with the application', async () => {
    const form = {
      businessName: 'Kopi Cibinong',
      kbli: '56303',
      capital: 10_000_000,
      scale: 'MIKRO',
    };
    const { data, response } = await frontDesk.POST('/v1/applications', {
      body: anApplication({ serviceCode: GAMMA, form }),
    });
    expect(response.status).toBe(201);
    const rows = await queryServiceDb<{ form: unknown }>(
      ['intake'],
      'SELECT form FROM applications WHERE tracking_no = $1',
      [data!.trackingNo],
    );
    expect(rows).toEqual([{ form }]);
  });
});
