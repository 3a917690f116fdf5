import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { defineRequest } from '../contract';

/**
 * A person signs in: an applicant by NIK or e-mail, an officer by username, with a password.
 * Refused as `invalid_credentials` (401) whatever was wrong, or `account_locked` (429) after
 * repeated failures; an unknown identifier costs as much time as a wrong password.
 */
export class LogInV1 {
  /** A 16-digit NIK, an e-mail address, or an officer's username. */
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  identifier: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

/** What a person or client gets: an access token, and for people a refresh token. */
export interface IssuedTokensV1 {
  /** RFC 9068 JWT (`typ: at+jwt`), verifiable with the JWKS. */
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token is valid. */
  expiresIn: number;
  /** People only: opaque, single use (each refresh gives a new one). */
  refreshToken?: string;
  /** Seconds the refresh token is valid. */
  refreshExpiresIn?: number;
  /** Clients only: the scopes granted, space-separated. */
  scope?: string;
}

export const LogIn = defineRequest<LogInV1, IssuedTokensV1>({
  subject: 'identity.session.log-in.v1',
  service: 'identity',
  payload: LogInV1,
});
