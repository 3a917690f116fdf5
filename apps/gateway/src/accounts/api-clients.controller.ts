import { Body, Controller, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { CreateApiClient, RevokeApiClient, RotateClientSecret } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers } from '../auth/access';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import { ApiProblemResponse } from '../openapi/problem.responses';
import { CLIENT_ID, CLIENT_ID_PATTERN, pathParam } from './account-formats';
import { ApiAccountAccess, ApiBodyProblems, BEARER } from './accounts.openapi';
import { CreateApiClientRequest, toCreateApiClientV1 } from './api-client.request';
import {
  ApiClientCreatedResponse,
  ApiClientResponse,
  CLIENT_EXAMPLE,
  SecretRotatedResponse,
  toApiClientCreatedResponse,
  toApiClientResponse,
  toSecretRotatedResponse,
} from './api-client.response';

const MANAGERS = 'The caller is not a mall admin or an agency admin, or asks for what they may not';
const ONE = `/v1/clients/${CLIENT_EXAMPLE.clientId}`;
const CLIENT_PARAM = {
  name: 'clientId',
  description: 'The public client id',
  schema: { type: 'string', maxLength: CLIENT_ID.maxLength, pattern: CLIENT_ID.pattern },
  example: CLIENT_EXAMPLE.clientId,
};
const NOT_FOUND = {
  notFound: {
    summary: 'Not a client the caller manages',
    error: new DomainError('client_not_found', 404, [], { clientId: CLIENT_EXAMPLE.clientId }),
    instance: ONE,
  },
};

/**
 * A replay whose kept secret no longer opens (identity's key-encryption key changed within the
 * key's 24 hours): the first request was done, its secret cannot be shown again.
 */
function answerUnavailable(instance: string, operation: string) {
  return {
    summary: 'A replay whose secret can no longer be shown',
    error: new DomainError('idempotency_answer_unavailable', 409, [], {
      operation,
    }),
    instance,
  };
}

