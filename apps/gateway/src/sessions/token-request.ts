import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import {
  REFRESH_TOKEN_PATTERN,
  SCOPE_PARAMETER_PATTERN,
  type IssueClientTokenV1,
  type RefreshSessionV1,
} from '@satupintu/contracts';

export const GRANT_TYPES = ['client_credentials', 'refresh_token'] as const;

/**
 * The form `POST /v1/oauth/token` takes (RFC 6749 §4.4.2, §6), for the OpenAPI document. The
 * body is read by `readTokenRequest`, not by the validation pipe: RFC 6749 §3.2 wants unknown
 * parameters ignored and repeated ones refused, which class validation does not do.
 */
export class TokenRequest {
  @ApiProperty({ enum: GRANT_TYPES, example: 'client_credentials' })
  grant_type: (typeof GRANT_TYPES)[number];

  @ApiPropertyOptional({
    description:
      'client_credentials: the client id, when the client does not authenticate with HTTP Basic',
    maxLength: 64,
    example: 'portal-nasional',
  })
  client_id?: string;

  @ApiPropertyOptional({
    description:
      'client_credentials: the client secret, when the client does not authenticate with HTTP Basic (`client_secret_post`)',
    maxLength: 256,
    example: 'Zq3v9Hk2Lw8Rt5Yx1Nb7Mc4Pd6Fs0Ga2Jh9Ke3Uw5Ti',
  })
  client_secret?: string;

  @ApiPropertyOptional({
    description:
      'client_credentials: the scopes wanted, space-separated; absent: all of the client’s',
    maxLength: 2048,
    example: 'applications:submit applications:read',
  })
  scope?: string;

  @ApiPropertyOptional({
    description: 'refresh_token: the refresh token of the previous answer; it is used up',
    minLength: 43,
    maxLength: 43,
    pattern: REFRESH_TOKEN_PATTERN.source,
    example: 'q0Zr3xk8H1wP5mJ2vN7cT4yL9bD6fG0sA3eR8uW1iKo',
  })
  refresh_token?: string;
}

export type TokenCall =
  | { grant: 'client_credentials'; request: IssueClientTokenV1 }
  | { grant: 'refresh_token'; request: RefreshSessionV1 };

const invalidRequest = (field: string, code = 'invalid') =>
  DomainError.validation([{ field, code }]);

/**
 * The token request from the form and the `Authorization` header. Pure. A client authenticates
 * either with HTTP Basic (`client_secret_basic`: id and secret form-urlencoded, then base64,
 * RFC 6749 §2.3.1) or with `client_id` and `client_secret` in the form, never both (§2.3).
 */
export function readTokenRequest(
  form: Record<string, unknown>,
  authorization: string | undefined,
): TokenCall {
  for (const [name, value] of Object.entries(form)) {
    if (Array.isArray(value)) throw invalidRequest(name);
  }
  const text = (name: string): string | undefined => {
    const value = form[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const grantType = text('grant_type');
  if (!grantType) throw invalidRequest('grant_type', 'required');
  if (grantType === 'refresh_token') {
    const refreshToken = text('refresh_token');
    if (!refreshToken) throw invalidRequest('refresh_token', 'required');
    // A malformed token is one we never issued: the same answer as any other bad token.
    if (!REFRESH_TOKEN_PATTERN.test(refreshToken)) throw new DomainError('invalid_grant', 401);
    return { grant: 'refresh_token', request: { refreshToken } };
  }
  if (grantType !== 'client_credentials') throw new DomainError('unsupported_grant_type', 400);

  const basic = basicCredentials(authorization);
  const posted = text('client_id') !== undefined || text('client_secret') !== undefined;
  if (basic && posted) throw invalidRequest('client_id');
  const clientId = basic?.clientId ?? text('client_id');
  const clientSecret = basic?.clientSecret ?? text('client_secret');
  if (!clientId || !clientSecret) throw new DomainError('invalid_client', 401);
  if (clientId.length > 64 || clientSecret.length > 256)
    throw new DomainError('invalid_client', 401);
  const scope = text('scope');
  if (scope !== undefined && (scope.length > 2048 || !SCOPE_PARAMETER_PATTERN.test(scope)))
    throw invalidRequest('scope');
  return {
    grant: 'client_credentials',
    request: { clientId, clientSecret, ...(scope ? { scope } : {}) },
  };
}

/** `Basic base64(urlencode(id):urlencode(secret))`, or undefined for no or another scheme. */
export function basicCredentials(
  authorization: string | undefined,
): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic +([A-Za-z0-9+/]+=*) *$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new DomainError('invalid_client', 401);
  try {
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
    return {
      clientId: decode(decoded.slice(0, colon)),
      clientSecret: decode(decoded.slice(colon + 1)),
    };
  } catch {
    throw new DomainError('invalid_client', 401);
  }
}
