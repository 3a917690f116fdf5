import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_TTL_SECONDS,
  ACCESS_TOKEN_TYPE,
  principalClaims,
  type AccessTokenClaims,
  type Principal,
} from '@satupintu/contracts';
import { SignJWT } from 'jose';
import type { ActiveSigningKey } from '../keys/signing-keys';

/** The full claim set of an access token for this principal (RFC 9068). Pure. */
export function accessTokenClaims(
  principal: Principal,
  issued: { issuer: string; now: Date; jti: string },
): AccessTokenClaims {
  const iat = Math.floor(issued.now.getTime() / 1000);
  return {
    iss: issued.issuer,
    aud: ACCESS_TOKEN_AUDIENCE,
    ...principalClaims(principal),
    iat,
    exp: iat + ACCESS_TOKEN_TTL_SECONDS,
    jti: issued.jti,
  };
}

/** EdDSA over the claims, with `typ: at+jwt` and the key's `kid` in the header. */
export function signAccessToken(claims: AccessTokenClaims, key: ActiveSigningKey): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'EdDSA', typ: ACCESS_TOKEN_TYPE, kid: key.kid })
    .sign(key.privateKey);
}
