import { ApiPropertyOptional } from '@nestjs/swagger';
import { REFRESH_TOKEN_PATTERN, type LogOutV1 } from '@satupintu/contracts';
import { IsOptional, IsString, Matches } from 'class-validator';

export class LogOutRequest {
  @ApiPropertyOptional({
    description:
      'The `refresh_token` of the latest token answer; without it, the person of the access token is signed out',
    minLength: 43,
    maxLength: 43,
    pattern: REFRESH_TOKEN_PATTERN.source,
    example: 'q0Zr3xk8H1wP5mJ2vN7cT4yL9bD6fG0sA3eR8uW1iKo',
  })
  @IsOptional()
  @IsString()
  @Matches(REFRESH_TOKEN_PATTERN, { context: { code: 'invalid' } })
  refreshToken?: string;
}

export function toLogOutV1(body: LogOutRequest): LogOutV1 {
  return body.refreshToken === undefined ? {} : { refreshToken: body.refreshToken };
}
