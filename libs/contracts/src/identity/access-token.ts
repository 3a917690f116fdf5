import { PRINCIPAL_KINDS, ROLES, type Principal, type Role } from '../caller/principal';

/**
 * The access token the identity service signs and the gateway verifies: a JWT after RFC 9068
 * (`typ: at+jwt`), signed with an asymmetric key whose public half is in the JWKS. Anyone with
 * the JWKS can verify it; the gateway turns it into the request's principal.
 */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** `aud` of every access token: the SatuPintu API behind the gateway. */
export const ACCESS_TOKEN_AUDIENCE = 'satupintu-api';
/** People get short-lived tokens and refresh them; clients ask again. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface AccessTokenClaims {
  iss: string;
  aud: string;
  /** The applicant's, officer's or API client's id. */
  sub: string;
  exp: number;
  iat: number;
  jti: string;
  /** RFC 9068: the OAuth client the token was issued to (API clients only). */
  client_id?: string;
  /** RFC 9068: space-separated scopes (API clients). */
  scope?: string;
  /** What SatuPintu needs besides: the kind of caller, roles and agency (officers, clients). */
  sp: { kind: 'applicant' | 'officer' | 'client'; roles: Role[]; agency?: string };
}

/** The claims of a token for this principal (without iss, aud, exp, iat, jti: the signer's). */
export function principalClaims(
  principal: Principal,
): Pick<AccessTokenClaims, 'sub' | 'client_id' | 'scope' | 'sp'> {
  if (principal.kind === 'anonymous' || principal.kind === 'system' || !principal.subject)
    throw new Error(`no access token for a ${principal.kind} principal`);
  return {
    sub: principal.subject,
    ...(principal.clientId ? { client_id: principal.clientId } : {}),
    ...(principal.scopes.length > 0 ? { scope: principal.scopes.join(' ') } : {}),
    sp: {
      kind: principal.kind,
      roles: principal.roles,
      ...(principal.agency ? { agency: principal.agency } : {}),
    },
  };
}

/**
 * The principal a verified token speaks for. The signature, `iss`, `aud` and `exp` are the
 * verifier's business; this checks the shape of what SatuPintu put in, and answers undefined
 * for anything it did not put there.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal | undefined {
  const sp = claims.sp as AccessTokenClaims['sp'] | undefined;
  if (typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 128)
    return undefined;
  if (!sp || typeof sp !== 'object') return undefined;
  if (!PRINCIPAL_KINDS.includes(sp.kind) || !['applicant', 'officer', 'client'].includes(sp.kind))
    return undefined;
  if (!Array.isArray(sp.roles) || !sp.roles.every((role) => ROLES.includes(role))) return undefined;
  if (sp.agency !== undefined && !/^[A-Z0-9-]{2,32}$/.test(String(sp.agency))) return undefined;
  const scope = claims.scope;
  if (scope !== undefined && typeof scope !== 'string') return undefined;
  const clientId = claims.client_id;
  if (clientId !== undefined && typeof clientId !== 'string') return undefined;
  if (sp.kind === 'client' && !clientId) return undefined;
  return {
    kind: sp.kind,
    subject: claims.sub,
    roles: sp.roles,
    ...(sp.agency ? { agency: sp.agency } : {}),
    scopes: scope ? scope.split(' ').filter(Boolean) : [],
    ...(clientId ? { clientId } : {}),
  };
}
