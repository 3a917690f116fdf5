import { IsDefined, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import { REFRESH_TOKEN_PATTERN } from './refresh-session.v1';

/**
 * Signs the person holding this refresh token out everywhere: every refresh token they have is
 * revoked. Access tokens already issued live out their 15 minutes. A token that is unknown,
 * expired or already revoked changes nothing and is not an error (RFC 7009 §2.2).
 */
export class LogOutV1 {
  @IsDefined()
  @IsString()
  @Matches(REFRESH_TOKEN_PATTERN, { context: { code: 'invalid' } })
  refreshToken: string;
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
