import { type ApiClient, createApiClient } from '@satupintu/api-client';
import {
  INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY,
  keyEncryptionKeyFrom,
  openSealedJwk,
} from '@satupintu/common';
import { ServiceProcess, eventually, queryServiceDb } from '@satupintu/testing';
import {
  type JSONWebKeySet,
  type JWTPayload,
  SignJWT,
  base64url,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  generateKeyPair,
  importJWK,
  jwtVerify,
} from 'jose';
import { anApplicantAccount } from './accounts.factories';

// What any verifier outside the project would check, written here with nothing but jose:
// the gateway relies on exactly these properties of identity's tokens.
const EXPECTED = {
  issuer: 'http://127.0.0.1:3000',
  audience: 'satupintu-api',
  typ: 'at+jwt',
  algorithms: ['EdDSA'],
};

/**
 * Identity's access tokens verified with the public JWKS alone, fetched from the gateway, and a
 * generic JOSE library; tokens that are unsigned, signed by another key, for another audience or
 * issuer, or expired are refused by that same verification. Then a key rotation: the old key's
 * tokens verify until it is retired.
 */
describe('access tokens verified with the public JWKS alone', () => {
  let identity: ServiceProcess;
  let gateway: ServiceProcess;
  let api: ApiClient;

  beforeAll(async () => {
    identity = await ServiceProcess.start('identity');
    gateway = await ServiceProcess.start('gateway');
    api = createApiClient(gateway.url);
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), identity?.stop()]);
  });

  const fetchJwks = async (): Promise<JSONWebKeySet> => {
    const { data, response } = await api.GET('/v1/.well-known/jwks.json');
    expect(response.status).toBe(200);
    return data as JSONWebKeySet;
  };

  const verify = async (token: string, jwks?: JSONWebKeySet) =>
    jwtVerify(token, createLocalJWKSet(jwks ?? (await fetchJwks())), EXPECTED);

  const accessToken = async (): Promise<string> => {
    const applicant = await anApplicantAccount();
    const { data } = await api.POST('/v1/auth/login', {
      body: { identifier: applicant.nik, password: applicant.password },
    });
    if (!data) throw new Error('sign-in refused');
    return data.access_token;
  };

  /** The active key's private half, opened with the (public) development key-encryption key. */
  const identitysOwnKey = async () => {
    const [row] = await queryServiceDb<{ kid: string; sealed: Buffer }>(
      ['identity'],
      `SELECT kid, private_jwk_sealed AS sealed FROM signing_keys WHERE state = 'active'`,
    );
    const kek = keyEncryptionKeyFrom(INSECURE_DEVELOPMENT_KEY_ENCRYPTION_KEY);
    return { kid: row.kid, key: await importJWK(openSealedJwk(row.sealed, kek, row.kid), 'EdDSA') };
  };

  /** A token signed with identity's own key, with claims changed: only the claims are wrong. */
  const tampered = async (genuine: string, changes: JWTPayload) => {
    const { kid, key } = await identitysOwnKey();
    return new SignJWT({ ...decodeJwt(genuine), ...changes })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid })
      .sign(key);
  };

  it('publishes public keys only, cacheable for a few minutes', async () => {
    const { response } = await api.GET('/v1/.well-known/jwks.json');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const jwks = await fetchJwks();
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
  });

  it('verifies an issued access token', async () => {
    const token = await accessToken();
    const { payload, protectedHeader } = await verify(token);
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt' });
    expect(payload).toMatchObject({ aud: 'satupintu-api', sp: { kind: 'applicant' } });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const token = await accessToken();
    const { kid } = decodeProtectedHeader(token);
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid }));
    const unsigned = `${header}.${token.split('.')[1]}.`;
    await expect(verify(unsigned)).rejects.toThrow();
  });

  it('refuses a token signed by another key under the same kid', async () => {
    const token = await accessToken();
    const { kid } = decodeProtectedHeader(token);
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT(decodeJwt(token))
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid })
      .sign(privateKey);
    await expect(verify(forged)).rejects.toThrow(/signature/);
  });

  it('refuses a token for another audience, from another issuer, or expired', async () => {
    const genuine = await accessToken();
    // The control: re-signed unchanged with identity's key, it verifies.
    await expect(verify(await tampered(genuine, {}))).resolves.toBeDefined();
    await expect(verify(await tampered(genuine, { aud: 'another-api' }))).rejects.toThrow(/aud/);
    await expect(verify(await tampered(genuine, { iss: 'https://evil.example' }))).rejects.toThrow(
      /iss/,
    );
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expect(verify(await tampered(genuine, { iat: past - 900, exp: past }))).rejects.toThrow(
      /exp/,
    );
  });

  it("rotates keys without downtime: the old key's tokens verify until it is retired", async () => {
    const runRotationNow = () =>
      queryServiceDb(
        ['identity'],
        `UPDATE jobs SET due_at = now() WHERE kind = 'signing-keys.rotate' AND state = 'pending'`,
      );
    const keys = () =>
      queryServiceDb<{ kid: string; state: string }>(
        ['identity'],
        `SELECT kid, state FROM signing_keys ORDER BY created_at`,
      );
    const kidOf = (token: string) => decodeProtectedHeader(token).kid!;

    const oldToken = await accessToken();
    const oldKid = kidOf(oldToken);

    // The active key has signed for longer than the rotation period: a successor is made and
    // published, but does not sign yet.
    await queryServiceDb(
      ['identity'],
      `UPDATE signing_keys SET activated_at = now() - interval '31 days' WHERE kid = $1`,
      [oldKid],
    );
    const nextKid = await eventually(async () => {
      await runRotationNow();
      const next = (await keys()).find((key) => key.state === 'next');
      expect(next).toBeDefined();
      return next!.kid;
    });
    expect((await fetchJwks()).keys.map((key) => key.kid)).toEqual(
      expect.arrayContaining([oldKid, nextKid]),
    );
    expect(kidOf(await accessToken())).toBe(oldKid);

    // Published long enough: the successor signs, the old key is retiring.
    await queryServiceDb(
      ['identity'],
      `UPDATE signing_keys SET created_at = now() - interval '2 hours' WHERE kid = $1`,
      [nextKid],
    );
    await eventually(async () => {
      await runRotationNow();
      expect(await keys()).toEqual(
        expect.arrayContaining([
          { kid: oldKid, state: 'retiring' },
          { kid: nextKid, state: 'active' },
        ]),
      );
    });
    const newToken = await accessToken();
    expect(kidOf(newToken)).toBe(nextKid);
    const during = await fetchJwks();
    await expect(verify(oldToken, during)).resolves.toBeDefined();
    await expect(verify(newToken, during)).resolves.toBeDefined();

    // Retiring for longer than a token lives: retired, no longer published.
    await queryServiceDb(
      ['identity'],
      `UPDATE signing_keys SET retiring_at = now() - interval '1 hour' WHERE kid = $1`,
      [oldKid],
    );
    await eventually(async () => {
      await runRotationNow();
      expect(await keys()).toContainEqual({ kid: oldKid, state: 'retired' });
    });
    const after = await fetchJwks();
    expect(after.keys.map((key) => key.kid)).not.toContain(oldKid);
    await expect(verify(oldToken, after)).rejects.toThrow();
    await expect(verify(newToken, after)).resolves.toBeDefined();

    const active = (await keys()).filter((key) => key.state === 'active');
    expect(active).toEqual([{ kid: nextKid, state: 'active' }]);
  });
});
