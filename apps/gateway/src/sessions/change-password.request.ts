import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordV1, PasswordChangedV1 } from '@satupintu/contracts';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ChangePasswordRequest {
  @ApiProperty({
    description: 'The password now',
    minLength: 1,
    maxLength: 1024,
    format: 'password',
    example: 'kopi-tubruk-di-pagi-hari',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({
    description:
      'The new password: 10 to 128 characters, not a common one, not containing the NIK, username, e-mail or name',
    minLength: 10,
    maxLength: 1024,
    format: 'password',
    example: 'teh-manis-dan-pisang-goreng',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
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
