import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { GetJwks } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access';
import { ApiUpstreamProblems } from '../openapi/problem.responses';
import { JwksResponse, toJwksResponse } from './jwks.response';
import { JWKS_EXAMPLE } from './sessions.examples';

/** A new key is published an hour before it signs: five minutes of caching loses nothing. */
export const JWKS_MAX_AGE_SECONDS = 300;

@ApiTags('sessions')
@Controller('v1/.well-known')
export class JwksController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('jwks.json')
  @Public()
  @ApiOperation({
    operationId: 'getJwks',
    summary: 'The public keys that sign access tokens',
    description:
      'RFC 7517 JSON Web Key Set: the key that signs now, the one that will sign next (published an hour ' +
      'ahead), and those that signed tokens still valid. Anyone can verify an access token with it and any ' +
      'JOSE library: EdDSA, `typ: at+jwt`, `iss` this API’s URL, `aud` `satupintu-api`. Cacheable for 5 minutes; ' +
      'fetch it again when a token names a `kid` not in it.',
    security: [],
  })
  @ApiResponse({
    status: 200,
    description: 'The key set',
    type: JwksResponse,
    headers: {
      'Cache-Control': {
        description: 'Public, for 5 minutes',
        required: true,
        schema: { type: 'string', maxLength: 40, example: 'public, max-age=300' },
      },
    },
    examples: { keys: { summary: 'One Ed25519 key', value: JWKS_EXAMPLE } },
  })
  @ApiUpstreamProblems('identity', '/v1/.well-known/jwks.json')
  async jwks(@Res({ passthrough: true }) reply: FastifyReply): Promise<JwksResponse> {
    const jwks = toJwksResponse(await this.rpc.request(GetJwks, {}));
    void reply.header('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
    return jwks;
  }
}
