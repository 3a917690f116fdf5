import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFRESH_TOKEN_PATTERN, type IssuedTokensV1 } from '@satupintu/contracts';

/**
 * RFC 6749 §5.1, for both `POST /v1/auth/login` and `POST /v1/oauth/token`: one shape of token
 * answer, in OAuth's own field names, so a client handles one.
 */
export class TokenResponse {
  @ApiProperty({
    description:
      'An RFC 9068 access token (JWT, EdDSA): send it as `Authorization: Bearer`. Verifiable with `GET /v1/.well-known/jwks.json`',
    maxLength: 8192,
    example:
      'eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCIsImtpZCI6IlRrRjNuLTA5In0.eyJpc3MiOiJodHRwOi8vMTI3LjAuMC4xOjMwMDAiLCJhdWQiOiJzYXR1cGludHUtYXBpIn0.c2lnbmF0dXJl',
  })
  access_token: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  token_type: 'Bearer';

  @ApiProperty({
    description: 'Seconds the access token is valid',
    minimum: 1,
    maximum: 86400,
    example: 900,
  })
  expires_in: number;

  @ApiPropertyOptional({
    description:
      'People only: single use, for `grant_type=refresh_token`; each use answers with a new one. Using one twice revokes them all',
    minLength: 43,
    maxLength: 43,
    pattern: REFRESH_TOKEN_PATTERN.source,
    example: 'q0Zr3xk8H1wP5mJ2vN7cT4yL9bD6fG0sA3eR8uW1iKo',
  })
  refresh_token?: string;

  @ApiPropertyOptional({
    description: 'Seconds the refresh token is valid',
    minimum: 1,
    maximum: 31536000,
    example: 2592000,
  })
  refresh_token_expires_in?: number;

  @ApiPropertyOptional({
    description: 'API clients only: the scopes granted, space-separated',
    maxLength: 2048,
    example: 'applications:submit applications:read',
  })
  scope?: string;
}

export function toTokenResponse(tokens: IssuedTokensV1): TokenResponse {
  return {
    access_token: tokens.accessToken,
    token_type: tokens.tokenType,
    expires_in: tokens.expiresIn,
    ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
    ...(tokens.refreshExpiresIn ? { refresh_token_expires_in: tokens.refreshExpiresIn } : {}),
    ...(tokens.scope ? { scope: tokens.scope } : {}),
  };
}
