import { CreateOfficer, type Principal } from '@satupintu/contracts';
import { fingerprintOf } from '@satupintu/messaging';
import {
  ServiceProcess,
  TestTokenIssuer,
  aCitizen,
  aFrontDeskOfficer,
  aPdf,
  anApplication,
  clientCredentialsToken,
  deleteNamespaceStreams,
  eventually,
  passwordToken,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { createHash, randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '../../identity/src/demo/demo-accounts';

/** A receipt or a problem document: the tests tell them apart by the status. */
type Answer = { trackingNo?: string; code?: string } & Record<string, unknown>;

/**
 * A creating POST under a key (with no body when `body` is undefined): its status, whether it
 * was a replay, and its answer.
 */
async function postWithKey(
  url: string,
  authorization: string,
  key: string,
  body: unknown,
): Promise<{ status: number; replayed: string | null; body: Answer }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization,
      'idempotency-key': key,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    body: (await response.json()) as Answer,
  };
}

/**
 * `Idempotency-Key` on POST /v1/applications (ADR 0017), across the real gateway and intake over
 * NATS and PostgreSQL: what intake keeps under a key, counted in its own database.
 */
describe('Idempotency-Key on POST /v1/applications', () => {
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
    ]);
    gateway = services[1];
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  /** A front-desk officer of their own, so the applications each test counts are its own. */
  async function aCaller(): Promise<{ principal: Principal; authorization: string }> {
    const principal = aFrontDeskOfficer();
    const { authorization } = await issuer.authorization(principal, { expiresInSeconds: 3600 });
    return { principal, authorization };
  }

  const submit = (caller: { authorization: string }, key: string, body: unknown) =>
    postWithKey(`${gateway.url}/v1/applications`, caller.authorization, key, body);

  const applicationsOf = async (caller: { principal: Principal }) =>
    (
      await queryServiceDb<{ n: number }>(
        ['intake'],
        'SELECT count(*)::int AS n FROM applications WHERE submitted_by_subject = $1',
        [caller.principal.subject],
      )
    )[0].n;

  it('answers a replay with the first answer, marked, and creates nothing new', async () => {
    const caller = await aCaller();
    const key = randomUUID();
    const body = anApplication();
    const first = await submit(caller, key, body);
    expect(first.status).toBe(201);
    expect(first.replayed).toBeNull();

    const again = await submit(caller, key, body);
    expect(again.status).toBe(201);
    expect(again.replayed).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await applicationsOf(caller)).toBe(1);
  });

  it('answers the same for the same body with its fields in another order', async () => {
    const caller = await aCaller();
    const key = randomUUID();
    const body = anApplication();
    const first = await submit(caller, key, body);
    const reordered = {
      applicant: {
        consent: { reference: body.applicant.consent?.reference, method: 'SIGNED_FORM' },
        birthDate: body.applicant.birthDate,
        name: body.applicant.name,
        nik: body.applicant.nik,
      },
      serviceCode: body.serviceCode,
    };
    const again = await submit(caller, key, reordered);
    expect([again.status, again.replayed]).toEqual([201, 'true']);
    expect(again.body.trackingNo).toBe(first.body.trackingNo);
    expect(await applicationsOf(caller)).toBe(1);
  });

  it('refuses the same key with another body (422), creating nothing', async () => {
    const caller = await aCaller();
    const key = randomUUID();
    expect((await submit(caller, key, anApplication())).status).toBe(201);
    const other = await submit(caller, key, anApplication());
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused', status: 422 });
    expect(other.replayed).toBeNull();
    expect(await applicationsOf(caller)).toBe(1);
  });

  it('creates one application for concurrent requests with one key', async () => {
    const caller = await aCaller();
    const key = randomUUID();
    const body = anApplication();
    const answers = await Promise.all(Array.from({ length: 6 }, () => submit(caller, key, body)));
    expect(await applicationsOf(caller)).toBe(1);
    const created = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status !== 201);
    // One created it; each other one either waited for it (a replay) or found it at work (409).
    expect(created.filter((answer) => answer.replayed === null)).toHaveLength(1);
    expect(new Set(created.map((answer) => answer.body.trackingNo)).size).toBe(1);
    for (const answer of refused) {
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ code: 'idempotency_key_in_flight' });
    }
    // Once the first has answered, a retry receives its answer.
    const retry = await submit(caller, key, body);
    expect([retry.status, retry.replayed]).toEqual([201, 'true']);
    expect(retry.body.trackingNo).toBe(created[0].body.trackingNo);
  });

  it('replays a submission with documents, attached once in its transaction', async () => {
    const caller = await aCaller();
    const form = new FormData();
    form.append('file', new Blob([aPdf(20_000)], { type: 'application/pdf' }), 'ktp.pdf');
    const uploaded = await fetch(`${gateway.url}/v1/documents`, {
      method: 'POST',
      headers: { authorization: caller.authorization },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const { documentId } = (await uploaded.json()) as { documentId: string };
    const key = randomUUID();
    const body = { ...anApplication(), documents: [{ requirement: 'F1_02', documentId }] };

    const first = await submit(caller, key, body);
    expect([first.status, first.replayed]).toEqual([201, null]);
    const again = await submit(caller, key, body);
    expect([again.status, again.replayed]).toEqual([201, 'true']);
    expect(again.body).toEqual(first.body);
    expect(await applicationsOf(caller)).toBe(1);
    const attached = await queryServiceDb<{ application_id: string }>(
      ['intake'],
      'SELECT application_id FROM documents WHERE id = $1',
      [documentId],
    );
    expect(attached).toEqual([{ application_id: first.body.applicationId }]);
  });

  it('keeps one caller’s keys apart from another’s', async () => {
    const [one, two] = [await aCaller(), await aCaller()];
    const key = randomUUID();
    const body = anApplication();
    const first = await submit(one, key, body);
    const second = await submit(two, key, body);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.replayed).toBeNull();
    expect(second.body.trackingNo).not.toBe(first.body.trackingNo);
    expect([await applicationsOf(one), await applicationsOf(two)]).toEqual([1, 1]);
  });

  it('lets a refused request’s key be used again by the corrected request', async () => {
    const caller = await aCaller();
    const key = randomUUID();
    const refused = await submit(caller, key, anApplication({ serviceCode: 'NO-SUCH-SERVICE' }));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'unprocessable' });

    const corrected = await submit(caller, key, anApplication());
    expect([corrected.status, corrected.replayed]).toEqual([201, null]);
    expect(await applicationsOf(caller)).toBe(1);
  });

  describe('a key left in flight', () => {
    /**
     * Plays an attempt that took the key and has not finished (or died): the marker it left,
     * with the fingerprint of `body` as another caller's completed key recorded it.
     */
    async function leaveInFlight(
      caller: { principal: Principal },
      key: string,
      body: unknown,
      claimedSecondsAgo: number,
    ): Promise<void> {
      const donor = await aCaller();
      const donorKey = randomUUID();
      expect((await submit(donor, donorKey, body)).status).toBe(201);
      await queryServiceDb(
        ['intake'],
        `INSERT INTO idempotency_keys
                (caller, operation, key, fingerprint, status, attempt, claimed_at, expires_at)
         SELECT $1, operation, $2, fingerprint, 'in_flight', gen_random_uuid(),
                now() - make_interval(secs => $3), now() + interval '1 day'
           FROM idempotency_keys WHERE caller = $4 AND key = $5`,
        [
          `officer:${caller.principal.subject}`,
          key,
          claimedSecondsAgo,
          `officer:${donor.principal.subject}`,
          donorKey,
        ],
      );
    }

    it('answers 409 while the first attempt may still be at work', async () => {
      const caller = await aCaller();
      const key = randomUUID();
      const body = anApplication();
      await leaveInFlight(caller, key, body, 0);
      const retry = await submit(caller, key, body);
      expect(retry.status).toBe(409);
      expect(retry.body).toMatchObject({ code: 'idempotency_key_in_flight', status: 409 });
      expect(await applicationsOf(caller)).toBe(0);
    });

    it('is taken over once stale (its attempt died), and the retry creates', async () => {
      const caller = await aCaller();
      const key = randomUUID();
      const body = anApplication();
      await leaveInFlight(caller, key, body, 120);
      const retry = await submit(caller, key, body);
      expect([retry.status, retry.replayed]).toEqual([201, null]);
      expect(await applicationsOf(caller)).toBe(1);
    });

    it('refuses another body even when stale', async () => {
      const caller = await aCaller();
      const key = randomUUID();
      await leaveInFlight(caller, key, anApplication(), 120);
      const other = await submit(caller, key, anApplication());
      expect(other.status).toBe(422);
      expect(await applicationsOf(caller)).toBe(0);
    });
  });

  it('forgets a key once expired: it may then create again', async () => {
    const caller = await aCaller();
    const key = randomUUID();
    expect((await submit(caller, key, anApplication())).status).toBe(201);
    await queryServiceDb(
      ['intake'],
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second'
        WHERE caller = $1 AND key = $2`,
      [`officer:${caller.principal.subject}`, key],
    );
    const later = await submit(caller, key, anApplication());
    expect([later.status, later.replayed]).toEqual([201, null]);
    expect(await applicationsOf(caller)).toBe(2);
  });

  it('takes no key from an anonymous caller: it is refused as ever (401)', async () => {
    const response = await fetch(`${gateway.url}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(anApplication()),
    });
    expect(response.status).toBe(401);
  });
});

