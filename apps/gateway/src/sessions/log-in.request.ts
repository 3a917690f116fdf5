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

  @ApiProperty({
    description: 'The password',
    minLength: 1,
    maxLength: 1024,
    format: 'password',
    example: 'kopi-tubruk-di-pagi-hari',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

export function toLogInV1(body: LogInRequest): LogInV1 {
  return { identifier: body.identifier, password: body.password };
}
