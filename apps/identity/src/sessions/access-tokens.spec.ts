import { ACCESS_TOKEN_AUDIENCE, principalFromClaims, type Principal } from '@satupintu/contracts';
import { decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { accessTokenClaims, signAccessToken } from './access-tokens';

const issued = {
  issuer: 'https://mpp.example.go.id',
  now: new Date('2026-01-01T00:00:00.900Z'),
  jti: '2d5c3a4e-0b6f-4f0a-9a57-5f3c1e2d4b6a',
};
const iat = Date.parse('2026-01-01T00:00:00Z') / 1000;

describe('accessTokenClaims', () => {
  it('gives an applicant iss, aud, sub, iat, exp 15 minutes later, jti and its kind', () => {
    const applicant: Principal = { kind: 'applicant', subject: 'a-1', roles: [], scopes: [] };
    expect(accessTokenClaims(applicant, issued)).toEqual({
      iss: 'https://mpp.example.go.id',
      aud: ACCESS_TOKEN_AUDIENCE,
      sub: 'a-1',
      iat,
      exp: iat + 900,
      jti: issued.jti,
      sp: { kind: 'applicant', roles: [] },
    });
  });

  it('gives an officer its roles and agency', () => {
    const officer: Principal = {
      kind: 'officer',
      subject: 'o-1',
      roles: ['VERIFIER', 'APPROVER'],
      agency: 'DUKCAPIL',
      scopes: [],
    };
    expect(accessTokenClaims(officer, issued).sp).toEqual({
      kind: 'officer',
      roles: ['VERIFIER', 'APPROVER'],
      agency: 'DUKCAPIL',
    });
  });

  it('gives a client its client_id as subject, its scopes and agency', () => {
    const client: Principal = {
      kind: 'client',
      subject: 'dukcapil-sys',
      clientId: 'dukcapil-sys',
      roles: [],
      scopes: ['applications:read', 'agency:DUKCAPIL:work'],
      agency: 'DUKCAPIL',
    };
    const claims = accessTokenClaims(client, issued);
    expect(claims).toMatchObject({
      sub: 'dukcapil-sys',
      client_id: 'dukcapil-sys',
      scope: 'applications:read agency:DUKCAPIL:work',
      sp: { kind: 'client', roles: [], agency: 'DUKCAPIL' },
    });
    expect(principalFromClaims({ ...claims })).toEqual(client);
  });

  it('refuses anonymous and system principals', () => {
    expect(() => accessTokenClaims({ kind: 'anonymous', roles: [], scopes: [] }, issued)).toThrow();
    expect(() => accessTokenClaims({ kind: 'system', roles: [], scopes: [] }, issued)).toThrow();
  });
});

describe('signAccessToken', () => {
  it('signs EdDSA with typ at+jwt and the kid, verifiable with the public key alone', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const officer: Principal = {
      kind: 'officer',
      subject: 'o-1',
      roles: ['FRONT_DESK'],
      agency: 'PUPR',
      scopes: [],
    };
    const now = new Date();
    const claims = accessTokenClaims(officer, { ...issued, now });
    const token = await signAccessToken(claims, {
      kid: 'kid-1',
      privateKey: privateKey,
    });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'EdDSA', typ: 'at+jwt', kid: 'kid-1' });
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: issued.issuer,
      audience: ACCESS_TOKEN_AUDIENCE,
      typ: 'at+jwt',
      algorithms: ['EdDSA'],
    });
    expect(payload).toEqual(claims);
    expect((await exportJWK(publicKey)).crv).toBe('Ed25519');
  });
});