/**
 * The same plumbing on identity's creating POSTs, with tokens identity itself issues: a demo mall
 * of its own (identity seeds an empty database only). Those whose body or answer holds a secret
 * (an officer's password, an API client's secret, an applicant's password) keep it out of what
 * the key stores; an anonymous registration keeps its keys per NIK.
 */
describe("Idempotency-Key on identity's creating POSTs", () => {
  const env = testEnvironment();
  const own = { DB_PREFIX: `${env.DB_PREFIX}_idem`, SP_NAMESPACE: `${env.SP_NAMESPACE}-idem` };
  const running: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  const tokens: Record<'admin' | 'siti', string> = { admin: '', siti: '' };

  beforeAll(async () => {
    running.push(
      ...(await Promise.all([
        ServiceProcess.start('identity', { ...own, DEMO_SEED: 'true', NODE_ENV: 'test' }),
        ServiceProcess.start('gateway', own),
      ])),
    );
    gateway = running[1];
    const siti = DEMO_ACCOUNTS.citizens[0];
    // The gateway may not have identity's keys yet.
    await eventually(async () => {
      tokens.admin = await signIn('admin.mall', DEMO_ACCOUNTS.officerPassword);
      tokens.siti = await signIn(siti.email, siti.password);
      expect((await post('siti', '/v1/businesses', randomUUID(), {})).status).toBe(400);
    });
  });

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await deleteNamespaceStreams(env.NATS_URL, own.SP_NAMESPACE);
  });

  const signIn = (identifier: string, password: string) =>
    passwordToken(gateway.url, identifier, password);

  const post = (who: keyof typeof tokens, path: string, key: string, body: unknown) =>
    postWithKey(`${gateway.url}${path}`, `Bearer ${tokens[who]}`, key, body);

  const identityDb = <T extends object>(text: string, values: unknown[]) =>
    queryServiceDb<T>(['identity'], text, values, own.DB_PREFIX);

  const count = async (
    table:
      'agencies' | 'businesses' | 'officers' | 'api_clients' | 'applicants' | 'business_members',
    column: string,
    value: string,
  ) =>
    (
      await identityDb<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
        [value],
      )
    )[0].n;

  /** What identity keeps under a key: the caller it is scoped to, the fingerprint, the answer. */
  const keptUnder = async (key: string) =>
    identityDb<{ caller: string; fingerprint: string; response: string }>(
      'SELECT caller, fingerprint, response::text AS response FROM idempotency_keys WHERE key = $1',
      [key],
    );

  const anAgency = () => ({
    code: `IDEM-${randomUUID().slice(0, 8).toUpperCase()}`,
    name: 'Badan Uji Idempotensi',
    timeZone: 'Asia/Jakarta',
  });
  const aBusiness = () => ({
    nib: `9${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`,
    name: 'Warung Uji',
    kbli: ['56101'],
    address: { line: 'Jl. Raya Cibinong No. 5', districtCode: '32.01.01' },
  });

  it('replays an agency added under a key instead of answering that it exists', async () => {
    const key = randomUUID();
    const agency = anAgency();
    const first = await post('admin', '/v1/agencies', key, agency);
    expect([first.status, first.replayed]).toEqual([201, null]);
    const again = await post('admin', '/v1/agencies', key, agency);
    expect([again.status, again.replayed]).toEqual([201, 'true']);
    expect(again.body).toEqual(first.body);
    // Without the key, the same body is the conflict it always was.
    const unkeyed = await fetch(`${gateway.url}/v1/agencies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
      body: JSON.stringify(agency),
    });
    expect(unkeyed.status).toBe(409);
    expect(await count('agencies', 'code', agency.code)).toBe(1);

    const other = await post('admin', '/v1/agencies', key, anAgency());
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('registers one business for concurrent requests with one key', async () => {
    const key = randomUUID();
    const business = aBusiness();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => post('siti', '/v1/businesses', key, business)),
    );
    expect(await count('businesses', 'nib', business.nib)).toBe(1);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.filter((answer) => answer.replayed === null)).toHaveLength(1);
    for (const answer of answers.filter((answer) => answer.status !== 201))
      expect([answer.status, answer.body.code]).toEqual([409, 'idempotency_key_in_flight']);
    const retry = await post('siti', '/v1/businesses', key, business);
    expect([retry.status, retry.replayed]).toEqual([201, 'true']);
    expect(retry.body).toEqual(created[0].body);
  });

  describe('POST /v1/officers', () => {
    const anOfficer = () => ({
      username: `idem.${randomUUID().slice(0, 8)}`,
      name: 'Petugas Uji Idempotensi',
      agencyCode: 'DUKCAPIL',
      roles: ['VERIFIER'],
      password: `loket pelayanan ${randomUUID().slice(0, 8)}`,
    });

    it('replays the officer added under a key, adding no second one', async () => {
      const key = randomUUID();
      const officer = anOfficer();
      const first = await post('admin', '/v1/officers', key, officer);
      expect([first.status, first.replayed]).toEqual([201, null]);
      const again = await post('admin', '/v1/officers', key, officer);
      expect([again.status, again.replayed]).toEqual([201, 'true']);
      expect(again.body).toEqual(first.body);
      expect(await count('officers', 'username', officer.username)).toBe(1);
      // The officer signs in with the password of the first request.
      expect(await signIn(officer.username, officer.password)).toEqual(expect.any(String));
    });

    it('refuses the same key with a body that differs only in its password (422)', async () => {
      const key = randomUUID();
      const officer = anOfficer();
      expect((await post('admin', '/v1/officers', key, officer)).status).toBe(201);
      const other = await post('admin', '/v1/officers', key, {
        ...officer,
        password: `${officer.password} lain`,
      });
      expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
      expect(await count('officers', 'username', officer.username)).toBe(1);
    });

    it('keeps neither the password nor a fast unkeyed hash of it under the key', async () => {
      const key = randomUUID();
      const officer = anOfficer();
      expect((await post('admin', '/v1/officers', key, officer)).status).toBe(201);
      const [row] = await keptUnder(key);
      expect(row?.caller).toMatch(/^officer:/);
      const sha256 = createHash('sha256').update(officer.password).digest();
      const kept = JSON.stringify(row);
      for (const form of [officer.password, sha256.toString('hex'), sha256.toString('base64')])
        expect(kept).not.toContain(form);
      // Not the fingerprint of the body as it came: a dump alone cannot test a guessed password.
      expect(row?.fingerprint).not.toBe(fingerprintOf(CreateOfficer.subject, officer));
    });
  });

  describe('POST /v1/clients and POST /v1/clients/{clientId}/secrets', () => {
    type Created = { client: { clientId: string }; secret: string };
    type Rotated = { clientId: string; secret: string; previousSecretsExpireAt: string };

    const aKiosk = () => ({
      clientId: `idem-kiosk-${randomUUID().slice(0, 8)}`,
      name: 'Anjungan uji idempotensi',
      kind: 'KIOSK',
      scopes: ['surveys:kiosk'],
    });
    const secretsOf = async (clientId: string) =>
      (
        await identityDb<{ n: number }>(
          `SELECT count(*)::int AS n FROM client_secrets s JOIN api_clients c ON c.id = s.client_id
            WHERE c.client_id = $1`,
          [clientId],
        )
      )[0].n;

    it('replays the client added under a key with the same secret, which signs in', async () => {
      const key = randomUUID();
      const kiosk = aKiosk();
      const first = await post('admin', '/v1/clients', key, kiosk);
      expect([first.status, first.replayed]).toEqual([201, null]);
      const again = await post('admin', '/v1/clients', key, kiosk);
      expect([again.status, again.replayed]).toEqual([201, 'true']);
      expect(again.body).toEqual(first.body);
      expect(await count('api_clients', 'client_id', kiosk.clientId)).toBe(1);
      expect(await secretsOf(kiosk.clientId)).toBe(1);
      const { secret } = again.body as unknown as Created;
      await expect(
        clientCredentialsToken(gateway.url, { clientId: kiosk.clientId, secret }),
      ).resolves.toMatchObject({ accessToken: expect.any(String) as string });

      const [row] = await keptUnder(key);
      expect(row?.response).toContain(kiosk.clientId);
      expect(row?.response).not.toContain(secret);
      expect(row?.response).not.toContain(secret.slice('sps_'.length));

      const other = await post('admin', '/v1/clients', key, aKiosk());
      expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
    });

    it('replays a rotation with the same new secret, rotating once', async () => {
      const kiosk = aKiosk();
      expect((await post('admin', '/v1/clients', randomUUID(), kiosk)).status).toBe(201);
      const key = randomUUID();
      const path = `/v1/clients/${kiosk.clientId}/secrets`;
      const first = await post('admin', path, key, undefined);
      expect([first.status, first.replayed]).toEqual([201, null]);
      const again = await post('admin', path, key, undefined);
      expect([again.status, again.replayed]).toEqual([201, 'true']);
      expect(again.body).toEqual(first.body);
      expect(await secretsOf(kiosk.clientId)).toBe(2);
      const { secret } = again.body as unknown as Rotated;
      await expect(
        clientCredentialsToken(gateway.url, { clientId: kiosk.clientId, secret }),
      ).resolves.toMatchObject({ accessToken: expect.any(String) as string });

      const [row] = await keptUnder(key);
      expect(row?.response).not.toContain(secret);
      expect(row?.response).not.toContain(secret.slice('sps_'.length));

      // Another client under the same key is another request.
      const other = aKiosk();
      expect((await post('admin', '/v1/clients', randomUUID(), other)).status).toBe(201);
      const refused = await post('admin', `/v1/clients/${other.clientId}/secrets`, key, undefined);
      expect([refused.status, refused.body.code]).toEqual([422, 'idempotency_key_reused']);
      expect(await secretsOf(other.clientId)).toBe(1);
    });
  });

  describe('POST /v1/applicants (anonymous)', () => {
    /** A citizen of their own, reached by an e-mail whose masked form no one else's log line has. */
    const aRegistration = () => {
      const { phone: _phone, ...citizen } = aCitizen();
      const domain = `${randomUUID().slice(0, 8)}.example.id`;
      return {
        registration: {
          ...citizen,
          name: 'Dewi Lestari',
          email: `dewi@${domain}`,
          password: `kopi tubruk ${randomUUID().slice(0, 8)}`,
        },
        maskedEmail: `d***@${domain}`,
      };
    };
    const register = (key: string | undefined, body: unknown) =>
      fetch(`${gateway.url}/v1/applicants`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: JSON.stringify(body),
      }).then(async (response) => ({
        status: response.status,
        replayed: response.headers.get('idempotent-replayed'),
        body: (await response.json()) as Answer,
      }));
    const codesOf = async (applicantId: unknown) =>
      (
        await identityDb<{ n: number }>(
          'SELECT count(*)::int AS n FROM verification_codes WHERE applicant_id = $1',
          [applicantId],
        )
      )[0].n;
    const codesSentTo = (masked: string) =>
      running[0]
        .logs()
        .split('\n')
        .filter((line) => line.includes(`"to":"${masked}"`)).length;

    it('replays a registration under a key, opening no second account and sending no second code', async () => {
      const key = randomUUID();
      const { registration, maskedEmail } = aRegistration();
      const first = await register(key, registration);
      expect([first.status, first.replayed]).toEqual([201, null]);
      expect(first.body).toEqual({
        applicantId: expect.any(String) as string,
        verificationsSent: ['EMAIL'],
      });
      const again = await register(key, registration);
      expect([again.status, again.replayed]).toEqual([201, 'true']);
      expect(again.body).toEqual(first.body);
      expect(await count('applicants', 'nik', registration.nik)).toBe(1);
      expect(await codesOf(first.body.applicantId)).toBe(1);

      // A registration after the replay: once its code is in the log, any code the replay had
      // sent would be too, before it (one process, one log, in order).
      const later = aRegistration();
      expect((await register(undefined, later.registration)).status).toBe(201);
      await eventually(() => expect(codesSentTo(later.maskedEmail)).toBe(1));
      expect(codesSentTo(maskedEmail)).toBe(1);

      // Without the key the same body is refused as it always was, naming nothing.
      const unkeyed = await register(undefined, registration);
      expect([unkeyed.status, unkeyed.body.code]).toEqual([409, 'account_exists']);
    });

    it('refuses the same key with a body that differs only in its password (422)', async () => {
      const key = randomUUID();
      const { registration } = aRegistration();
      expect((await register(key, registration)).status).toBe(201);
      const other = await register(key, { ...registration, password: 'teh manis di sore hari' });
      expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
      expect(await count('applicants', 'nik', registration.nik)).toBe(1);
    });

    it('keeps the keys of two NIKs apart, naming neither NIK nor password', async () => {
      const key = randomUUID();
      const [one, two] = [aRegistration().registration, aRegistration().registration];
      const first = await register(key, one);
      const second = await register(key, two);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.replayed).toBeNull();
      expect(second.body.applicantId).not.toBe(first.body.applicantId);
      const rows = await keptUnder(key);
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.caller).toMatch(/^anonymous:nik:[\w-]{43}$/);
        for (const secret of [one.nik, two.nik, one.password, two.password])
          expect(JSON.stringify(row)).not.toContain(secret);
      }
    });
  });

  describe('POST /v1/businesses/{businessId}/members', () => {
    const budi = DEMO_ACCOUNTS.citizens[1];

    it('replays a member added under a key instead of answering that they act for it already', async () => {
      const registered = await post('siti', '/v1/businesses', randomUUID(), aBusiness());
      expect(registered.status).toBe(201);
      const businessId = registered.body.businessId as string;
      const path = `/v1/businesses/${businessId}/members`;
      const key = randomUUID();
      const first = await post('siti', path, key, { nik: budi.nik });
      expect([first.status, first.replayed]).toEqual([200, null]);
      const again = await post('siti', path, key, { nik: budi.nik });
      expect([again.status, again.replayed]).toEqual([200, 'true']);
      expect(again.body).toEqual(first.body);
      expect(await count('business_members', 'business_id', businessId)).toBe(2);

      // Under another key it is the refusal it always was.
      const anotherKey = await post('siti', path, randomUUID(), { nik: budi.nik });
      expect([anotherKey.status, anotherKey.replayed]).toEqual([422, null]);
      expect(anotherKey.body.errors).toEqual([expect.objectContaining({ code: 'already_member' })]);
      const other = await post('siti', path, key, { nik: DEMO_ACCOUNTS.citizens[0].nik });
      expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
    });
  });
});
