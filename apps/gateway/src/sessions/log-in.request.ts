import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { LogInV1 } from '@satupintu/contracts';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LogInRequest {
  @ApiProperty({
    description: "An applicant's NIK (16 digits) or e-mail, or an officer's username",
    minLength: 1,
    maxLength: 254,
    example: '3201014506900001',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  identifier: string;

  @PasswordInput('The password')
  password: string;
}

/**
 * A password as a body field: any text up to 1024 characters (the policy, 10 to 128, is
 * identity's to apply to a new password; an old one is only compared).
 */
export function PasswordInput(description: string, example = 'kopi-tubruk-di-pagi-hari') {
  return applyDecorators(
    ApiProperty({ description, minLength: 1, maxLength: 1024, format: 'password', example }),
    IsDefined(),
    IsString(),
    IsNotEmpty(),
    MaxLength(1024),
  );
}

export function toLogInV1(body: LogInRequest): LogInV1 {
  return { identifier: body.identifier, password: body.password };
}
