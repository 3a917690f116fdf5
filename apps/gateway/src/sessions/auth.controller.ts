import { Body, Controller, HttpCode, Post, Res, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { ChangePassword, LogIn, LogOut } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { Callers, Public } from '../auth/access';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import {
  ChangePasswordRequest,
  PasswordChangedResponse,
  toChangePasswordV1,
  toPasswordChangedResponse,
} from './change-password.request';
import { LogInRequest, toLogInV1 } from './log-in.request';
import { LogOutRequest, toLogOutV1 } from './log-out.request';
import {
  CHANGE_PASSWORD_EXAMPLE,
  LOG_IN_EXAMPLES,
  NO_STORE_HEADERS,
  PERSON_TOKENS_EXAMPLE,
} from './sessions.examples';
import { TokenResponse, toTokenResponse } from './token.response';

/** RFC 6749 §5.1: an answer with a token is never stored by a cache. */
export function noStore(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
}

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds until the account is unlocked',
    required: true,
    schema: { type: 'integer', minimum: 1, maximum: 3600, example: 840 },
  },
};

/** 413 and 415: what the body parser refuses before the route runs. */
export const ApiBodyProblems = (instance: string, contentType = 'application/json') =>
  applyDecorators(
    ApiProblemResponse(413, 'The body is larger than 64 KiB', {
      tooLarge: {
        summary: 'A body over the limit',
        error: new DomainError('payload_too_large', 413, [], { limit: 65536 }),
        instance,
      },
    }),
    ApiProblemResponse(415, `The body is not sent as \`${contentType}\``, {
      wrongType: {
        summary: 'A body of another content type',
        error: new DomainError('unsupported_media_type', 415),
        instance,
      },
    }),
  );

