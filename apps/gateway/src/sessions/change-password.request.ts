import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordV1, PasswordChangedV1 } from '@satupintu/contracts';
import { PasswordInput } from './log-in.request';

export class ChangePasswordRequest {
  @PasswordInput('The password now')
  currentPassword: string;

  @PasswordInput(
    'The new password: 10 to 128 characters, not a common one, not containing the NIK, username, e-mail or name',
    'teh-manis-dan-pisang-goreng',
  )
  newPassword: string;
}

export class PasswordChangedResponse {
  @ApiProperty({
    description: 'Refresh tokens revoked: every device signs in again',
    minimum: 0,
    maximum: 1000000,
    example: 2,
  })
  revokedRefreshTokens: number;
}

export function toChangePasswordV1(body: ChangePasswordRequest): ChangePasswordV1 {
  return { currentPassword: body.currentPassword, newPassword: body.newPassword };
}

export function toPasswordChangedResponse(answer: PasswordChangedV1): PasswordChangedResponse {
  return { revokedRefreshTokens: answer.revokedRefreshTokens };
}