@ApiTags('clients')
@Controller('v1/clients')
@Callers({ officer: ['MALL_ADMIN', 'AGENCY_ADMIN'] })
export class ApiClientsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'createApiClient',
    summary: 'Add an API client',
    description:
      'A mall admin adds an agency system, a kiosk or the national portal; an agency admin adds their own ' +
      "agency's system. The answer carries the client's secret, once: SatuPintu keeps only its argon2id hash " +
      '(and, for a retry under the same `Idempotency-Key`, the answer with the secret sealed, for 24 hours). ' +
      'Scopes are checked against the kind (an agency system works only its own agency).',
    security: BEARER,
  })
  @ApiBody({
    type: CreateApiClientRequest,
    examples: {
      system: {
        summary: "Dukcapil's own system",
        value: {
          clientId: 'dukcapil-simduk',
          name: 'SIMDUK Dukcapil',
          kind: 'AGENCY_SYSTEM',
          agencyCode: 'DUKCAPIL',
          scopes: ['agency:DUKCAPIL:work'],
        } satisfies CreateApiClientRequest,
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'Added; the secret is in this answer only (and in its replays)',
    type: ApiClientCreatedResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      added: {
        summary: 'Added',
        value: {
          client: CLIENT_EXAMPLE,
          secret: 'sps_Hx3V0c9Q2rJmYbT8kP1sLwZ4nE7aFgU6dC5iRoXyMqA',
        },
      },
    },
  })
  @ApiBodyProblems(
    '/v1/clients',
    DomainError.validation([{ field: 'kind', code: 'must_be_one_of' }]),
    'An unknown kind',
    invalidIdempotencyKeyExample('/v1/clients'),
  )
  @ApiIdempotencyKey('/v1/clients', {
    409: {
      description: 'The client id is taken',
      examples: {
        taken: {
          summary: 'Taken',
          error: new DomainError('client_id_taken', 409, [], { clientId: 'dukcapil-simduk' }),
          instance: '/v1/clients',
        },
        answerUnavailable: answerUnavailable('/v1/clients', CreateApiClient.subject),
      },
    },
    422: {
      description: 'A scope its kind or agency does not allow, or an unknown agency',
      examples: {
        scope: {
          summary: "Another agency's work",
          error: DomainError.validation(
            [
              {
                field: 'scopes.0',
                code: 'scope_not_allowed',
                params: { scope: 'agency:PUPR:work' },
              },
            ],
            422,
          ),
          instance: '/v1/clients',
        },
      },
    },
  })
  @ApiAccountAccess('API clients', '/v1/clients', MANAGERS)
  async create(@Body() body: CreateApiClientRequest): Promise<ApiClientCreatedResponse> {
    return toApiClientCreatedResponse(
      await this.rpc.request(CreateApiClient, toCreateApiClientV1(body)),
    );
  }

  @Post(':clientId/secrets')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'rotateClientSecret',
    summary: 'Give a client a new secret',
    description:
      'Rotation: a new secret, answered once; the previous ones keep working for 24 hours ' +
      '(`previousSecretsExpireAt`), so the client switches without downtime. No body. A retry under ' +
      'the same `Idempotency-Key` answers the same secret again and rotates nothing.',
    security: BEARER,
  })
  @ApiParam(CLIENT_PARAM)
  @ApiResponse({
    status: 201,
    description: 'The new secret',
    type: SecretRotatedResponse,
    headers: REPLAYED_HEADERS,
    examples: {
      rotated: {
        summary: 'Rotated',
        value: {
          clientId: 'dukcapil-simduk',
          secret: 'sps_Hx3V0c9Q2rJmYbT8kP1sLwZ4nE7aFgU6dC5iRoXyMqA',
          previousSecretsExpireAt: '2026-12-03T03:04:05.678Z',
        },
      },
    },
  })
  @ApiProblemResponse(400, 'A malformed client id or Idempotency-Key', {
    clientId: {
      summary: 'Upper case',
      error: DomainError.validation([{ field: 'clientId', code: 'client_id_format' }]),
      instance: '/v1/clients/DUKCAPIL/secrets',
    },
    ...invalidIdempotencyKeyExample(`${ONE}/secrets`),
  })
  @ApiProblemResponse(404, 'Not a client the caller manages', NOT_FOUND)
  @ApiIdempotencyKey(`${ONE}/secrets`, {
    409: {
      description: 'The client is revoked',
      examples: {
        revoked: {
          summary: 'Revoked',
          error: new DomainError('client_revoked', 409, [], { clientId: 'dukcapil-simduk' }),
          instance: `${ONE}/secrets`,
        },
        answerUnavailable: answerUnavailable(`${ONE}/secrets`, RotateClientSecret.subject),
      },
    },
  })
  @ApiAccountAccess('API clients', `${ONE}/secrets`, MANAGERS)
  async rotate(@Param('clientId') clientId: string): Promise<SecretRotatedResponse> {
    const id = pathParam('clientId', clientId, CLIENT_ID_PATTERN, 'client_id_format');
    return toSecretRotatedResponse(await this.rpc.request(RotateClientSecret, { clientId: id }));
  }

  @Post(':clientId/revocation')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'revokeApiClient',
    summary: 'Revoke a client',
    description:
      'Ends the client at once: none of its secrets works any more. Revoking again changes nothing. No body.',
    security: BEARER,
  })
  @ApiParam(CLIENT_PARAM)
  @ApiResponse({
    status: 200,
    description: 'The client, revoked',
    type: ApiClientResponse,
    examples: {
      revoked: {
        summary: 'Revoked',
        value: { ...CLIENT_EXAMPLE, revokedAt: '2026-12-02T03:04:05.678Z' },
      },
    },
  })
  @ApiProblemResponse(400, 'A malformed client id', {
    clientId: {
      summary: 'Upper case',
      error: DomainError.validation([{ field: 'clientId', code: 'client_id_format' }]),
      instance: '/v1/clients/DUKCAPIL/revocation',
    },
  })
  @ApiProblemResponse(404, 'Not a client the caller manages', NOT_FOUND)
  @ApiAccountAccess('API clients', `${ONE}/revocation`, MANAGERS)
  async revoke(@Param('clientId') clientId: string): Promise<ApiClientResponse> {
    const id = pathParam('clientId', clientId, CLIENT_ID_PATTERN, 'client_id_format');
    return toApiClientResponse(await this.rpc.request(RevokeApiClient, { clientId: id }));
  }
}
