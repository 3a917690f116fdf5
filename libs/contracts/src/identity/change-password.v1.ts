import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { defineRequest } from '../contract';

/**
 * The calling applicant or officer (from the request's principal, never the payload) changes
 * their password. The current one is checked (failures count towards the account's lockout),
 * the new one against the policy; every refresh token of the person is revoked.
 */
export class ChangePasswordV1 {
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  newPassword: string;
}

export interface PasswordChangedV1 {
  /** How many refresh tokens were revoked: the person signs in again everywhere. */
  revokedRefreshTokens: number;
}

export const ChangePassword = defineRequest<ChangePasswordV1, PasswordChangedV1>({
  subject: 'identity.password.change.v1',
  service: 'identity',
  payload: ChangePasswordV1,
});
