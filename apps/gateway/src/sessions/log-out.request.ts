import { ApiProperty } from '@nestjs/swagger';
import { REFRESH_TOKEN_PATTERN, type LogOutV1 } from '@satupintu/contracts';
import { IsDefined, IsString, Matches } from 'class-validator';

export class LogOutRequest {
  @ApiProperty({
    description: 'The `refresh_token` of the latest token answer',
    minLength: 43,
    maxLength: 43,
    pattern: REFRESH_TOKEN_PATTERN.source,
    example: 'q0Zr3xk8H1wP5mJ2vN7cT4yL9bD6fG0sA3eR8uW1iKo',
  })
  @IsDefined()
  @IsString()
  @Matches(REFRESH_TOKEN_PATTERN, { context: { code: 'invalid' } })
  refreshToken: string;
}

export function toLogOutV1(body: LogOutRequest): LogOutV1 {
  return { refreshToken: body.refreshToken };
}
