import { IsDefined, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import type { IssuedTokensV1 } from './log-in.v1';

/** The shape of a refresh token: 256 random bits, base64url. */
export const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new token pair for a refresh token, which is used up (rotation). Presenting a used one again
 * revokes its whole family, the newest token too: someone else has a copy. Any refusal is
 * `invalid_grant` (401).
 */
export class RefreshSessionV1 {
  @IsDefined()
  @IsString()
  @Matches(REFRESH_TOKEN_PATTERN, { context: { code: 'invalid' } })
  refreshToken: string;
}

export const RefreshSession = defineRequest<RefreshSessionV1, IssuedTokensV1>({
  subject: 'identity.session.refresh.v1',
  service: 'identity',
  payload: RefreshSessionV1,
});
