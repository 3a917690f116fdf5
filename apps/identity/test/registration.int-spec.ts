import { type ApiSchemas, createApiClient } from '@satupintu/api-client';
import { PROFILE_STREAM } from '@satupintu/contracts';
import {
  ServiceProcess,
  aCitizen,
  eventually,
  queryServiceDb,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';

type Registration = ApiSchemas['RegisterApplicantRequest'];

/**
 * A citizen registers through the gateway: the NIK is checked as intake checks it, and a
 * refusal names the part that is wrong, in Indonesian or English; one NIK opens one account;
 * the password policy holds; the new profile reaches the PROFILE stream.
 */
describe('POST /v1/applicants', () => {
  const env = testEnvironment();
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;

  beforeAll(async () => {
    services = await Promise.all([
      ServiceProcess.start('identity'),
      ServiceProcess.start('gateway'),
    ]);
    gateway = services[1];
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
  });

  /** A citizen no other test has, with a sound NIK, birth date, sex and phone. */
  const citizen = (overrides: Partial<Registration> = {}): Registration => ({
    ...aCitizen(),
    name: 'Siti Rahayu',
    password: 'kopi tubruk di pagi hari',
    ...overrides,
  });

  const register = (body: Registration, language?: string) =>
    createApiClient(gateway.url).POST('/v1/applicants', {
      body,
      params: { header: language ? { 'Accept-Language': language } : {} },
    });

  it.each([
    ['the wrong length', '320101450690001', 400, 'nik_format', 'NIK harus 16 digit', '16 digits'],
    [
      'an unknown region',
      '9901014506900001',
      422,
      'nik_region',
      'kode wilayah pada NIK',
      'region code in the NIK',
    ],
    [
      'an impossible date',
      '3201017306900001',
      422,
      'nik_birth_date',
      'tanggal lahir pada NIK',
      'birth date in the NIK',
    ],
    ['serial 0000', '3201014506900000', 422, 'nik_serial', 'nomor urut NIK', 'NIK serial'],
  ])(
    'refuses a NIK with %s, naming the wrong part in Indonesian and in English',
    async (_, nik, status, code, indonesian, english) => {
      const id = await register(citizen({ nik }));
      expect(id.response.status).toBe(status);
      expect(id.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(id.error?.errors).toEqual([
        { field: 'nik', code, message: expect.stringContaining(indonesian) as string },
      ]);
      const en = await register(citizen({ nik }), 'en');
      expect(en.response.status).toBe(status);
      expect(en.error?.errors).toEqual([
        { field: 'nik', code, message: expect.stringContaining(english) as string },
      ]);
      // The NIK is not echoed back whole.
      expect(JSON.stringify(en.error)).not.toContain(nik);
    },
  );

  it('refuses a NIK that disagrees with the stated birth date or sex', async () => {
    const someone = citizen();
    const year = Number(someone.birthDate.slice(0, 4));
    const date = await register(
      { ...someone, birthDate: `${year + 1}${someone.birthDate.slice(4)}` },
      'en',
    );
    expect(date.error?.errors?.map((e) => e.code)).toEqual(['nik_birth_date_mismatch']);
    const sex = await register({ ...someone, sex: someone.sex === 'F' ? 'M' : 'F' }, 'en');
    expect(sex.error?.errors?.map((e) => e.code)).toEqual(['nik_gender_mismatch']);
  });

  it('refuses weak passwords by the policy', async () => {
    for (const [password, code] of [
      ['pendek', 'password_too_short'],
      ['password123', 'password_common'],
      ['siti-rahayu-1990', 'password_personal'],
    ]) {
      const { response, error } = await register(citizen({ password }), 'en');
      expect(response.status).toBe(422);
      expect(error?.errors?.map((e) => [e.field, e.code])).toEqual([['password', code]]);
    }
  });

  it('needs a phone or an e-mail', async () => {
    const { response, error } = await register(citizen({ phone: undefined }));
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => [e.field, e.code])).toEqual([['phone', 'contact_required']]);
  });

  it('registers a NIK once: a second time is a 409 that names nothing', async () => {
    const first = citizen();
    const { response, data } = await register(first);
    expect(response.status).toBe(201);
    expect(data?.verificationsSent).toEqual(['PHONE']);
    const again = await register({ ...first, phone: aCitizen().phone }, 'en');
    expect(again.response.status).toBe(409);
    expect(again.error?.code).toBe('account_exists');
    const problem = JSON.stringify(again.error);
    expect(problem).not.toContain(first.nik);
    expect(problem).not.toMatch(/nik|phone|e-mail/i);
    // Nor does a phone that is taken tell whose.
    const phoneTaken = await register(citizen({ phone: first.phone }), 'en');
    expect([phoneTaken.response.status, phoneTaken.error?.code]).toEqual([409, 'account_exists']);
    const rows = await queryServiceDb<{ count: number }>(
      ['identity'],
      'SELECT count(*)::int AS count FROM applicants WHERE nik = $1',
      [first.nik],
    );
    expect(rows[0]?.count).toBe(1);
  });

  it('keeps only hashes of the password and the one-time code', async () => {
    const body = citizen({ email: 'Dewi.Lestari@Example.id' });
    const { data } = await register(body);
    const [row] = await queryServiceDb<{ password_hash: string; email: string; codes: string[] }>(
      ['identity'],
      `SELECT a.password_hash, a.email,
              array(SELECT code_hash FROM verification_codes WHERE applicant_id = a.id) AS codes
         FROM applicants a WHERE a.id = $1`,
      [data?.applicantId],
    );
    expect(row?.email).toBe('dewi.lestari@example.id');
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(row?.password_hash).not.toContain(body.password);
    expect(row?.codes).toHaveLength(2);
    for (const hash of row?.codes ?? []) expect(hash).toMatch(/^\$argon2id\$/);
  });

  it("publishes the new applicant's profile on the PROFILE stream", async () => {
    const body = citizen({ name: 'Rina Marlina' });
    const { data } = await register(body);
    const applicantId = data?.applicantId ?? '';
    const message = await eventually(async () => {
      const messages = await readStreams(
        env.NATS_URL,
        `${env.SP_NAMESPACE.toUpperCase()}_${PROFILE_STREAM.name}`,
      );
      const found = messages.find((m) =>
        m.subject.endsWith(`.profile.applicant.changed.v1.${applicantId}`),
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(JSON.parse(message.data)).toMatchObject({
      applicantId,
      version: 1,
      nik: body.nik,
      name: 'Rina Marlina',
      birthDate: body.birthDate,
      sex: body.sex,
      phone: body.phone,
    });
    expect(message.data).not.toContain('password');
  });

  it("answers an anonymous caller of a citizen's own routes 401 problem+json, from identity", async () => {
    const api = createApiClient(gateway.url);
    const me = await api.GET('/v1/applicants/me', {
      params: { header: { 'Accept-Language': 'en' } },
    });
    expect(me.response.status).toBe(401);
    expect(me.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(me.response.headers.get('cache-control')).toBe('no-store');
    expect(me.error?.code).toBe('unauthenticated');
    const businesses = await api.GET('/v1/businesses');
    expect([businesses.response.status, businesses.error?.code]).toEqual([401, 'unauthenticated']);
  });
});