@ApiTags('sessions')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    operationId: 'logIn',
    summary: 'Sign in as a person',
    description:
      'An applicant signs in with their NIK or e-mail, an officer with their username, and a password. ' +
      'The answer has an access token (15 minutes; send it as `Authorization: Bearer`) and a refresh token ' +
      '(30 days, single use: `POST /v1/oauth/token` with `grant_type=refresh_token`). Every refusal reads ' +
      'the same, whether the account exists or not. After 5 failed attempts within 15 minutes the account ' +
      '(or the unknown identifier) is locked for 15 minutes: 429 with `Retry-After`, the password not even checked. ' +
      'API clients use `POST /v1/oauth/token` instead.',
    security: [],
  })
  @ApiBody({ type: LogInRequest, examples: LOG_IN_EXAMPLES })
  @ApiResponse({
    status: 200,
    description: 'Signed in',
    type: TokenResponse,
    headers: NO_STORE_HEADERS,
    examples: {
      signedIn: { summary: 'An access and a refresh token', value: PERSON_TOKENS_EXAMPLE },
    },
  })
  @ApiProblemResponse(400, 'The body is not JSON, or a field is missing or too long', {
    missing: {
      summary: 'No password',
      error: DomainError.validation([{ field: 'password', code: 'required' }]),
      instance: '/v1/auth/login',
    },
  })
  @ApiProblemResponse(401, 'Unknown identifier, wrong password, or a deactivated officer', {
    invalid: {
      summary: 'The same answer for every one of them',
      error: new DomainError('invalid_credentials', 401),
      instance: '/v1/auth/login',
    },
  })
  @ApiProblemResponse(
    429,
    'Too many failed attempts on this account: locked for a while',
    {
      locked: {
        summary: 'Locked for 14 more minutes',
        error: new DomainError('account_locked', 429, [], { retryAfterSeconds: 840 }),
        instance: '/v1/auth/login',
      },
    },
    RETRY_AFTER,
  )
  @ApiBodyProblems('/v1/auth/login')
  @ApiUpstreamProblems('identity', '/v1/auth/login')
  async logIn(
    @Body() body: LogInRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    noStore(reply);
    return toTokenResponse(await this.rpc.request(LogIn, toLogInV1(body)));
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({
    operationId: 'logOut',
    summary: 'Sign out everywhere',
    description:
      'Revokes every refresh token of a person: each of their devices signs in again. The person is the ' +
      'holder of the refresh token in the body (it is its own credential: no access token is needed), or, ' +
      'with an empty body, the applicant or officer of the access token sent (`Authorization: Bearer`); ' +
      'neither is a 401. Access tokens already issued stay valid until they expire (at most 15 minutes). ' +
      'A refresh token that is unknown, expired or already revoked changes nothing and is not an error ' +
      '(RFC 7009 §2.2).',
    security: [],
  })
  @ApiBody({
    type: LogOutRequest,
    examples: {
      logOut: {
        summary: 'With the latest refresh token',
        value: { refreshToken: PERSON_TOKENS_EXAMPLE.refresh_token },
      },
      bearer: { summary: 'The person of the access token sent', value: {} },
    },
  })
  @ApiResponse({ status: 204, description: 'Signed out (or there was nothing to sign out)' })
  @ApiProblemResponse(401, 'No refresh token, and no valid access token of a person', {
    nobody: {
      summary: 'An empty body without a token',
      error: new DomainError('unauthenticated', 401, [], { resource: 'sessions' }),
      instance: '/v1/auth/logout',
    },
  })
  @ApiProblemResponse(403, 'No refresh token, and the access token of an API client', {
    client: {
      summary: 'An API client has no sessions',
      error: new DomainError('forbidden', 403, [], { resource: 'sessions' }),
      instance: '/v1/auth/logout',
    },
  })
  @ApiProblemResponse(400, 'The body is not JSON, or the refresh token is missing or malformed', {
    malformed: {
      summary: 'Not a refresh token',
      error: DomainError.validation([{ field: 'refreshToken', code: 'invalid' }]),
      instance: '/v1/auth/logout',
    },
  })
  @ApiBodyProblems('/v1/auth/logout')
  @ApiUpstreamProblems('identity', '/v1/auth/logout')
  async logOut(@Body() body: LogOutRequest): Promise<void> {
    await this.rpc.request(LogOut, toLogOutV1(body));
  }

  @Post('password')
  @HttpCode(200)
  @Callers({ applicant: true, officer: true })
  @ApiOperation({
    operationId: 'changePassword',
    summary: 'Change my password',
    description:
      'The signed-in applicant or officer changes their password. The current password is checked, and a ' +
      'wrong one counts as a failed sign-in (the account locks after 5). The new one must be 10 to 128 ' +
      'characters, not a common password, and not contain the NIK, username, e-mail or name. Every refresh ' +
      'token of the person is revoked: every device signs in again.',
    security: [{ bearer: [] }],
  })
  @ApiBody({
    type: ChangePasswordRequest,
    examples: { change: { summary: 'A new passphrase', value: CHANGE_PASSWORD_EXAMPLE } },
  })
  @ApiResponse({
    status: 200,
    description: 'Changed; the refresh tokens are revoked',
    type: PasswordChangedResponse,
    examples: {
      changed: { summary: 'Two devices signed out', value: { revokedRefreshTokens: 2 } },
    },
  })
  @ApiProblemResponse(400, 'The body is not JSON, or a field is missing or too long', {
    missing: {
      summary: 'No new password',
      error: DomainError.validation([{ field: 'newPassword', code: 'required' }]),
      instance: '/v1/auth/password',
    },
  })
  @ApiProblemResponse(401, 'No access token, or one that is not valid', {
    unauthenticated: {
      summary: 'Without a token',
      error: new DomainError('unauthenticated', 401, [], { resource: 'password' }),
      instance: '/v1/auth/password',
    },
  })
  @ApiProblemResponse(403, 'An API client: only people have passwords', {
    client: {
      summary: 'Called with a client token',
      error: new DomainError('forbidden', 403, [], { resource: 'password' }),
      instance: '/v1/auth/password',
    },
  })
  @ApiProblemResponse(
    422,
    'The current password is wrong, or the new one is refused by the policy',
    {
      wrongCurrent: {
        summary: 'The current password is wrong',
        error: DomainError.validation(
          [{ field: 'currentPassword', code: 'current_password_wrong' }],
          422,
        ),
        instance: '/v1/auth/password',
      },
      common: {
        summary: 'The new password is a common one',
        error: DomainError.validation([{ field: 'newPassword', code: 'password_common' }], 422),
        instance: '/v1/auth/password',
      },
    },
  )
  @ApiProblemResponse(
    429,
    'Too many wrong current passwords: the account is locked for a while',
    {
      locked: {
        summary: 'Locked for 14 more minutes',
        error: new DomainError('account_locked', 429, [], { retryAfterSeconds: 840 }),
        instance: '/v1/auth/password',
      },
    },
    RETRY_AFTER,
  )
  @ApiBodyProblems('/v1/auth/password')
  @ApiUpstreamProblems('identity', '/v1/auth/password')
  async changePassword(@Body() body: ChangePasswordRequest): Promise<PasswordChangedResponse> {
    return toPasswordChangedResponse(
      await this.rpc.request(ChangePassword, toChangePasswordV1(body)),
    );
  }
}
