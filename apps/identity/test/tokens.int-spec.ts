import { type ApiClient, type ApiSchemas, createApiClient } from '@satupintu/api-client';
import { runInContext } from '@satupintu/common';
import {
  ChangePassword,
  type ChangePasswordV1,
  LogOut,
  type Principal,
  principalFromClaims,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import {
  ServiceProcess,
  domainErrorOf,
  eventually,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { randomUUID } from 'node:crypto';
import {
  anAgency,
  anApiClient,
  anApplicantAccount,
  anOfficerAccount,
  type ClientAccount,
} from './accounts.factories';

type TokenForm = ApiSchemas['TokenRequest'];

/**
 * Token issuance through the gateway and identity as real processes: people sign in, refresh
 * and sign out; API clients use their credentials; repeated failures lock an account.
 */
describe('tokens', () => {
  const env = testEnvironment();
  let identity: ServiceProcess;
  let gateway: ServiceProcess;
  let api: ApiClient;
  let rpc: RpcClient;
  let agency: string;
  /** Every secret the tests use: none may appear in a log line. */
  const secrets: string[] = [];

  beforeAll(async () => {
    // Every line logged, so that the last test sees all there is to see.
    const debug = { LOG_LEVEL: 'debug' };
    identity = await ServiceProcess.start('identity', debug);
    // The gateway's per-IP limit on sign-in routes would stop these tests first: identity's own
    // lockout is what they test.
    gateway = await ServiceProcess.start('gateway', { ...debug, RATE_LIMIT_SIGN_IN: '10000' });
    api = createApiClient(gateway.url);
    rpc = new RpcClient({
      url: env.NATS_URL,
      namespace: env.SP_NAMESPACE,
      timeoutMs: 10_000,
      name: 'tokens-test',
    });
    agency = await anAgency();
  });

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await Promise.all([gateway?.stop(), identity?.stop()]);
  });

  const logIn = async (identifier: string, password: string) => {
    secrets.push(password);
    return api.POST('/v1/auth/login', { body: { identifier, password } });
  };

  const tokensOf = async (identifier: string, password: string) => {
    const { data, response } = await logIn(identifier, password);
    if (!data) throw new Error(`sign-in refused: ${response.status}`);
    secrets.push(data.access_token, data.refresh_token!);
    return data;
  };

  const token = (form: TokenForm, headers: Record<string, string> = {}) =>
    api.POST('/v1/oauth/token', {
      body: form,
      bodySerializer: (body) =>
        new URLSearchParams(body as unknown as Record<string, string>).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });

  const refresh = async (refreshToken: string) => {
    const answer = await token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    if (answer.data) secrets.push(answer.data.access_token, answer.data.refresh_token!);
    return answer;
  };

  const basic = (client: ClientAccount, secret = client.secrets[0]) => {
    secrets.push(secret);
    return {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${secret}`).toString('base64')}`,
    };
  };

  const changePassword = (principal: Principal, request: ChangePasswordV1) => {
    secrets.push(request.currentPassword, request.newPassword);
    return runInContext({ requestId: randomUUID(), traceparent: '', principal }, () =>
      rpc.request(ChangePassword, request),
    );
  };

  describe('signing in', () => {
    it('signs an applicant in by NIK: a 15-minute access token for them and a refresh token, never cached', async () => {
      const applicant = await anApplicantAccount();
      const { data, response } = await logIn(applicant.nik, applicant.password);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('pragma')).toBe('no-cache');
      expect(data).toMatchObject({
        token_type: 'Bearer',
        expires_in: 900,
        refresh_token_expires_in: 30 * 24 * 60 * 60,
      });
      expect(data!.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      secrets.push(data!.access_token, data!.refresh_token!);

      expect(decodeProtectedHeader(data!.access_token)).toMatchObject({
        alg: 'EdDSA',
        typ: 'at+jwt',
        kid: expect.any(String) as string,
      });
      const claims = decodeJwt(data!.access_token);
      expect(claims).toMatchObject({
        iss: 'http://127.0.0.1:3000',
        aud: 'satupintu-api',
        sub: applicant.id,
        sp: { kind: 'applicant', roles: [] },
      });
      expect(claims.exp! - claims.iat!).toBe(900);
      expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
      expect(principalFromClaims(claims)).toEqual({
        kind: 'applicant',
        subject: applicant.id,
        roles: [],
        scopes: [],
      });

      const stored = await queryServiceDb<{ token_hash: Buffer }>(
        ['identity'],
        'SELECT token_hash FROM refresh_tokens WHERE subject_id = $1',
        [applicant.id],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0].token_hash).toHaveLength(32);
      expect(stored[0].token_hash.toString('base64url')).not.toBe(data!.refresh_token);
    });

    it('signs an applicant in by e-mail, whatever its case', async () => {
      const applicant = await anApplicantAccount();
      const data = await tokensOf(applicant.email.toUpperCase(), applicant.password);
      expect(decodeJwt(data.access_token).sub).toBe(applicant.id);
    });

    it('signs an officer in by username, with their roles and agency in the token', async () => {
      const officer = await anOfficerAccount(agency, ['VERIFIER', 'APPROVER']);
      const data = await tokensOf(officer.username, officer.password);
      expect(principalFromClaims(decodeJwt(data.access_token))).toEqual({
        kind: 'officer',
        subject: officer.id,
        roles: ['VERIFIER', 'APPROVER'],
        agency,
        scopes: [],
      });
    });

    it('answers a wrong password, an unknown identifier and a deactivated officer alike', async () => {
      const applicant = await anApplicantAccount();
      const inactive = await anOfficerAccount(agency, ['FRONT_DESK'], { active: false });
      const answers = [
        await logIn(applicant.nik, 'not-the-password-at-all'),
        await logIn(`nobody.${randomUUID()}@example.id`, 'not-the-password-at-all'),
        await logIn(inactive.username, inactive.password),
      ];
      for (const { response, error } of answers) {
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(error).toMatchObject({ code: 'invalid_credentials', status: 401 });
      }
    });
  });

  describe('client credentials', () => {
    it('gives a client authenticated by HTTP Basic a token with its scopes and agency', async () => {
      const client = await anApiClient({
        scopes: ['applications:read', `agency:${agency}:work`],
        agency,
      });
      const { data, response } = await token({ grant_type: 'client_credentials' }, basic(client));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(data).toMatchObject({
        token_type: 'Bearer',
        expires_in: 900,
        scope: `applications:read agency:${agency}:work`,
      });
      expect(data!.refresh_token).toBeUndefined();
      secrets.push(data!.access_token);
      expect(principalFromClaims(decodeJwt(data!.access_token))).toEqual({
        kind: 'client',
        subject: client.clientId,
        clientId: client.clientId,
        roles: [],
        scopes: ['applications:read', `agency:${agency}:work`],
        agency,
      });
    });

    it('takes the credentials in the form too, and narrows the scopes to those asked for', async () => {
      const client = await anApiClient({
        scopes: ['applications:submit', 'applications:read'],
        kind: 'PORTAL',
      });
      const { data } = await token({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.secrets[0],
        scope: 'applications:submit',
      });
      expect(data?.scope).toBe('applications:submit');
      expect(decodeJwt(data!.access_token).scope).toBe('applications:submit');
    });

    it('refuses a scope the client does not hold', async () => {
      const client = await anApiClient({ scopes: ['applications:read'] });
      const { error, response } = await token(
        { grant_type: 'client_credentials', scope: 'applications:submit' },
        basic(client),
      );
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ code: 'invalid_scope', error: 'invalid_scope' });
    });

    it('accepts the old secret during a rotation overlap, and refuses it once expired', async () => {
      const client = await anApiClient({
        scopes: ['surveys:kiosk'],
        kind: 'KIOSK',
        secretsExpiring: [null, new Date(Date.now() + 3_600_000), new Date(Date.now() - 1000)],
      });
      const [current, overlapping, expired] = client.secrets;
      expect(
        (await token({ grant_type: 'client_credentials' }, basic(client, current))).response.status,
      ).toBe(200);
      expect(
        (await token({ grant_type: 'client_credentials' }, basic(client, overlapping))).response
          .status,
      ).toBe(200);
      const refused = await token({ grant_type: 'client_credentials' }, basic(client, expired));
      expect(refused.response.status).toBe(401);
      expect(refused.error).toMatchObject({ code: 'invalid_client', error: 'invalid_client' });
    });

    it('refuses a revoked client, an unknown one and a wrong secret with invalid_client and a Basic challenge', async () => {
      const revoked = await anApiClient({ scopes: ['applications:read'], revoked: true });
      const live = await anApiClient({ scopes: ['applications:read'] });
      const answers = [
        await token({ grant_type: 'client_credentials' }, basic(revoked)),
        await token(
          { grant_type: 'client_credentials' },
          basic({ clientId: `klien-${randomUUID().slice(0, 8)}`, secrets: ['x'.repeat(43)] }),
        ),
        await token({ grant_type: 'client_credentials' }, basic(live, 'y'.repeat(43))),
      ];
      for (const { response, error } of answers) {
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="satupintu"/);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(error).toMatchObject({
          code: 'invalid_client',
          status: 401,
          error: 'invalid_client',
          error_description: expect.any(String) as string,
        });
      }
    });

    it('refuses an unknown grant type and a client authenticating twice, as RFC 6749 says', async () => {
      const client = await anApiClient({ scopes: ['applications:read'] });
      const password = await fetch(`${gateway.url}/v1/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=password&username=a&password=b',
      });
      expect(password.status).toBe(400);
      expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' });

      const twice = await token(
        {
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.secrets[0],
        },
        basic(client),
      );
      expect(twice.response.status).toBe(400);
      expect(twice.error).toMatchObject({ error: 'invalid_request' });

      const repeated = await fetch(`${gateway.url}/v1/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...basic(client) },
        body: 'grant_type=client_credentials&grant_type=client_credentials',
      });
      expect(repeated.status).toBe(400);
      expect(await repeated.json()).toMatchObject({ error: 'invalid_request' });
    });
  });

  describe('refresh tokens', () => {
    it('trades a refresh token for a new pair, once', async () => {
      const officer = await anOfficerAccount(agency, ['FRONT_DESK']);
      const first = await tokensOf(officer.username, officer.password);
      const { data, response } = await refresh(first.refresh_token!);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(data!.refresh_token).not.toBe(first.refresh_token);
      expect(decodeJwt(data!.access_token)).toMatchObject({
        sub: officer.id,
        sp: { kind: 'officer', roles: ['FRONT_DESK'], agency },
      });
      // The roles as they are now: a change shows at the next refresh.
      await queryServiceDb(['identity'], `UPDATE officers SET roles = '{VERIFIER}' WHERE id = $1`, [
        officer.id,
      ]);
      const again = await refresh(data!.refresh_token!);
      expect(decodeJwt(again.data!.access_token)).toMatchObject({
        sp: { kind: 'officer', roles: ['VERIFIER'], agency },
      });
    });

    it('revokes the whole family when a used refresh token comes back: the newest one fails too', async () => {
      const applicant = await anApplicantAccount();
      const first = await tokensOf(applicant.nik, applicant.password);
      const second = await refresh(first.refresh_token!);
      const third = await refresh(second.data!.refresh_token!);
      expect(third.response.status).toBe(200);

      const replay = await refresh(first.refresh_token!);
      expect(replay.response.status).toBe(401);
      expect(replay.error).toMatchObject({
        code: 'invalid_grant',
        status: 401,
        error: 'invalid_grant',
      });
      const newest = await refresh(third.data!.refresh_token!);
      expect(newest.response.status).toBe(401);
      expect(newest.error).toMatchObject({ error: 'invalid_grant' });

      // Another sign-in of the same person is another family, untouched.
      const other = await tokensOf(applicant.email, applicant.password);
      expect((await refresh(other.refresh_token!)).response.status).toBe(200);
    });

    it('refuses a refresh token nobody issued, and one of a deactivated officer', async () => {
      const unknown = await refresh('A'.repeat(43));
      expect(unknown.response.status).toBe(401);
      expect(unknown.error).toMatchObject({ error: 'invalid_grant' });

      const officer = await anOfficerAccount(agency, ['APPROVER']);
      const tokens = await tokensOf(officer.username, officer.password);
      await queryServiceDb(['identity'], 'UPDATE officers SET active = false WHERE id = $1', [
        officer.id,
      ]);
      const refused = await refresh(tokens.refresh_token!);
      expect(refused.response.status).toBe(401);
      expect(refused.error).toMatchObject({ error: 'invalid_grant' });
    });
  });

  describe('signing out and changing the password', () => {
    it('signs out everywhere: every refresh token of the person is revoked', async () => {
      const applicant = await anApplicantAccount();
      const phone = await tokensOf(applicant.nik, applicant.password);
      const laptop = await tokensOf(applicant.email, applicant.password);
      const { response } = await api.POST('/v1/auth/logout', {
        body: { refreshToken: phone.refresh_token! },
      });
      expect(response.status).toBe(204);
      for (const session of [phone, laptop]) {
        const refused = await refresh(session.refresh_token!);
        expect(refused.response.status).toBe(401);
      }
      // Signing out again, or with a token nobody issued, changes nothing and is no error.
      const again = await api.POST('/v1/auth/logout', { body: { refreshToken: 'B'.repeat(43) } });
      expect(again.response.status).toBe(204);
    });

    it('signs out the calling person when no refresh token is given (the gateway passes who it is)', async () => {
      const applicant = await anApplicantAccount();
      const session = await tokensOf(applicant.nik, applicant.password);
      const principal: Principal = {
        kind: 'applicant',
        subject: applicant.id,
        roles: [],
        scopes: [],
      };
      const answer = await runInContext(
        { requestId: randomUUID(), traceparent: '', principal },
        () => rpc.request(LogOut, {}),
      );
      expect(answer).toEqual({ revoked: 1 });
      expect((await refresh(session.refresh_token!)).response.status).toBe(401);
      const anonymous = await domainErrorOf(rpc.request(LogOut, {}));
      expect(anonymous).toMatchObject({ code: 'unauthenticated', status: 401 });
    });

    it('changes the password of the caller and revokes every refresh token they have', async () => {
      const officer = await anOfficerAccount(agency, ['AGENCY_ADMIN']);
      const principal: Principal = {
        kind: 'officer',
        subject: officer.id,
        roles: ['AGENCY_ADMIN'],
        agency,
        scopes: [],
      };
      const one = await tokensOf(officer.username, officer.password);
      const two = await tokensOf(officer.username, officer.password);
      const newPassword = `pisang-goreng-${randomUUID().slice(0, 8)}`;

      const wrong = await domainErrorOf(
        changePassword(principal, { currentPassword: 'salah-sama-sekali', newPassword }),
      );
      expect(wrong).toMatchObject({
        status: 422,
        errors: [{ field: 'currentPassword', code: 'current_password_wrong' }],
      });
      const common = await domainErrorOf(
        changePassword(principal, {
          currentPassword: officer.password,
          newPassword: 'password123',
        }),
      );
      expect(common).toMatchObject({
        status: 422,
        errors: [{ field: 'newPassword', code: 'password_common' }],
      });

      const changed = await changePassword(principal, {
        currentPassword: officer.password,
        newPassword,
      });
      expect(changed.revokedRefreshTokens).toBe(2);
      for (const session of [one, two]) {
        expect((await refresh(session.refresh_token!)).response.status).toBe(401);
      }
      expect((await logIn(officer.username, officer.password)).response.status).toBe(401);
      expect((await logIn(officer.username, newPassword)).response.status).toBe(200);
    });

    it('changes no password for an anonymous caller or an API client', async () => {
      const anonymous = await domainErrorOf(
        changePassword(
          { kind: 'anonymous', roles: [], scopes: [] },
          {
            currentPassword: 'a',
            newPassword: 'b',
          },
        ),
      );
      expect(anonymous).toMatchObject({ code: 'unauthenticated', status: 401 });
      const client = await domainErrorOf(
        changePassword(
          { kind: 'client', subject: 'klien-x', clientId: 'klien-x', roles: [], scopes: [] },
          { currentPassword: 'a', newPassword: 'b' },
        ),
      );
      expect(client).toMatchObject({ code: 'forbidden', status: 403 });
    });
  });

  describe('lockout', () => {
    it('locks an account after 5 failures: 429 with Retry-After, even for the right password', async () => {
      const applicant = await anApplicantAccount();
      for (let attempt = 1; attempt <= 5; attempt++) {
        const { response } = await logIn(applicant.nik, `salah-${attempt}-kali-ini`);
        expect(response.status).toBe(401);
      }
      // By the e-mail too: the count is the account's, not the identifier's.
      const locked = await logIn(applicant.email, applicant.password);
      expect(locked.response.status).toBe(429);
      const retryAfter = Number(locked.response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(locked.error).toMatchObject({ code: 'account_locked', status: 429 });

      const [row] = await queryServiceDb<{ failures: number; locked: boolean }>(
        ['identity'],
        `SELECT failures, locked_until > now() AS locked FROM login_failures WHERE account_key = $1`,
        [`applicant:${applicant.id}`],
      );
      expect(row).toEqual({ failures: 5, locked: true });
    });

    it('locks an unknown identifier the same way, so a lock tells nothing', async () => {
      const nobody = `nobody.${randomUUID()}@example.id`;
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect((await logIn(nobody, `tebakan-${attempt}-ke`)).response.status).toBe(401);
      }
      const locked = await logIn(nobody, 'tebakan-keenam');
      expect(locked.response.status).toBe(429);
      expect(locked.error).toMatchObject({ code: 'account_locked' });
    });

    it('starts the count over after a success', async () => {
      const officer = await anOfficerAccount(agency, ['VERIFIER']);
      for (let attempt = 1; attempt <= 4; attempt++) {
        expect((await logIn(officer.username, `salah-${attempt}-lagi`)).response.status).toBe(401);
      }
      await tokensOf(officer.username, officer.password);
      for (let attempt = 1; attempt <= 4; attempt++) {
        expect((await logIn(officer.username, `keliru-${attempt}-lagi`)).response.status).toBe(401);
      }
      expect((await logIn(officer.username, officer.password)).response.status).toBe(200);
    });

    it('counts wrong current passwords at a password change towards the lock', async () => {
      const applicant = await anApplicantAccount();
      const principal: Principal = {
        kind: 'applicant',
        subject: applicant.id,
        roles: [],
        scopes: [],
      };
      for (let attempt = 1; attempt <= 5; attempt++) {
        const refused = await domainErrorOf(
          changePassword(principal, {
            currentPassword: `bukan-${attempt}-sandinya`,
            newPassword: 'pisang-goreng-hangat',
          }),
        );
        expect(refused.status).toBe(422);
      }
      expect((await logIn(applicant.nik, applicant.password)).response.status).toBe(429);
    });
  });

  describe('pruning', () => {
    it('forgets failure counts and refresh tokens no decision needs any more', async () => {
      const key = (name: string) => `unknown:${name}-${randomUUID()}`;
      const [stale, locked, recent] = [key('stale'), key('locked'), key('recent')];
      await queryServiceDb(
        ['identity'],
        `INSERT INTO login_failures (account_key, failures, first_failed_at, locked_until) VALUES
           ($1, 3, now() - interval '1 hour', NULL),
           ($2, 5, now() - interval '20 minutes', now() + interval '5 minutes'),
           ($3, 2, now() - interval '1 minute', NULL)`,
        [stale, locked, recent],
      );
      const [old, young] = [randomUUID(), randomUUID()];
      await queryServiceDb(
        ['identity'],
        `INSERT INTO refresh_tokens (id, family_id, subject_kind, subject_id, token_hash, expires_at)
         VALUES ($1::uuid, $1::uuid, 'applicant', $1::uuid, sha256($1::text::bytea),
                 now() - interval '31 days'),
                ($2::uuid, $2::uuid, 'applicant', $2::uuid, sha256($2::text::bytea),
                 now() - interval '1 day')`,
        [old, young],
      );
      await eventually(async () => {
        await queryServiceDb(
          ['identity'],
          `UPDATE jobs SET due_at = now() WHERE kind = 'sessions.prune' AND state = 'pending'`,
        );
        const failures = await queryServiceDb<{ account_key: string }>(
          ['identity'],
          'SELECT account_key FROM login_failures WHERE account_key = ANY($1) ORDER BY account_key',
          [[stale, locked, recent]],
        );
        expect(failures.map((row) => row.account_key)).toEqual([locked, recent].sort());
        const tokens = await queryServiceDb<{ id: string }>(
          ['identity'],
          'SELECT id FROM refresh_tokens WHERE id = ANY($1)',
          [[old, young]],
        );
        expect(tokens).toEqual([{ id: young }]);
      });
    });
  });

  // Last: after every test above has sent its secrets through the services.
  describe('logs', () => {
    it('warn that the signing keys are sealed with the public development key', () => {
      expect(identity.logs()).toContain('sealed with the public development key');
    });

    it('hold no password, secret or token', () => {
      const logs = identity.logs() + gateway.logs();
      expect(logs).toContain('"route":"/v1/auth/login"');
      const checked = secrets.filter((secret) => secret.length >= 8);
      expect(checked.length).toBeGreaterThan(50);
      for (const secret of checked) expect(logs).not.toContain(secret);
    });
  });
});
