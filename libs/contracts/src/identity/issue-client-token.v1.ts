import { IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { defineRequest } from '../contract';
import type { IssuedTokensV1 } from './log-in.v1';

/** RFC 6749 §3.3: scope tokens (printable ASCII but `"` and `\\`), separated by one space. */
export const SCOPE_PARAMETER_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): an API client (agency system, kiosk, portal)
 * authenticates with its id and a secret that has not expired, and gets an access token with
 * its scopes (or the subset it asks for). A revoked client, an unknown one and a wrong or
 * expired secret are all `invalid_client` (401); a scope it does not hold is `invalid_scope`.
 */
export class IssueClientTokenV1 {
  @IsDefined()
  @IsString()
  @MaxLength(64)
  clientId: string;

  @IsDefined()
  @IsString()
  @MaxLength(256)
  clientSecret: string;

  /** Space-separated; absent: every scope of the client. */
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @Matches(SCOPE_PARAMETER_PATTERN, { context: { code: 'invalid' } })
  scope?: string;
}

export const IssueClientToken = defineRequest<IssueClientTokenV1, IssuedTokensV1>({
  subject: 'identity.client.issue-token.v1',
  service: 'identity',
  payload: IssueClientTokenV1,
});
