import { Body, Controller, Headers, HttpCode, Post, Res, UseFilters } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { IssueClientToken, RefreshSession } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { ApiBodyProblems, noStore } from './auth.controller';
import { FORM_CONTENT_TYPE } from './form-body';
import { OAuthProblemFilter } from './oauth-problem.filter';
import {
  CLIENT_TOKEN_EXAMPLE,
  NO_STORE_HEADERS,
  PERSON_TOKENS_EXAMPLE,
  TOKEN_FORM_EXAMPLES,
} from './sessions.examples';
import { TokenRequest, readTokenRequest } from './token-request';
import { TokenResponse, toTokenResponse } from './token.response';

const INSTANCE = '/v1/oauth/token';

@ApiTags('sessions')
@Controller('v1/oauth')
@UseFilters(OAuthProblemFilter)
export class OAuthController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('token')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    operationId: 'issueToken',
    summary: 'Get an access token (OAuth 2.0 token endpoint)',
    description:
      'RFC 6749, with a form body (`application/x-www-form-urlencoded`). `grant_type=client_credentials` ' +
      '(§4.4): an API client authenticates with HTTP Basic (`client_secret_basic`: id and secret ' +
      'form-urlencoded, joined by `:`, then base64) or with `client_id` and `client_secret` in the form, not ' +
      'both; it gets an access token with its scopes, or those of them it asks for in `scope`. During a secret ' +
      'rotation the old secret works until it expires. `grant_type=refresh_token` (§6): a person trades a ' +
      'refresh token for a new access and refresh token; the old refresh token is used up, and presenting a ' +
      'used one again revokes every token of its family (someone else has a copy): sign in again. ' +
      'Unknown parameters are ignored; repeated ones are refused. Refusals are problem documents that carry ' +
      "RFC 6749's `error` and `error_description` too. A refused refresh token is answered 401 (not 400 " +
      'as §5.2 has it), like every other refused credential of this API.',
    security: [],
  })
  @ApiConsumes(FORM_CONTENT_TYPE)
  @ApiBody({ type: TokenRequest, examples: TOKEN_FORM_EXAMPLES })
  @ApiHeader({
    name: 'Authorization',
    required: false,
    description: 'client_secret_basic: `Basic base64(client_id:client_secret)`',
    schema: { type: 'string', maxLength: 1024, example: 'Basic cG9ydGFsLW5hc2lvbmFsOlpxM3Y5SGsy' },
  })
  @ApiResponse({
    status: 200,
    description: 'The token answer (RFC 6749 §5.1)',
    type: TokenResponse,
    headers: NO_STORE_HEADERS,
    examples: {
      client: { summary: 'Client credentials', value: CLIENT_TOKEN_EXAMPLE },
      refreshed: { summary: 'A refreshed pair', value: PERSON_TOKENS_EXAMPLE },
    },
  })
  @ApiProblemResponse(
    400,
    '`invalid_request` (a missing or repeated parameter), `unsupported_grant_type` or `invalid_scope`',
    {
      unsupported: {
        summary: 'grant_type=password is not offered',
        error: new DomainError('unsupported_grant_type', 400),
        instance: INSTANCE,
      },
      scope: {
        summary: 'A scope the client does not hold',
        error: new DomainError('invalid_scope', 400, [], { scope: 'agency:PUPR:work' }),
        instance: INSTANCE,
      },
      missing: {
        summary: 'No grant_type',
        error: DomainError.validation([{ field: 'grant_type', code: 'required' }]),
        instance: INSTANCE,
      },
    },
  )
  @ApiProblemResponse(
    401,
    '`invalid_client`: unknown or revoked client, wrong or expired secret; `invalid_grant`: a refresh token that is unknown, expired, revoked, or used before (its family is now revoked)',
    {
      client: {
        summary: 'Client authentication failed',
        error: new DomainError('invalid_client', 401),
        instance: INSTANCE,
      },
      grant: {
        summary: 'A refresh token used twice',
        error: new DomainError('invalid_grant', 401),
        instance: INSTANCE,
      },
    },
    {
      'WWW-Authenticate': {
        description: 'With `invalid_client`: the Basic challenge',
        required: false,
        schema: {
          type: 'string',
          maxLength: 100,
          example: 'Basic realm="satupintu", charset="UTF-8"',
        },
      },
    },
  )
  @ApiBodyProblems(INSTANCE, FORM_CONTENT_TYPE)
  @ApiUpstreamProblems('identity', INSTANCE)
  async token(
    @Body() form: Record<string, unknown>,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    noStore(reply);
    const call = readTokenRequest(form, authorization);
    const tokens =
      call.grant === 'client_credentials'
        ? await this.rpc.request(IssueClientToken, call.request)
        : await this.rpc.request(RefreshSession, call.request);
    return toTokenResponse(tokens);
  }
}
