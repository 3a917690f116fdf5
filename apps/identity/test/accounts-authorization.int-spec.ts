import { runInContext } from '@satupintu/common';
import {
  ANONYMOUS,
  AgencyChanged,
  AddBusinessMember,
  CreateAgency,
  CreateApiClient,
  CreateOfficer,
  GetMyProfile,
  IDENTITY_STREAM,
  ListAgencies,
  ListMyBusinesses,
  ListOfficers,
  RegisterApplicant,
  RegisterBusiness,
  RevokeApiClient,
  RotateClientSecret,
  UpdateAgency,
  UpdateBusiness,
  UpdateOfficer,
  type Principal,
  type RequestContract,
  type Role,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import {
  ServiceProcess,
  aCitizen,
  domainErrorOf,
  eventually,
  queryServiceDb,
  readStreams,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';
import { verifyPassword } from '../src/credentials/passwords';

const officer = (roles: Role[], agency?: string): Principal => ({
  kind: 'officer',
  subject: randomUUID(),
  roles,
  ...(agency ? { agency } : {}),
  scopes: [],
});
const applicant = (id: string): Principal => ({
  kind: 'applicant',
  subject: id,
  roles: [],
  scopes: [],
});
const client = (scopes: string[]): Principal => ({
  kind: 'client',
  subject: randomUUID(),
  clientId: 'some-kiosk',
  roles: [],
  scopes,
});

const MALL_ADMIN = officer(['MALL_ADMIN']);
const ANALYST = officer(['SURVEY_ANALYST']);
const ALPHA_ADMIN = officer(['AGENCY_ADMIN'], 'ALPHA');
const ALPHA_VERIFIER = officer(['VERIFIER'], 'ALPHA');
const BETA_ADMIN = officer(['AGENCY_ADMIN'], 'BETA');
const KIOSK = client(['surveys:kiosk', 'applications:submit']);

/**
 * Who may do what to identity's accounts, decided by identity from the principal that travels
 * with each NATS request (as the gateway sends it once a caller is authenticated): mall admins,
 * agency admins, other officers, applicants, clients and anonymous callers, on agencies,
 * officers, API clients and businesses. Refusals across agencies or applicants are a 404 that
 * does not tell whether the record exists.
 */
describe("who may manage identity's accounts", () => {
  const env = testEnvironment();
  let identity: ServiceProcess;
  let rpc: RpcClient;

  beforeAll(async () => {
    identity = await ServiceProcess.start('identity');
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace: env.SP_NAMESPACE,
      timeoutMs: 10_000,
      name: 'accounts-authorization-test',
    });
    for (const code of ['ALPHA', 'BETA'])
      await as(MALL_ADMIN, CreateAgency, { code, name: `Dinas ${code}`, timeZone: 'Asia/Jakarta' });
  });

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await identity?.stop();
  });

  /** As the gateway asks: the principal rides along in the request's headers. */
  function as<Req, Res>(principal: Principal, contract: RequestContract<Req, Res>, payload: Req) {
    return runInContext({ requestId: randomUUID(), traceparent: '', principal }, () =>
      rpc.request(contract, payload),
    );
  }
  const refusal = async <Req, Res>(
    principal: Principal,
    contract: RequestContract<Req, Res>,
    payload: Req,
  ) => {
    const error = await domainErrorOf(as(principal, contract, payload));
    return [error.status, error.code];
  };

  describe('agencies', () => {
    it('are added and changed by mall admins only', async () => {
      const gamma = { code: 'GAMMA', name: 'Dinas Gamma', timeZone: 'Asia/Makassar' as const };
      for (const caller of [ALPHA_ADMIN, ALPHA_VERIFIER, ANALYST, applicant(randomUUID()), KIOSK])
        expect(await refusal(caller, CreateAgency, gamma)).toEqual([403, 'forbidden']);
      expect(await refusal(ANONYMOUS, CreateAgency, gamma)).toEqual([401, 'unauthenticated']);
      expect(await refusal(ALPHA_ADMIN, UpdateAgency, { code: 'ALPHA', name: 'Mine' })).toEqual([
        403,
        'forbidden',
      ]);

      expect(await as(MALL_ADMIN, CreateAgency, gamma)).toMatchObject({ version: 1, active: true });
      expect(await refusal(MALL_ADMIN, CreateAgency, gamma)).toEqual([409, 'agency_exists']);
      const changed = await as(MALL_ADMIN, UpdateAgency, {
        code: 'GAMMA',
        timeZone: 'Asia/Jayapura',
      });
      expect(changed).toMatchObject({ timeZone: 'Asia/Jayapura', version: 2 });
      expect(await refusal(MALL_ADMIN, UpdateAgency, { code: 'NOPE', name: 'x' })).toEqual([
        404,
        'agency_not_found',
      ]);
    });

    it('are listed to anyone, and every change is published with its version', async () => {
      const { items } = await as(ANONYMOUS, ListAgencies, {});
      expect(items.map((agency) => agency.code)).toEqual(
        expect.arrayContaining(['ALPHA', 'BETA', 'GAMMA']),
      );
      const events = await eventually(async () => {
        const messages = await readStreams(
          env.NATS_URL,
          `${env.SP_NAMESPACE.toUpperCase()}_${IDENTITY_STREAM.name}`,
        );
        const gamma = messages
          .filter((m) => m.subject.endsWith(`.${AgencyChanged.subject}.GAMMA`))
          .map((m) => JSON.parse(m.data) as { version: number; timeZone: string });
        expect(gamma).toHaveLength(2);
        return gamma;
      });
      expect(events.map((e) => [e.version, e.timeZone])).toEqual([
        [1, 'Asia/Makassar'],
        [2, 'Asia/Jayapura'],
      ]);
    });
  });

  describe('officers', () => {
    const newOfficer = (username: string, agencyCode: string | undefined, roles: Role[]) => ({
      username,
      name: 'Petugas Uji',
      ...(agencyCode ? { agencyCode } : {}),
      roles,
      password: 'loket pelayanan nomor tiga',
    });

    it('are added by mall admins anywhere, by agency admins in their own agency only', async () => {
      await as(MALL_ADMIN, CreateOfficer, newOfficer('beta.verifier', 'BETA', ['VERIFIER']));
      await as(
        MALL_ADMIN,
        CreateOfficer,
        newOfficer('mall.analyst', undefined, ['SURVEY_ANALYST']),
      );
      const mine = await as(
        ALPHA_ADMIN,
        CreateOfficer,
        newOfficer('alpha.front', 'ALPHA', ['FRONT_DESK']),
      );
      expect(mine).toMatchObject({ agencyCode: 'ALPHA', roles: ['FRONT_DESK'], version: 1 });
      expect(
        await refusal(ALPHA_ADMIN, CreateOfficer, newOfficer('alpha.x', 'BETA', ['VERIFIER'])),
      ).toEqual([403, 'forbidden']);
      for (const role of ['MALL_ADMIN', 'SURVEY_ANALYST'] as Role[])
        expect(
          await refusal(ALPHA_ADMIN, CreateOfficer, newOfficer('alpha.y', 'ALPHA', [role])),
        ).toEqual([403, 'forbidden']);
      for (const caller of [ALPHA_VERIFIER, ANALYST, applicant(randomUUID()), KIOSK])
        expect(
          await refusal(caller, CreateOfficer, newOfficer('alpha.z', 'ALPHA', ['VERIFIER'])),
        ).toEqual([403, 'forbidden']);
      expect(
        await refusal(ANONYMOUS, CreateOfficer, newOfficer('alpha.z', 'ALPHA', ['VERIFIER'])),
      ).toEqual([401, 'unauthenticated']);
      expect(
        await refusal(MALL_ADMIN, CreateOfficer, newOfficer('alpha.front', 'ALPHA', ['VERIFIER'])),
      ).toEqual([409, 'username_taken']);
      const [row] = await queryServiceDb<{ password_hash: string }>(
        ['identity'],
        'SELECT password_hash FROM officers WHERE username = $1',
        ['alpha.front'],
      );
      expect(await verifyPassword(row?.password_hash ?? '', 'loket pelayanan nomor tiga')).toBe(
        true,
      );
    });

    it('are not there for an agency admin of another agency, whether they exist or not', async () => {
      const { items } = await as(MALL_ADMIN, ListOfficers, { limit: 100, agencyCode: 'BETA' });
      const betaVerifier = items.find((o) => o.username === 'beta.verifier');
      expect(betaVerifier).toBeDefined();
      const theirs = await domainErrorOf(
        as(ALPHA_ADMIN, UpdateOfficer, { officerId: betaVerifier!.officerId, active: false }),
      );
      const nobody = await domainErrorOf(
        as(ALPHA_ADMIN, UpdateOfficer, { officerId: randomUUID(), active: false }),
      );
      expect([theirs.status, theirs.code]).toEqual([404, 'officer_not_found']);
      expect([nobody.status, nobody.code]).toEqual([404, 'officer_not_found']);
      expect(Object.keys(theirs.params).sort()).toEqual(Object.keys(nobody.params).sort());
      // Their own admin may.
      expect(
        await as(BETA_ADMIN, UpdateOfficer, { officerId: betaVerifier!.officerId, active: false }),
      ).toMatchObject({ active: false, version: 2 });
    });

    it("are listed to an agency admin as their own agency's only, a page at a time", async () => {
      for (const n of [1, 2, 3])
        await as(
          ALPHA_ADMIN,
          CreateOfficer,
          newOfficer(`alpha.verifier${n}`, 'ALPHA', ['VERIFIER']),
        );
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await as(ALPHA_ADMIN, ListOfficers, {
          limit: 2,
          agencyCode: 'BETA',
          ...(cursor ? { cursor } : {}),
        });
        expect(page.items.length).toBeLessThanOrEqual(2);
        for (const item of page.items) expect(item.agencyCode).toBe('ALPHA');
        seen.push(...page.items.map((item) => item.username));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([
        'alpha.front',
        'alpha.verifier1',
        'alpha.verifier2',
        'alpha.verifier3',
      ]);
      const all = await as(MALL_ADMIN, ListOfficers, { limit: 100 });
      expect(all.items.map((o) => o.username)).toEqual(
        expect.arrayContaining(['beta.verifier', 'mall.analyst', 'alpha.front']),
      );
      expect(await refusal(ALPHA_VERIFIER, ListOfficers, { limit: 10 })).toEqual([
        403,
        'forbidden',
      ]);
      expect(await refusal(ANONYMOUS, ListOfficers, { limit: 10 })).toEqual([
        401,
        'unauthenticated',
      ]);
    });
  });

  describe('API clients', () => {
    const system = (clientId: string, agencyCode: string) => ({
      clientId,
      name: `System ${agencyCode}`,
      kind: 'AGENCY_SYSTEM' as const,
      agencyCode,
      scopes: [`agency:${agencyCode}:work`],
    });
    const secretsOf = (clientId: string) =>
      queryServiceDb<{ secret_hash: string; expires_at: Date | null }>(
        ['identity'],
        `SELECT s.secret_hash, s.expires_at FROM client_secrets s
           JOIN api_clients c ON c.id = s.client_id WHERE c.client_id = $1
          ORDER BY s.created_at`,
        [clientId],
      );

    it('are added by mall admins, and by agency admins for their own agency system only', async () => {
      const kiosk = await as(MALL_ADMIN, CreateApiClient, {
        clientId: 'lobby-kiosk',
        name: 'Kiosk',
        kind: 'KIOSK',
        scopes: ['surveys:kiosk'],
      });
      expect(kiosk.secret).toMatch(/^sps_/);
      const [stored] = await secretsOf('lobby-kiosk');
      expect(stored?.secret_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(stored?.secret_hash ?? '', kiosk.secret)).toBe(true);

      const mine = await as(ALPHA_ADMIN, CreateApiClient, system('alpha-system', 'ALPHA'));
      expect(mine.client).toEqual({
        clientId: 'alpha-system',
        name: 'System ALPHA',
        kind: 'AGENCY_SYSTEM',
        agencyCode: 'ALPHA',
        scopes: ['agency:ALPHA:work'],
      });
      expect(await refusal(ALPHA_ADMIN, CreateApiClient, system('alpha-beta', 'BETA'))).toEqual([
        403,
        'forbidden',
      ]);
      expect(
        await refusal(ALPHA_ADMIN, CreateApiClient, {
          clientId: 'alpha-kiosk',
          name: 'K',
          kind: 'KIOSK',
          scopes: ['surveys:kiosk'],
        }),
      ).toEqual([403, 'forbidden']);
      expect(
        await refusal(MALL_ADMIN, CreateApiClient, {
          ...system('alpha-greedy', 'ALPHA'),
          scopes: ['agency:BETA:work'],
        }),
      ).toEqual([422, 'unprocessable']);
      for (const caller of [ALPHA_VERIFIER, ANALYST, applicant(randomUUID()), KIOSK])
        expect(await refusal(caller, CreateApiClient, system('x-system', 'ALPHA'))).toEqual([
          403,
          'forbidden',
        ]);
      expect(await refusal(ANONYMOUS, CreateApiClient, system('x-system', 'ALPHA'))).toEqual([
        401,
        'unauthenticated',
      ]);
      expect(await refusal(MALL_ADMIN, CreateApiClient, system('alpha-system', 'ALPHA'))).toEqual([
        409,
        'client_id_taken',
      ]);
    });

    it('rotate with an overlap: the old secret works a day more, the new one from now', async () => {
      const before = Date.now();
      const rotated = await as(ALPHA_ADMIN, RotateClientSecret, { clientId: 'alpha-system' });
      const overlap = Date.parse(rotated.previousSecretsExpireAt) - before;
      expect(overlap).toBeGreaterThanOrEqual(24 * 3600 * 1000);
      expect(overlap).toBeLessThan(24 * 3600 * 1000 + 60_000);
      const [old, current] = await secretsOf('alpha-system');
      expect(old?.expires_at?.toISOString()).toBe(rotated.previousSecretsExpireAt);
      expect(current?.expires_at).toBeNull();
      expect(await verifyPassword(current?.secret_hash ?? '', rotated.secret)).toBe(true);
    });

    it('are not there for rotation or revocation to an agency admin of another agency', async () => {
      for (const clientId of ['alpha-system', 'lobby-kiosk', 'nobody-at-all']) {
        const notThere = [404, 'client_not_found'];
        expect(await refusal(BETA_ADMIN, RotateClientSecret, { clientId })).toEqual(notThere);
        expect(await refusal(BETA_ADMIN, RevokeApiClient, { clientId })).toEqual(notThere);
      }
      expect(await refusal(ALPHA_ADMIN, RevokeApiClient, { clientId: 'lobby-kiosk' })).toEqual([
        404,
        'client_not_found',
      ]);
    });

    it('are revoked at once, and a revoked client gets no new secret', async () => {
      const revoked = await as(MALL_ADMIN, RevokeApiClient, { clientId: 'lobby-kiosk' });
      expect(revoked.revokedAt).toBeDefined();
      const again = await as(MALL_ADMIN, RevokeApiClient, { clientId: 'lobby-kiosk' });
      expect(again.revokedAt).toBe(revoked.revokedAt);
      expect(await refusal(MALL_ADMIN, RotateClientSecret, { clientId: 'lobby-kiosk' })).toEqual([
        409,
        'client_revoked',
      ]);
    });
  });

  describe("applicants' own records", () => {
    let owner = '';
    let representative = '';
    let stranger = '';
    const representativeCitizen = aCitizen();
    let businessId = '';

    beforeAll(async () => {
      const register = (citizen: ReturnType<typeof aCitizen>) =>
        as(ANONYMOUS, RegisterApplicant, {
          ...citizen,
          name: 'Warga Uji',
          password: 'kopi tubruk di pagi hari',
        });
      owner = (await register(aCitizen())).applicantId;
      representative = (await register(representativeCitizen)).applicantId;
      stranger = (await register(aCitizen())).applicantId;
      const business = await as(applicant(owner), RegisterBusiness, {
        nib: `9${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`,
        name: 'Warung Uji',
        kbli: ['56101'],
        address: { line: 'Jl. Uji 1', districtCode: '32.01.01' },
      });
      businessId = business.businessId;
    });

    it('are read by their applicant only', async () => {
      expect((await as(applicant(owner), GetMyProfile, {})).applicantId).toBe(owner);
      for (const caller of [MALL_ADMIN, ALPHA_ADMIN, KIOSK])
        expect(await refusal(caller, GetMyProfile, {})).toEqual([403, 'forbidden']);
      expect(await refusal(ANONYMOUS, GetMyProfile, {})).toEqual([401, 'unauthenticated']);
      expect(await refusal(MALL_ADMIN, ListMyBusinesses, {})).toEqual([403, 'forbidden']);
    });

    it("are a business's: a stranger is told it is not there, a representative may not change it", async () => {
      const patch = { businessId, kbli: ['47111'] };
      expect(await refusal(applicant(stranger), UpdateBusiness, patch)).toEqual([
        404,
        'business_not_found',
      ]);
      expect(
        await refusal(applicant(stranger), UpdateBusiness, { ...patch, businessId: randomUUID() }),
      ).toEqual([404, 'business_not_found']);
      expect(
        await refusal(applicant(stranger), AddBusinessMember, { businessId, nik: aCitizen().nik }),
      ).toEqual([404, 'business_not_found']);

      const added = await as(applicant(owner), AddBusinessMember, {
        businessId,
        nik: representativeCitizen.nik,
      });
      expect(added.members).toEqual([
        { applicantId: owner, role: 'OWNER' },
        { applicantId: representative, role: 'REPRESENTATIVE' },
      ]);
      const theirs = await as(applicant(representative), ListMyBusinesses, {});
      expect(theirs.items.map((b) => [b.businessId, b.role])).toEqual([
        [businessId, 'REPRESENTATIVE'],
      ]);
      expect((await as(applicant(stranger), ListMyBusinesses, {})).items).toEqual([]);
      expect(await refusal(applicant(representative), UpdateBusiness, patch)).toEqual([
        403,
        'forbidden',
      ]);
      const changed = await as(applicant(owner), UpdateBusiness, patch);
      expect([changed.kbli, changed.version]).toEqual([['47111'], 3]);
    });
  });
});
