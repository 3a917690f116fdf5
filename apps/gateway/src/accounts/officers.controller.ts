import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { CreateOfficer, ListOfficers, UpdateOfficer } from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { Callers } from '../auth/access';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import { ApiProblemResponse } from '../openapi/problem.responses';
import { UUID, UUID_PATTERN, pathParam } from './account-formats';
import { ApiAccountAccess, ApiBodyProblems, BEARER } from './accounts.openapi';
import {
  CreateOfficerRequest,
  ListOfficersRequest,
  UpdateOfficerRequest,
  toCreateOfficerV1,
  toListOfficersV1,
  toUpdateOfficerV1,
} from './officer.request';
import {
  OFFICER_EXAMPLE,
  OfficerResponse,
  OfficersPageResponse,
  toOfficerResponse,
  toOfficersPageResponse,
} from './officer.response';

const MANAGERS = 'The caller is not a mall admin or an agency admin, or grants what they may not';
const ONE = `/v1/officers/${OFFICER_EXAMPLE.officerId}`;

@ApiTags('officers')
@Controller('v1/officers')
@Callers({ officer: ['MALL_ADMIN', 'AGENCY_ADMIN'] })
export class OfficersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'createOfficer',
    summary: 'Add an officer',
    description:
      'A mall admin adds any officer; an agency admin adds officers of their own agency, with agency roles ' +
      '(FRONT_DESK, VERIFIER, APPROVER, AGENCY_ADMIN) only: another agency or MALL_ADMIN/SURVEY_ANALYST is 403.',
    security: BEARER,
  })
  @ApiBody({
    type: CreateOfficerRequest,
    examples: {
      verifier: {
        summary: 'A verifier of Dukcapil',
        value: {
          username: 'dukcapil.budi',
          name: 'Budi Santoso',
          agencyCode: 'DUKCAPIL',
          roles: ['VERIFIER'],
          password: 'loket pelayanan nomor tiga',
        } satisfies CreateOfficerRequest,
      },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'Added',
    type: OfficerResponse,
    headers: REPLAYED_HEADERS,
    examples: { added: { summary: 'Added', value: OFFICER_EXAMPLE } },
  })
  @ApiBodyProblems(
    '/v1/officers',
    DomainError.validation([
      { field: 'roles.0', code: 'must_be_one_of', params: { values: 'FRONT_DESK, …' } },
    ]),
    'An unknown role',
    invalidIdempotencyKeyExample('/v1/officers'),
  )
  @ApiIdempotencyKey('/v1/officers', {
    409: {
      description: 'The username is taken',
      examples: {
        taken: {
          summary: 'Taken',
          error: new DomainError('username_taken', 409, [], { username: 'dukcapil.budi' }),
          instance: '/v1/officers',
        },
      },
    },
    422: {
      description: 'An agency role without an agency, an unknown agency, or a weak password',
      examples: {
        agency: {
          summary: 'Agency roles without an agency',
          error: DomainError.validation([{ field: 'agencyCode', code: 'roles_need_agency' }], 422),
          instance: '/v1/officers',
        },
      },
    },
  })
  @ApiAccountAccess('officers', '/v1/officers', MANAGERS)
  async create(@Body() body: CreateOfficerRequest): Promise<OfficerResponse> {
    return toOfficerResponse(await this.rpc.request(CreateOfficer, toCreateOfficerV1(body)));
  }

  @Patch(':officerId')
  @ApiOperation({
    operationId: 'updateOfficer',
    summary: 'Change an officer',
    description:
      "Changes the fields given (name, roles, whether they may sign in). To an agency admin, another agency's " +
      "officers and the mall's own people are not there (404), whether they exist or not.",
    security: BEARER,
  })
  @ApiParam({
    name: 'officerId',
    description: 'The officer',
    schema: { type: 'string', format: 'uuid', maxLength: 36, pattern: UUID.pattern },
    example: OFFICER_EXAMPLE.officerId,
  })
  @ApiBody({
    type: UpdateOfficerRequest,
    examples: {
      leave: {
        summary: 'No longer signs in',
        value: { active: false } satisfies UpdateOfficerRequest,
      },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'The officer after the change',
    type: OfficerResponse,
    examples: {
      changed: { summary: 'Deactivated', value: { ...OFFICER_EXAMPLE, active: false, version: 2 } },
    },
  })
  @ApiBodyProblems(
    ONE,
    DomainError.validation([{ field: 'active', code: 'invalid' }]),
    'active as a string',
  )
  @ApiProblemResponse(404, 'Not an officer the caller manages', {
    notFound: {
      summary: 'Another agency’s, or nobody',
      error: new DomainError('officer_not_found', 404, [], {
        officerId: OFFICER_EXAMPLE.officerId,
      }),
      instance: ONE,
    },
  })
  @ApiAccountAccess('officers', ONE, MANAGERS)
  async update(
    @Param('officerId') officerId: string,
    @Body() body: UpdateOfficerRequest,
  ): Promise<OfficerResponse> {
    const id = pathParam('officerId', officerId, UUID_PATTERN);
    return toOfficerResponse(await this.rpc.request(UpdateOfficer, toUpdateOfficerV1(id, body)));
  }

  @Get()
  @ApiOperation({
    operationId: 'listOfficers',
    summary: 'List officers',
    description:
      'Officers by username, a page at a time (`nextCursor`). A mall admin sees every one (or one agency’s, with ' +
      '`agencyCode`); an agency admin only their own agency’s.',
    security: BEARER,
  })
  @ApiResponse({
    status: 200,
    description: 'A page of officers',
    type: OfficersPageResponse,
    examples: {
      page: {
        summary: 'One officer, more to come',
        value: { items: [OFFICER_EXAMPLE], nextCursor: 'WyJkdWtjYXBpbC52ZXJpZmllciJd' },
      },
    },
  })
  @ApiProblemResponse(400, 'A malformed limit, cursor or agency code', {
    cursor: {
      summary: 'A cursor this list did not make',
      error: new DomainError('invalid_cursor', 400),
      instance: '/v1/officers?cursor=bm9wZQ',
    },
  })
  @ApiAccountAccess('officers', '/v1/officers', MANAGERS)
  async list(@Query() query: ListOfficersRequest): Promise<OfficersPageResponse> {
    return toOfficersPageResponse(await this.rpc.request(ListOfficers, toListOfficersV1(query)));
  }
}
