import { IsOptional, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import { REFRESH_TOKEN_PATTERN } from './refresh-session.v1';

/**
 * Signs a person out everywhere: every refresh token they have is revoked. The person is the
 * holder of the refresh token given, or else the caller (an applicant or officer, from the
 * request's principal); neither is a 401. Access tokens already issued live out their 15
 * minutes. A refresh token that is unknown, expired or already revoked changes nothing and is
 * not an error (RFC 7009 §2.2).
 */
export class LogOutV1 {
  @IsOptional()
  @IsString()
  @Matches(REFRESH_TOKEN_PATTERN, { context: { code: 'invalid' } })
  refreshToken?: string;
}

export interface LoggedOutV1 {
  /** How many refresh tokens were revoked. */
  revoked: number;
}

export const LogOut = defineRequest<LogOutV1, LoggedOutV1>({
  subject: 'identity.session.log-out.v1',
  service: 'identity',
  payload: LogOutV1,
});
